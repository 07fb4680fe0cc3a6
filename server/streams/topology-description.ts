import type { StreamsSubtopology as BrokerSubtopology } from '../kafka/streams-group-describe';

/** What an app's own `Topology#describe()` says of one sub-topology, topics named as on the cluster. */
export interface DescribedSubtopology {
  id: string;
  /** Topics it reads (repartition topics included). */
  sources: string[];
  /** Topics it writes (repartition topics included). */
  sinks: string[];
  stores: string[];
}

const REPARTITION = /-repartition$/;

/**
 * Reads `Topology#describe()` text: `Topologies:`, then a `Sub-topology: N` block per
 * sub-topology with its `Source: … (topics: [a, b])`, `Processor: … (stores: [s])` and
 * `Sink: … (topic: t)` lines. The text names the app's internal topics without the application
 * id the app prefixes them with on the cluster; they are given their cluster names here.
 * Undefined for text that is not such a description.
 */
export function parseTopologyDescription(applicationId: string, text: string): DescribedSubtopology[] | undefined {
  if (!/^\s*Topologies:/.test(text)) return undefined;
  const names = (found: string | undefined) => (found?.trim() ? found.split(',').map((name) => name.trim()) : []);
  const onCluster = (topic: string) =>
    REPARTITION.test(topic) && !topic.startsWith(`${applicationId}-`) ? `${applicationId}-${topic}` : topic;
  const blocks = text.split(/^\s*Sub-topology:\s*/m).slice(1);
  if (!blocks.length) return undefined;
  return blocks.map((block) => ({
    id: /^(\S+)/.exec(block)?.[1] ?? '',
    sources: [...block.matchAll(/Source: .+? \(topics: \[([^\]]*)\]\)/g)].flatMap((match) => names(match[1])).map(onCluster),
    sinks: [...block.matchAll(/Sink: .+? \(topic: ([^)]+)\)/g)].map((match) => onCluster(match[1]!.trim())),
    stores: [...new Set([...block.matchAll(/\(stores: \[([^\]]*)\]\)/g)].flatMap((match) => names(match[1])))],
  }));
}

/** The changelog topic of a store of the app (when the store is logged, as stores are by default). */
export function changelogOf(applicationId: string, store: string): string {
  return `${applicationId}-${store}-changelog`;
}

/**
 * Where the app's own description and the broker's topology disagree, sub-topology by
 * sub-topology, in words; empty when they agree. The broker knows no plain sinks, and no store
 * that keeps no changelog, so only what both can tell is compared.
 */
export function topologyDifferences(
  applicationId: string,
  described: DescribedSubtopology[],
  broker: BrokerSubtopology[] | null,
): string[] {
  if (!broker) return ['The broker has no topology for this app yet: no member has joined, or its source topics are missing'];
  const differences: string[] = [];
  const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((item) => b.includes(item));
  for (const id of [...new Set([...described.map((s) => s.id), ...broker.map((s) => s.id)])]) {
    const own = described.find((s) => s.id === id);
    const known = broker.find((s) => s.id === id);
    if (!own || !known) {
      differences.push(
        `Sub-topology ${id} is ${own ? 'in the description but not on the broker' : 'on the broker but not in the description'}`,
      );
      continue;
    }
    const brokerSources = [...known.sourceTopics, ...known.repartitionSourceTopics.map((topic) => topic.name)];
    if (!sameSet(own.sources, brokerSources)) {
      differences.push(`Sub-topology ${id} reads ${list(own.sources)} by the description, ${list(brokerSources)} by the broker`);
    }
    const ownRepartitions = own.sinks.filter((sink) => REPARTITION.test(sink));
    if (!sameSet(ownRepartitions, known.repartitionSinkTopics)) {
      differences.push(
        `Sub-topology ${id} repartitions to ${list(ownRepartitions)} by the description, ${list(known.repartitionSinkTopics)} by the broker`,
      );
    }
    const ownChangelogs = own.stores.map((store) => changelogOf(applicationId, store));
    const missing = known.changelogTopics.map((topic) => topic.name).filter((changelog) => !ownChangelogs.includes(changelog));
    if (missing.length)
      differences.push(`Sub-topology ${id} logs ${list(missing)} on the broker, for stores the description does not name`);
  }
  return differences;
}

/**
 * A classic-protocol app's topology as the broker would tell it, from its own description: so
 * the graph, tasks and lag work the same for it. Changelogs are those of its stores that exist.
 */
export function brokerShapeOf(
  applicationId: string,
  described: DescribedSubtopology[],
  existing: ReadonlySet<string>,
): BrokerSubtopology[] {
  const internal = (name: string) => ({ name, partitions: 0, replicationFactor: 0, configs: {} });
  return described.map((subtopology) => ({
    id: subtopology.id,
    sourceTopics: subtopology.sources.filter((topic) => !REPARTITION.test(topic)),
    repartitionSourceTopics: subtopology.sources.filter((topic) => REPARTITION.test(topic)).map(internal),
    repartitionSinkTopics: subtopology.sinks.filter((topic) => REPARTITION.test(topic)),
    changelogTopics: subtopology.stores
      .map((store) => changelogOf(applicationId, store))
      .filter((changelog) => existing.has(changelog))
      .map(internal),
  }));
}

function list(topics: string[]): string {
  return topics.length ? topics.join(', ') : 'nothing';
}

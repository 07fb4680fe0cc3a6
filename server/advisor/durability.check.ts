import type { ClusterModel } from '../kafka/cluster-model';
import type { ClusterConfig } from '../kafka/clusters-config';
import { isConsoleTopic } from '../topics/console-topics';
import type { AdvisorGateway } from './advisor.gateway';
import type { Finding } from './advisor.model';
import type { AdvisorCheck, CheckResult } from './advisor.service';
import { duration, plural, topicLink } from './advisor-words';
import {
  configSource,
  configsCommand,
  integer,
  METADATA,
  reassignment,
  replicasEvidence,
  type TopicDurability,
} from './durability-commands';

export interface DurabilityInput {
  cluster: string;
  /** As the commands of a fix name them: `host:port,host:port`. */
  bootstrapServers: string;
  brokerIds: readonly number[];
  topics: readonly TopicDurability[];
}

/** The replication factor a reassignment aims at: three copies, or as many as there are brokers. */
const TARGET_REPLICATION = 3;
const EVENT_HEURISTIC =
  'the Advisor counts as event topics those a source connector publishes to (the bridge from the source of truth) and those named *events*';

/**
 * Replication, `min.insync.replicas`, unclean leader election and the retention of event topics,
 * from the cluster metadata and every topic's effective configs (read in batches).
 */
export class DurabilityCheck implements AdvisorCheck {
  readonly rule = 'durability' as const;

  constructor(
    private readonly model: ClusterModel,
    private readonly gateway: AdvisorGateway,
  ) {}

  async check(cluster: ClusterConfig): Promise<CheckResult> {
    const { value: description } = await this.model.metadata(cluster);
    const topics = description.topics.filter((topic) => !topic.internal && !topic.name.startsWith('__') && !isConsoleTopic(topic.name));
    const names = topics.map((topic) => topic.name);
    const [{ configs, failed }, sources] = await Promise.all([
      this.gateway.topicConfigs(cluster, names),
      this.gateway.sourceTopics(cluster),
    ]);
    const findings = durabilityFindings({
      cluster: cluster.name,
      bootstrapServers: cluster.bootstrapServers.join(','),
      brokerIds: description.brokers.map((broker) => broker.id),
      topics: topics.map((topic) => ({
        name: topic.name,
        partitions: topic.partitions,
        configs: configs.get(topic.name) ?? {},
        isSourceTarget: sources.topics.has(topic.name),
      })),
    });
    const skipped = [
      ...failed.map((reason) => ({ rule: this.rule, reason: `The configs of ${reason}` })),
      ...sources.problems.map((problem) => ({
        rule: this.rule,
        reason: `Could not ask Connect which topics its source connectors write (${problem}): event topics are told by name only`,
      })),
    ];
    return { findings, skipped };
  }
}

/** The durability findings of a cluster's topics; pure, for the check and its specs. */
export function durabilityFindings(input: DurabilityInput): Finding[] {
  const findings: Finding[] = [];
  const unreplicated: string[] = [];
  const uncleanByDefault: string[] = [];
  for (const topic of input.topics) {
    if (!topic.partitions.length) continue;
    const replication = Math.min(...topic.partitions.map((partition) => partition.replicas.length));
    if (replication === 1 && input.brokerIds.length === 1) unreplicated.push(topic.name);
    const unclean = topic.configs['unclean.leader.election.enable'];
    if (unclean?.value === 'true' && !unclean.isOverride) uncleanByDefault.push(topic.name);
    const finding = (aspect: string, rest: Omit<Finding, 'id' | 'rule' | 'subject' | 'link'>): Finding => ({
      id: `durability:${topic.name}:${aspect}`,
      rule: 'durability',
      subject: { kind: 'topic', name: topic.name },
      link: topicLink(input.cluster, topic.name),
      ...rest,
    });
    const context = { input, topic, replication, finding, command: configsCommand(input.bootstrapServers, topic.name) };
    for (const rule of [replicationFinding, minInsyncFinding, uncleanFinding, retentionFinding]) {
      const found = rule(context);
      if (found) findings.push(found);
    }
  }
  if (unreplicated.length) findings.push(singleBroker(input, unreplicated));
  if (uncleanByDefault.length) findings.push(uncleanBrokers(input, uncleanByDefault));
  return findings;
}

interface TopicContext {
  input: DurabilityInput;
  topic: TopicDurability;
  /** The fewest replicas of its partitions. */
  replication: number;
  finding(aspect: string, rest: Omit<Finding, 'id' | 'rule' | 'subject' | 'link'>): Finding;
  /** The kafka-configs command that sets `config` on the topic. */
  command(config: string): string;
}

/** One copy on a cluster that could hold more. */
function replicationFinding({ input, topic, replication, finding }: TopicContext): Finding | undefined {
  const brokers = input.brokerIds.length;
  if (replication !== 1 || brokers < 2) return undefined;
  const target = Math.min(TARGET_REPLICATION, brokers);
  return finding('replication', {
    severity: 'critical',
    title: `Replication factor 1 on a cluster of ${brokers} brokers: one broker lost loses ${topic.name}`,
    evidence: [
      replicasEvidence(replication),
      { label: 'Brokers', value: String(brokers), source: 'cluster metadata' },
      { label: 'Partitions', value: String(topic.partitions.length), source: 'cluster metadata' },
    ],
    fix: {
      target: 'topic',
      summary: `Reassign the partitions onto ${target} replicas each; the replication factor is not a topic config, kafka-configs cannot change it.`,
      config: reassignment(input.bootstrapServers, topic, input.brokerIds, target),
      why:
        'With one copy, a broker that stops takes its partitions offline (no reads, no writes) and a lost disk loses them for good. ' +
        `Each extra replica costs the partition's size in disk on another broker and its replication traffic; once replicated, set min.insync.replicas=${target - 1}.`,
    },
  });
}

/** `min.insync.replicas` against the replication factor: advised RF − 1. */
function minInsyncFinding({ topic, replication, finding, command }: TopicContext): Finding | undefined {
  const minInsync = integer(topic.configs['min.insync.replicas']?.value);
  if (minInsync === null) return undefined;
  const advised = Math.max(1, replication - 1);
  const lesson = insyncLesson(topic.name, replication, minInsync, advised);
  if (!lesson) return undefined;
  const { summary, why, ...rest } = lesson;
  return finding('min.insync.replicas', {
    ...rest,
    evidence: [
      replicasEvidence(replication),
      { label: 'min.insync.replicas', value: String(minInsync), source: configSource(topic, 'min.insync.replicas') },
    ],
    fix: { target: 'topic', summary, config: command(`min.insync.replicas=${advised}`), why },
  });
}

function insyncLesson(topic: string, replication: number, minInsync: number, advised: number) {
  if (replication < minInsync) {
    return {
      severity: 'critical' as const,
      title: `${topic} needs ${minInsync} in-sync replicas but has ${replication}: every acks=all write fails`,
      summary: `Lower min.insync.replicas to ${advised}, or add replicas.`,
      why:
        'Producers with acks=all (the default since Kafka 3.0) are refused with NOT_ENOUGH_REPLICAS while fewer replicas than ' +
        'min.insync.replicas are in sync, and a topic with fewer replicas never has enough.',
    };
  }
  if (replication === minInsync && replication > 1) {
    return {
      severity: 'warning' as const,
      title: `${topic}: min.insync.replicas ${minInsync} equals its ${replication} replicas, so one broker down stops acks=all writes`,
      summary: `Set min.insync.replicas to ${advised} (replication factor − 1).`,
      why:
        'A rolling restart or one failed broker takes a replica out of sync, and writes stop until it is back. ' +
        `With ${advised}, one broker may be down while every acknowledged write still sits on ${advised} brokers.`,
    };
  }
  if (minInsync >= replication - 1) return undefined;
  return {
    severity: 'warning' as const,
    title: `${topic} acknowledges acks=all writes with ${minInsync} of ${replication} replicas in sync`,
    summary: `Raise min.insync.replicas to ${advised} (replication factor − 1).`,
    why:
      `With ${minInsync}, a leader whose followers fell behind acknowledges writes alone, and losing it then loses them. ` +
      `With ${advised}, writes are refused (producers retry) while fewer are in sync: durability over availability.`,
  };
}

/** Unclean leader election set on the topic itself (inherited from the brokers, it is one cluster finding). */
function uncleanFinding({ topic, finding, command }: TopicContext): Finding | undefined {
  const unclean = topic.configs['unclean.leader.election.enable'];
  if (unclean?.value !== 'true' || !unclean.isOverride) return undefined;
  return finding('unclean.leader.election.enable', {
    severity: 'critical',
    title: `${topic.name} allows unclean leader election: a failover can drop acknowledged writes`,
    evidence: [{ label: 'unclean.leader.election.enable', value: 'true', source: 'topic config (set on the topic)' }],
    fix: {
      target: 'topic',
      summary: 'Turn unclean leader election off.',
      config: command('unclean.leader.election.enable=false'),
      why: UNCLEAN_WHY,
    },
  });
}

/** An event topic that forgets: a new consumer cannot rebuild its projection from the start. */
function retentionFinding({ topic, finding, command }: TopicContext): Finding | undefined {
  const reason = topic.isSourceTarget
    ? 'a source connector publishes to it'
    : /events/i.test(topic.name)
      ? 'its name contains "events"'
      : null;
  const policy = topic.configs['cleanup.policy']?.value ?? 'delete';
  const ms = integer(topic.configs['retention.ms']?.value);
  const bytes = integer(topic.configs['retention.bytes']?.value);
  const limitsTime = ms !== null && ms !== -1;
  const limitsBytes = bytes !== null && bytes !== -1;
  if (!reason || !(limitsTime || limitsBytes) || policy.split(',').includes('compact')) return undefined;
  return finding('retention', {
    severity: 'warning',
    title: `Event topic ${topic.name} keeps ${limitsTime ? duration(ms) : `${bytes} bytes per partition`}: a new consumer cannot rebuild from the start`,
    evidence: [
      { label: 'retention.ms', value: String(ms), source: configSource(topic, 'retention.ms') },
      ...(limitsBytes ? [{ label: 'retention.bytes', value: String(bytes), source: configSource(topic, 'retention.bytes') }] : []),
      { label: 'cleanup.policy', value: policy, source: configSource(topic, 'cleanup.policy') },
      { label: 'Why an event topic', value: reason, source: EVENT_HEURISTIC },
    ],
    fix: {
      target: 'topic',
      summary: 'Keep the events forever.',
      config: command(['retention.ms=-1', ...(limitsBytes ? ['retention.bytes=-1'] : [])].join(',')),
      why:
        'An event topic is the source of truth: a new projection, or one rebuilt after a bug, replays it from the first offset, ' +
        'and records past retention are gone for good. Kept forever it grows by its write rate: tiered storage ' +
        '(remote.storage.enable=true) keeps old segments cheaply; compaction keeps only the newest event per key, which suits state, not history.',
    },
  });
}

const UNCLEAN_WHY =
  'An out-of-sync replica may become leader when no in-sync one is left: the partition comes back sooner, but every write it ' +
  'had not copied is lost, though producers were told it was written. Off, the partition waits for an in-sync replica.';

/** On one broker there is nothing to replicate to: one finding for the cluster, not one per topic. */
function singleBroker(input: DurabilityInput, topics: string[]): Finding {
  return clusterFinding(input, 'single-broker', {
    severity: 'info',
    title: `One broker: nothing to replicate to, so ${plural(topics.length, 'topic')} ${topics.length === 1 ? 'has' : 'have'} replication factor 1`,
    evidence: [
      { label: 'Brokers', value: '1', source: 'cluster metadata' },
      { label: 'Topics with one replica', value: String(topics.length), source: METADATA },
    ],
    fix: {
      target: 'broker',
      summary: 'Before production data, run three brokers or more, and let new topics get three replicas.',
      config: 'default.replication.factor=3\nmin.insync.replicas=2',
      why: 'Fine for a demo or development cluster; in production, the one broker lost is every topic lost.',
    },
  });
}

/** Unclean leader election from the brokers' default: one fix, on the brokers, for every topic that inherits it. */
function uncleanBrokers(input: DurabilityInput, topics: string[]): Finding {
  const shown = topics.slice(0, 5).join(', ') + (topics.length > 5 ? ` and ${topics.length - 5} more` : '');
  return clusterFinding(input, 'unclean.leader.election.enable', {
    severity: 'critical',
    title: `The brokers allow unclean leader election for ${plural(topics.length, 'topic')}: a failover can drop acknowledged writes`,
    evidence: [
      { label: 'unclean.leader.election.enable', value: 'true', source: 'broker default, inherited by the topics' },
      { label: 'Topics', value: shown, source: 'topic configs' },
    ],
    fix: {
      target: 'broker',
      summary: 'Turn unclean leader election off for the whole cluster (a dynamic default outranks server.properties).',
      config: `kafka-configs.sh --bootstrap-server ${input.bootstrapServers} --entity-type brokers --entity-default --alter --add-config unclean.leader.election.enable=false`,
      why: UNCLEAN_WHY,
    },
  });
}

function clusterFinding(input: DurabilityInput, aspect: string, rest: Omit<Finding, 'id' | 'rule' | 'subject' | 'link'>): Finding {
  const link = `/clusters/${encodeURIComponent(input.cluster)}/overview`;
  return { id: `durability:cluster:${aspect}`, rule: 'durability', subject: { kind: 'cluster', name: input.cluster }, link, ...rest };
}

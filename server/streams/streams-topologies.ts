import type { AuditService } from '../audit/audit.service';
import type { StreamsTopologyDescriptionState } from '../audit/audit.model';
import type { ClusterConfig } from '../kafka/clusters-config';
import type { KafkaClients } from '../kafka/kafka-clients';
import { StateTopic } from '../kafka/state-topic';
import { AppError } from '../shared/app-error';
import { parseTopologyDescription, type DescribedSubtopology } from './topology-description';

/** The console topic that keeps the apps' own topology descriptions, one entry per application id. */
export const STREAMS_TOPOLOGIES_TOPIC = '_kpc-streams-topologies';

/** Descriptions longer than this are not a Topology#describe() a person pastes. */
const MAX_TEXT = 256 * 1024;

/** A kept description, read back. */
export interface KeptTopologyDescription extends StreamsTopologyDescriptionState {
  subtopologies: DescribedSubtopology[];
}

/**
 * The Kafka Streams apps' own `Topology#describe()` texts, kept in the cluster (a compacted
 * console topic) so every console instance has them and a restart keeps them. Operators give
 * and forget them, audited; the embedded demo gives its apps' own.
 */
export class StreamsTopologies {
  readonly #store: StateTopic<StreamsTopologyDescriptionState>;

  constructor(
    clusters: KafkaClients,
    private readonly audit: AuditService,
  ) {
    this.#store = new StateTopic(clusters, STREAMS_TOPOLOGIES_TOPIC, parseKept);
  }

  async get(cluster: ClusterConfig, applicationId: string): Promise<KeptTopologyDescription | undefined> {
    const kept = (await this.#store.entries(cluster)).get(applicationId);
    const subtopologies = kept && parseTopologyDescription(applicationId, kept.text);
    return kept && subtopologies ? { ...kept, subtopologies } : undefined;
  }

  /** Keeps the app's description in place of any before; 400 TOPOLOGY_DESCRIPTION_INVALID for other text. */
  async set(cluster: ClusterConfig, applicationId: string, text: string): Promise<void> {
    checked(applicationId, text);
    const before = (await this.#store.entries(cluster)).get(applicationId) ?? null;
    const after = { text, givenAt: new Date().toISOString() };
    await this.audit.track(
      cluster,
      {
        action: 'streams-app.topology-description.set',
        subject: { kind: 'streams-app', name: applicationId },
        parameters: { lines: text.split('\n').length },
        before,
      },
      () => this.#store.put(cluster, applicationId, after),
      { after: () => after },
    );
  }

  /** Forgets the app's description; 404 when there is none. */
  async remove(cluster: ClusterConfig, applicationId: string): Promise<void> {
    const before = (await this.#store.entries(cluster)).get(applicationId);
    if (!before) throw new AppError('TOPOLOGY_DESCRIPTION_NOT_FOUND', `The console has no topology description of ${applicationId}`);
    await this.audit.track(
      cluster,
      {
        action: 'streams-app.topology-description.remove',
        subject: { kind: 'streams-app', name: applicationId },
        parameters: {},
        before,
      },
      () => this.#store.remove(cluster, applicationId),
      { after: () => null },
    );
  }

  /** The embedded demo's own apps: kept as they print it, when it changed; not a change an operator made. */
  async give(cluster: ClusterConfig, applicationId: string, text: string): Promise<void> {
    checked(applicationId, text);
    if ((await this.#store.entries(cluster)).get(applicationId)?.text === text) return;
    await this.#store.put(cluster, applicationId, { text, givenAt: new Date().toISOString() });
  }
}

function checked(applicationId: string, text: string): void {
  if (text.length > MAX_TEXT || !parseTopologyDescription(applicationId, text)) {
    throw new AppError(
      'TOPOLOGY_DESCRIPTION_INVALID',
      'This is not a Topology#describe() output: it starts with "Topologies:" and has a "Sub-topology: N" block for each sub-topology (print topology.describe() in the app)',
    );
  }
}

function parseKept(value: unknown): StreamsTopologyDescriptionState | undefined {
  const kept = value as Partial<StreamsTopologyDescriptionState> | null;
  return typeof kept?.text === 'string' && typeof kept.givenAt === 'string' ? { text: kept.text, givenAt: kept.givenAt } : undefined;
}

/**
 * The API contract of the Streams apps feature: every Kafka Streams application of a cluster,
 * its sub-topologies as a graph with live rates and lag, its tasks and members, and its state
 * stores with their changelogs. The Angular app imports these types too.
 */
import type { OffsetResetCommand, OffsetResetRequest, ResetPreview } from '../consumer-groups/consumer-group.model';

/**
 * How the console knows the app: `streams` — a streams group (KIP-1071), described by the
 * broker itself; `classic` — a consumer group recognised by the internal topics named after it
 * (`<application.id>-…-changelog`, `-repartition`), whose topology the broker does not know.
 */
export type StreamsProtocol = 'streams' | 'classic';

/** One row of the Streams apps list. */
export interface StreamsAppSummary {
  applicationId: string;
  protocol: StreamsProtocol;
  /** The group's state: `Empty`, `NotReady`, `Assigning`, `Reconciling`, `Stable`, `Dead` (classic states for classic apps). */
  state: string;
  memberCount: number;
  /** Null when the broker does not know the topology (classic apps, or a streams group no member joined yet). */
  subtopologyCount: number | null;
  storeCount: number;
  /** Records behind the log end on every input partition, summed; null when nothing is committed. */
  totalLag: number | null;
  /** Records per second the app reads, over its inputs; null until two samples of the model. */
  consumeRate: number | null;
}

/** What a node of the topology graph stands for. */
export type StreamsTopicRole = 'source' | 'sink' | 'repartition' | 'changelog';

/** A topic as a sub-topology uses it. */
export interface StreamsTopicUse {
  topic: string;
  role: StreamsTopicRole;
  /** Records per second written to the topic (produce rate); null until two samples. */
  rate: number | null;
  /** For inputs (source, repartition source): records the app has not read yet; null without commits. */
  lag: number | null;
  /** Whether the topic exists on the cluster (an internal topic the app has not created yet does not). */
  exists: boolean;
}

/** A task: one sub-topology on one partition of its inputs. */
export interface StreamsTask {
  /** `<subtopology>_<partition>`, as Kafka Streams names tasks. */
  taskId: string;
  subtopology: string;
  partition: number;
  /** Client id of the member that runs it as an active task; null when unassigned. */
  activeOn: string | null;
  standbyOn: string[];
  /** Records behind on the task's input partitions; null without commits. */
  lag: number | null;
}

export interface StreamsSubtopology {
  id: string;
  /** Topics it reads: source and repartition-source topics, each with rate and lag (the graph's input edges). */
  inputs: StreamsTopicUse[];
  /** Topics it writes: repartition sinks (from the broker) and plain sinks (from the app's own description, if given). */
  outputs: StreamsTopicUse[];
  changelogs: StreamsTopicUse[];
  /** Regular expressions it subscribes to, if any. */
  sourcePatterns: string[];
  /** Records behind over its input partitions. */
  lag: number | null;
  tasks: StreamsTask[];
}

export interface StreamsMember {
  memberId: string;
  clientId: string;
  host: string;
  /** The Streams instance (process) the member belongs to. */
  processId: string;
  instanceId: string | null;
  activeTasks: string[];
  standbyTasks: string[];
  warmupTasks: string[];
}

/** A state store, known by its changelog topic. */
export interface StreamsStore {
  name: string;
  changelogTopic: string;
  /** A windowed or session store keeps segments: its changelog is compacted and deleted. */
  windowed: boolean;
  /** The changelog's cleanup.policy, e.g. `compact` or `compact,delete`. */
  cleanupPolicy: string | null;
  /** Records in the changelog (end − start over its partitions); null when it does not exist yet. */
  records: number | null;
  sizeBytes: number | null;
  /** The changelog's retention.ms, and the broker's default it is compared with (null = forever). */
  retentionMs: number | null;
  brokerDefaultRetentionMs: number | null;
  /** How long a full restore would take at `restoreRate`; null when unknown. */
  restoreSeconds: number | null;
  /** Records per second the console read the changelog at when it measured it. */
  restoreRate: number | null;
}

/**
 * The app's own `Topology#describe()` text, given to the console (the embedded demo gives its
 * apps'; an operator pastes their own): it names what the broker does not know — plain sink
 * topics, processors — and is checked against what the broker reports.
 */
export interface StreamsTopologyDescription {
  /** The text as given. */
  text: string;
  /** When it was given (ISO-8601). */
  givenAt: string;
  /** Sub-topology by sub-topology, where the text and the broker's topology disagree; empty when they agree. */
  differences: string[];
}

/** `PUT .../streams-apps/:applicationId/topology-description`. */
export interface StreamsTopologyDescriptionChange {
  /** `Topology#describe()` as the app prints it: `Topologies:` then one `Sub-topology: N` block each. */
  text: string;
}

export interface StreamsAppDetail extends StreamsAppSummary {
  /** The broker's group epoch and assignment epoch (streams groups). */
  groupEpoch: number | null;
  assignmentEpoch: number | null;
  subtopologies: StreamsSubtopology[];
  members: StreamsMember[];
  stores: StreamsStore[];
  /** The app's own topology description, when one was given; its sinks are among the outputs. */
  topologyDescription: StreamsTopologyDescription | null;
  /** When the data was read from the cluster (ISO-8601): the oldest part of it. */
  asOf: string;
}

export interface StreamsAppPage {
  items: StreamsAppSummary[];
  total: number;
  asOf: string;
}

export type StreamsAppSortField = 'applicationId' | 'state' | 'memberCount' | 'totalLag';

export interface StreamsAppListQuery {
  search?: string;
  sort: StreamsAppSortField;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
  fresh?: boolean;
}

/**
 * A Streams app's replay, the way `kafka-streams-application-reset` does it: the app's input
 * topics are reset (all partitions) with one of the replay modes, while no member runs.
 */
export type StreamsReplayRequest = Omit<OffsetResetRequest, 'topics'>;
export type StreamsReplayCommand = Omit<OffsetResetCommand, 'topics'>;

/** The preview of a Streams app's replay: the input offsets' moves, and the internal topics to delete. */
export interface StreamsReplayPreview extends ResetPreview {
  inputTopics: string[];
  /**
   * Repartition and changelog topics the app made. The reset tool deletes them, so the app
   * rebuilds its state from the replayed input; without that, it replays onto the state it has.
   * They are named here for an admin to delete (each on its topic page); the replay keeps them.
   */
  internalTopics: string[];
}

/**
 * The API contract of the clusters feature. The Angular app imports these types too, so
 * server and browser cannot drift apart.
 */

/** A configured cluster as the API shows it: never a password, key or credential. */
export interface ClusterSummary {
  name: string;
  bootstrapServers: string[];
  /** `none`, or the SASL mechanism, e.g. `SCRAM-SHA-512`. */
  authentication: string;
  tls: boolean;
  /** Whether the console started this cluster itself (the embedded local default). */
  embedded: boolean;
  connectClusters: { name: string }[];
}

export interface BrokerSummary {
  id: number;
  host: string;
  port: number;
  rack: string | null;
  isController: boolean;
  /** Partitions this broker leads. A skew here means an unbalanced cluster. */
  leaderPartitions: number;
  /** Partition replicas this broker hosts. */
  replicaPartitions: number;
}

export interface ClusterOverview {
  cluster: string;
  clusterId: string;
  controllerId: number;
  brokers: BrokerSummary[];
  topicCount: number;
  internalTopicCount: number;
  partitionCount: number;
  /** Partitions whose in-sync replicas are fewer than their replicas. */
  underReplicatedPartitions: number;
  /** Partitions with no leader: nobody can read or write them. */
  offlinePartitions: number;
  /** When the metadata was read from the cluster (ISO-8601). */
  asOf: string;
}

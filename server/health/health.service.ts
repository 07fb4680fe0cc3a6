import type { ConnectService } from '../connect/connect.service';
import type { ClusterConfig } from '../kafka/clusters-config';
import type { KafkaClients } from '../kafka/kafka-clients';
import type { Readiness } from './health.model';

/** What the console can reach now: every configured cluster and its Connect workers, asked at once. */
export class HealthService {
  constructor(
    private readonly clusters: readonly ClusterConfig[],
    private readonly kafka: KafkaClients,
    private readonly connect: ConnectService,
  ) {}

  /** Asks every dependency in parallel; each answers within the Kafka and Connect deadlines. */
  async readiness(): Promise<Readiness> {
    const clusters = await Promise.all(
      this.clusters.map(async (cluster) => {
        const [kafka, connect] = await Promise.all([
          this.kafka.ping(cluster).then(
            () => ({ reachable: true }),
            (err: Error) => ({ reachable: false, problem: err.message }),
          ),
          this.connect.connectClusters(cluster),
        ]);
        return {
          name: cluster.name,
          ...kafka,
          connect: connect.map(({ name, reachable, problem }) => ({ name, reachable, ...(problem && { problem }) })),
        };
      }),
    );
    const ready = clusters.every((cluster) => cluster.reachable && cluster.connect.every((worker) => worker.reachable));
    return { ready, clusters };
  }
}

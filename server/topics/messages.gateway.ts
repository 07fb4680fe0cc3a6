import type { ClusterConfig } from '../kafka/clusters-config';
import type { KafkaClients } from '../kafka/kafka-clients';
import { PartitionReader, type FetchStart, type PartitionChunk, type ScanChunk, type ScanStart } from '../kafka/partition-reader';
import type { ProduceRequest } from './message.model';

/** Reads records without a consumer group, and writes one record to a chosen partition. */
export class MessagesGateway {
  constructor(private readonly clusters: KafkaClients) {}

  /** One fetch round over the given partitions. */
  fetch(cluster: ClusterConfig, topic: string, starts: FetchStart[], maxBytesPerPartition: number): Promise<PartitionChunk[]> {
    return this.clusters.call(cluster, (admin) => new PartitionReader(admin).fetch(topic, starts, { maxBytesPerPartition }));
  }

  /**
   * One fetch of a whole-topic search: up to `maxBytes` of one partition, of which only the
   * records holding `needle` come back decoded.
   */
  search(
    cluster: ClusterConfig,
    topic: string,
    start: ScanStart,
    needle: Buffer,
    maxBytes: number,
    refreshMetadata = false,
  ): Promise<ScanChunk> {
    return this.clusters.call(cluster, (admin) => new PartitionReader(admin).search(topic, start, needle, maxBytes, { refreshMetadata }));
  }

  /** Writes one record (acks=all) and answers where it landed. */
  produce(cluster: ClusterConfig, topic: string, partition: number, message: ProduceRequest): Promise<bigint> {
    return this.clusters.change(cluster, async () => {
      const result = await this.clusters.producer(cluster).send({
        messages: [
          {
            topic,
            partition,
            key: message.key === null ? undefined : Buffer.from(message.key),
            // The client's types want a Buffer; it writes null as Kafka's null value (a tombstone).
            value: (message.value === null ? null : Buffer.from(message.value)) as Buffer,
            // A Map of Buffers: without serializers the client writes header keys only from Buffers.
            headers: new Map(Object.entries(message.headers ?? {}).map(([k, v]) => [Buffer.from(k), Buffer.from(v)])),
          },
        ],
      });
      const written = result.offsets?.find((o) => o.topic === topic && o.partition === partition);
      if (!written) throw new Error(`Kafka did not report the offset written to ${topic}-${partition}`);
      return written.offset;
    });
  }
}

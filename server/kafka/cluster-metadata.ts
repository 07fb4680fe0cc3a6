import type { Admin } from '@platformatic/kafka';
import { bootstrapConnection, protocolApi } from './kafka-protocol';
import { ByteWriter, leanApi, type ByteReader } from './lean-codec';

/** Brokers, controller and every topic's partitions, as one Metadata request tells them. */
export interface ClusterDescription {
  clusterId: string;
  controllerId: number;
  brokers: { id: number; host: string; port: number; rack: string | null }[];
  topics: {
    name: string;
    internal: boolean;
    partitions: { leader: number; replicas: readonly number[]; isr: readonly number[] }[];
  }[];
}

/** The Metadata version read here; Kafka 3.1 and later answer it. */
const METADATA_VERSION = 12;

/**
 * Metadata v12 for every topic, internal ones included, read straight into a
 * {@link ClusterDescription}. The client's own `metadata()` leaves internal topics out and its
 * parser makes several objects per partition; the live model asks this every few seconds of
 * clusters with tens of thousands of partitions.
 */
export async function readClusterMetadata(admin: Admin): Promise<ClusterDescription> {
  const { version } = await protocolApi(admin, 'Metadata');
  if (version < METADATA_VERSION) {
    throw new Error(`The broker speaks Metadata up to version ${version}; the console needs ${METADATA_VERSION} (Kafka 3.1 and later)`);
  }
  return allTopicsMetadata.async(await bootstrapConnection(admin));
}

const allTopicsMetadata = leanApi<[], ClusterDescription>(
  3,
  METADATA_VERSION,
  // Every topic (a null list), no topic creation, no authorized operations.
  () => new ByteWriter(4).compactLength(-1).int8(0).int8(0).noTaggedFields(),
  readDescription,
);

function readDescription(reader: ByteReader): ClusterDescription {
  reader.int32(); // throttle time
  const brokers: ClusterDescription['brokers'] = [];
  for (let count = reader.compactLength(); count > 0; count--) {
    const id = reader.int32();
    const host = reader.compactString() ?? '';
    const port = reader.int32();
    brokers.push({ id, host, port, rack: reader.compactString() });
    reader.skipTaggedFields();
  }
  const clusterId = reader.compactString() ?? '';
  const controllerId = reader.int32();
  // Thousands of partitions name the same few broker lists: each list is kept once.
  const lists = new Map<string, readonly number[]>();
  const brokerList = () => {
    const ids = reader.int32Array();
    const key = ids.join(',');
    let list = lists.get(key);
    if (!list) lists.set(key, (list = Object.freeze(ids)));
    return list;
  };
  const topics: ClusterDescription['topics'] = [];
  for (let count = reader.compactLength(); count > 0; count--) {
    reader.int16(); // error code: a topic being deleted still lists what it has
    const name = reader.compactString();
    const topicId = reader.bytes.toString('hex', reader.position, reader.position + 16);
    reader.skip(16);
    const internal = reader.boolean();
    const partitions: ClusterDescription['topics'][number]['partitions'] = [];
    for (let partitionCount = reader.compactLength(); partitionCount > 0; partitionCount--) {
      reader.int16(); // error code
      const index = reader.int32();
      const leader = reader.int32();
      reader.int32(); // leader epoch
      const replicas = brokerList();
      const isr = brokerList();
      brokerList(); // offline replicas
      reader.skipTaggedFields();
      partitions[index] = { leader, replicas, isr };
    }
    reader.int32(); // authorized operations
    reader.skipTaggedFields();
    topics.push({ name: name ?? uuid(topicId), internal, partitions });
  }
  reader.skipTaggedFields();
  return { clusterId, controllerId, brokers, topics };
}

function uuid(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

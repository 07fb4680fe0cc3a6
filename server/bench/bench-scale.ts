import { Admin, Producer } from '../kafka/client';

/** The cluster the bench builds: the peers' scale (issue #17), or a small one for CI. */
export interface BenchScale {
  topics: number;
  partitionsPerTopic: number;
  /** Records in every partition of every small topic, so committed offsets can lag behind. */
  recordsPerSmallPartition: number;
  consumerGroups: number;
  topicsPerGroup: number;
  /** The topic searched and read whole. */
  largeTopic: { name: string; records: number; recordBytes: number; partitions: number };
  /** Calls per route measurement (after a few unmeasured warm-up calls). */
  runs: number;
  /** Scans per direction of the large topic, and starts of the console. */
  scans: number;
  starts: number;
  /** How long a paged scan that reads far slower than the wire may run before it is cut short. */
  pagedScanCapMs: number;
}

export const FULL_SCALE: BenchScale = {
  topics: 5_000,
  partitionsPerTopic: 4,
  recordsPerSmallPartition: 5,
  consumerGroups: 500,
  topicsPerGroup: 20,
  largeTopic: { name: 'bench.large', records: 1_000_000, recordBytes: 200, partitions: 6 },
  runs: 20,
  scans: 3,
  starts: 5,
  pagedScanCapMs: 60_000,
};

export const QUICK_SCALE: BenchScale = {
  topics: 200,
  partitionsPerTopic: 4,
  recordsPerSmallPartition: 5,
  consumerGroups: 50,
  topicsPerGroup: 20,
  largeTopic: { name: 'bench.large', records: 50_000, recordBytes: 200, partitions: 6 },
  runs: 20,
  scans: 2,
  starts: 2,
  pagedScanCapMs: 10_000,
};

/** A string no record of the bench holds: a search for it reads the whole topic. */
export const ABSENT = 'kpc-bench-absent-7f3e9';

export function topicName(index: number): string {
  return `bench.topic.${String(index).padStart(5, '0')}`;
}

export function groupName(index: number): string {
  return `bench.group.${String(index).padStart(4, '0')}`;
}

/**
 * The topics a group has committed offsets on: `topicsPerGroup` topics spread evenly over all
 * of them, so every topic has about the same number of consumer groups (2 at full scale).
 */
export function topicsOfGroup(scale: BenchScale, group: number): number[] {
  const step = Math.max(1, Math.floor(scale.topics / scale.topicsPerGroup));
  return Array.from({ length: scale.topicsPerGroup }, (_, j) => (group + j * step) % scale.topics);
}

/** Builds the scale on an empty cluster; says what it does through `log`. */
export async function buildScale(bootstrapServers: string[], scale: BenchScale, log: (line: string) => void): Promise<void> {
  const admin = new Admin({ clientId: 'kpc-bench', bootstrapBrokers: bootstrapServers, timeout: 120_000 });
  const producer = new Producer({ clientId: 'kpc-bench', bootstrapBrokers: bootstrapServers, acks: 1, timeout: 120_000 });
  try {
    await step(log, `${scale.topics} topics × ${scale.partitionsPerTopic} partitions`, () => createTopics(admin, scale));
    const smallRecords = scale.topics * scale.partitionsPerTopic * scale.recordsPerSmallPartition;
    await step(log, `${smallRecords} records in the small topics`, () => produceSmallRecords(producer, scale));
    await step(log, `${scale.consumerGroups} consumer groups with offsets on ${scale.topicsPerGroup} topics each`, () =>
      commitGroupOffsets(admin, scale),
    );
    const { name, records, recordBytes, partitions } = scale.largeTopic;
    await step(log, `${name}: ${records} records of ${recordBytes} B in ${partitions} partitions`, async () => {
      await admin.createTopics({ topics: [name], partitions, replicas: 1 });
      await produceLargeTopic(producer, scale);
    });
  } finally {
    await producer.close();
    await admin.close();
  }
}

async function step(log: (line: string) => void, what: string, work: () => Promise<void>): Promise<void> {
  const started = performance.now();
  log(`building: ${what} ...`);
  await work();
  log(`building: ${what} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** In batches: the controller refuses more than 10,000 partitions in one request, and big ones are slow to answer. */
async function createTopics(admin: Admin, scale: BenchScale): Promise<void> {
  const batch = 250;
  for (let first = 0; first < scale.topics; first += batch) {
    const names = Array.from({ length: Math.min(batch, scale.topics - first) }, (_, i) => topicName(first + i));
    await admin.createTopics({ topics: names, partitions: scale.partitionsPerTopic, replicas: 1 });
  }
}

/**
 * A send retried while the brokers catch up: a topic just created has a leader in the
 * controller's metadata before every broker has applied it, and a broker that has not yet
 * answers NOT_LEADER_OR_FOLLOWER or UNKNOWN_TOPIC_OR_PARTITION for a moment.
 */
async function sendWithRetries(producer: Producer, messages: Parameters<Producer['send']>[0]['messages']): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await producer.send({ messages });
      return;
    } catch (err) {
      if (attempt >= 10) throw new Error(`Producing failed ${attempt} times: ${reasons(err)}`, { cause: err });
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

/** The messages of an error and of the errors it aggregates, which the client's own message leaves out. */
export function reasons(err: unknown): string {
  const errors = (err as { errors?: unknown[] }).errors;
  const own = (err as Error).message;
  if (!Array.isArray(errors) || errors.length === 0) return own;
  return `${own} (${[...new Set(errors.map(reasons))].slice(0, 5).join('; ')})`;
}

async function produceSmallRecords(producer: Producer, scale: BenchScale): Promise<void> {
  const value = Buffer.from('{"type":"BenchRecord"}');
  const perSend = 20_000;
  let messages: { topic: string; partition: number; value: Buffer }[] = [];
  for (let topic = 0; topic < scale.topics; topic++) {
    for (let partition = 0; partition < scale.partitionsPerTopic; partition++) {
      for (let i = 0; i < scale.recordsPerSmallPartition; i++) messages.push({ topic: topicName(topic), partition, value });
    }
    if (messages.length >= perSend) {
      await sendWithRetries(producer, messages);
      messages = [];
    }
  }
  if (messages.length > 0) await sendWithRetries(producer, messages);
}

/**
 * Offsets committed from outside the group (OffsetCommit through the admin client), which
 * makes a group that holds offsets and has no members: what the console lists and lags
 * without a consumer running. Each partition is 1 to `recordsPerSmallPartition` behind.
 */
async function commitGroupOffsets(admin: Admin, scale: BenchScale): Promise<void> {
  const commit = async (group: number) =>
    admin.alterConsumerGroupOffsets({
      groupId: groupName(group),
      topics: topicsOfGroup(scale, group).map((topic) => ({
        name: topicName(topic),
        partitionOffsets: Array.from({ length: scale.partitionsPerTopic }, (_, partition) => ({
          partition,
          offset: BigInt((group + partition) % scale.recordsPerSmallPartition),
        })),
      })),
    });
  await inParallel(scale.consumerGroups, 8, commit);
}

/**
 * The large topic, as fast as the client sends: several big sends in flight, each spread over
 * every partition. Each record is `recordBytes` of JSON-like text with its own number.
 */
async function produceLargeTopic(producer: Producer, scale: BenchScale): Promise<void> {
  const { name, records, recordBytes, partitions } = scale.largeTopic;
  const perSend = 10_000;
  const sends = Math.ceil(records / perSend);
  const template = `{"type":"OrderPlaced","orderId":"#########","payload":"${'x'.repeat(recordBytes)}`.slice(0, recordBytes - 2) + '"}';
  await inParallel(sends, 4, async (send) => {
    const first = send * perSend;
    const count = Math.min(perSend, records - first);
    const messages = Array.from({ length: count }, (_, i) => ({
      topic: name,
      partition: (first + i) % partitions,
      value: Buffer.from(template.replace('#########', String(first + i).padStart(9, '0'))),
    }));
    await sendWithRetries(producer, messages);
  });
}

/** Runs `work(0..count-1)` with at most `concurrency` at a time. */
async function inParallel(count: number, concurrency: number, work: (index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

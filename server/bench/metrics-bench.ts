import { ConsumerGroupsGateway } from '../consumer-groups/consumer-groups.gateway';
import { ClusterModel } from '../kafka/cluster-model';
import { Producer } from '../kafka/client';
import type { ClusterConfig } from '../kafka/clusters-config';
import { KafkaClients } from '../kafka/kafka-clients';
import { countTraffic } from '../kafka/request-probe';
import { encodeRecord, seriesName, type HistoryRecord } from '../metrics/history-record';
import { tiersFor } from '../metrics/metric-series';
import { HISTORY_TOPIC, MetricsGateway } from '../metrics/metrics.gateway';
import { MetricsSampler } from '../metrics/metrics-sampler';
import { groupName, topicName, type BenchScale } from './bench-scale';
import { figure, getJson, type Figure } from './measurements';

/** The console's default sampling interval and retention: what `npm start` keeps. */
const INTERVAL_MS = 15_000;
const RETENTION_MS = 7 * 24 * 3_600_000;

/**
 * One sample of the whole cluster as the console takes it every interval: its duration, the
 * requests it sent and the bytes both ways, over `runs` samples after a first (which opens the
 * connections and has nothing to measure rates against).
 */
export async function sampleCost(cluster: ClusterConfig, runs: number): Promise<Figure> {
  const kafka = new KafkaClients();
  const model = new ClusterModel(kafka);
  const sampler = new MetricsSampler(cluster, model, new ConsumerGroupsGateway(kafka), INTERVAL_MS);
  try {
    await sampler.sample();
    const durations: number[] = [];
    const requests: number[] = [];
    const sent: number[] = [];
    const received: number[] = [];
    let measured = { topics: 0, groups: 0 };
    for (let run = 0; run < runs; run++) {
      // Each sample reads anew, as it does every interval when no page is open.
      await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS / 2 + 100));
      const traffic = countTraffic();
      const started = performance.now();
      const sample = await sampler.sample();
      durations.push(performance.now() - started);
      traffic.stop();
      requests.push(traffic.requests);
      const bytes = traffic.bytes();
      sent.push(bytes.sent);
      received.push(bytes.received);
      measured = { topics: sample.topics.length, groups: sample.groups.length };
    }
    const median = (values: number[]) => figure('ms', values).median;
    return figure('ms', durations, {
      note: `${measured.topics} topics and ${measured.groups} groups a sample; median ${median(requests)} requests, ${kib(median(sent))} KiB sent, ${kib(median(received))} KiB received`,
      requests: median(requests),
      bytesSent: median(sent),
      bytesReceived: median(received),
    });
  } finally {
    model.close();
    await kafka.close();
  }
}

/** What the synthetic week of history holds. */
export interface HistoryShape {
  busyTopics: number;
  quietTopics: number;
  groups: number;
}

/**
 * Writes a week of history to the cluster's `_kpc-metrics` as a console sampling it every 15 s
 * would have: every tier's records for its own span (an hour of samples, a day of five-minute
 * points, a week of half-hours). A tenth of the topics are busy (rate and size change every
 * sample), the rest quiet; every group's lag, lag in seconds, rate and status change every
 * sample: the memory the console then needs to read it back is what a week costs it.
 */
export async function writeWeekOfHistory(cluster: ClusterConfig, scale: BenchScale, now: number): Promise<HistoryShape> {
  const kafka = new KafkaClients();
  const gateway = new MetricsGateway(kafka);
  const producer = new Producer({ clientId: 'kpc-bench', bootstrapBrokers: cluster.bootstrapServers, acks: 1, timeout: 120_000 });
  const busy = Math.ceil(scale.topics / 10);
  try {
    // A history of its own only: what the console sampled during the bench goes.
    await kafka.call(cluster, (admin) => admin.deleteTopics({ topics: [HISTORY_TOPIC] })).catch(() => undefined);
    // The deleted topic takes a moment to go; made again before, the writes would find none.
    for (let attempt = 0; attempt < 100; attempt++) {
      const topics = await kafka.call(cluster, (admin) => admin.listTopics({ includeInternals: true }));
      if (!topics.includes(HISTORY_TOPIC)) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    for (let attempt = 0; ; attempt++) {
      try {
        await gateway.ensureHistoryTopic(cluster, RETENTION_MS);
        break;
      } catch (err) {
        if (attempt > 50) throw err;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    const tiers = tiersFor(INTERVAL_MS, RETENTION_MS);
    for (const [tier, { stepMs, spanMs }] of tiers.entries()) {
      const points = Math.floor(spanMs / stepMs);
      const first = Math.floor((now - spanMs) / stepMs) * stepMs;
      // Sends under the broker's 1 MiB limit on a batch: a record standing on its own is large.
      let messages: { topic: string; partition: number; key: Buffer; value: Buffer; timestamp: bigint }[] = [];
      let bytes = 0;
      for (let point = 0; point < points; point++) {
        const record = historyRecord(scale, busy, first + point * stepMs, point);
        const value = encodeRecord(record);
        if (messages.length && bytes + value.length > 512 * 1024) {
          await producer.send({ messages });
          messages = [];
          bytes = 0;
        }
        messages.push({ topic: HISTORY_TOPIC, partition: tier, key: Buffer.from('bench'), value, timestamp: BigInt(record.time) });
        bytes += value.length;
      }
      if (messages.length) await producer.send({ messages });
    }
    return { busyTopics: busy, quietTopics: scale.topics - busy, groups: scale.consumerGroups };
  } finally {
    await producer.close();
    await kafka.close();
  }
}

/** One record of the synthetic week: everything on the first of a tier (it stands on its own), then what changed. */
function historyRecord(scale: BenchScale, busy: number, time: number, index: number): HistoryRecord {
  const full = index % 24 === 0;
  const values: Record<string, number> = {};
  const wave = (seed: number) => 100 + 50 * Math.sin(index / 7 + seed);
  for (let topic = 0; topic < scale.topics; topic++) {
    const name = topicName(topic);
    if (topic < busy) {
      values[seriesName.topicRate(name)] = wave(topic);
      values[seriesName.topicBytes(name)] = wave(topic) * 200;
      values[seriesName.topicSize(name)] = 1e6 + index * 1e3 + topic;
    } else if (full) {
      values[seriesName.topicRate(name)] = 0;
      values[seriesName.topicBytes(name)] = 0;
      values[seriesName.topicSize(name)] = 4_000;
    }
    if (full) values[seriesName.topicPartitions(name)] = scale.partitionsPerTopic;
  }
  const groups: HistoryRecord['groups'] = {};
  for (let group = 0; group < scale.consumerGroups; group++) {
    const id = groupName(group);
    values[seriesName.groupLag(id)] = Math.round(wave(group) * 10);
    values[seriesName.groupLagSeconds(id)] = wave(group) / 10;
    values[seriesName.groupRate(id)] = wave(group + 1);
    // A status changes now and then, not every sample.
    values[seriesName.groupStatus(id)] = Math.floor(index / 40) % 2;
    groups[id] = ['classic', 'Empty', 'no-lag', Math.round(wave(group + 2))];
  }
  return { v: 1, instance: 'bench', time, full, values, groups };
}

/** Waits until the console has read the week back: a busy topic's chart reaches back a week. */
export async function untilHistoryRead(baseUrl: string, cluster: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const url = `${baseUrl}/api/clusters/${cluster}/metrics/topics/${topicName(0)}?range=7d`;
  while (Date.now() < deadline) {
    const history = await getJson<{ time: number[] }>(url).catch(() => ({ time: [] }));
    if (history.time.length > 300) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the console did not read the week of history back within two minutes');
}

const kib = (bytes: number) => Math.round(bytes / 1024);

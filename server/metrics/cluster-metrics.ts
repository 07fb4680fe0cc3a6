import type { ClusterConfig } from '../kafka/clusters-config';
import type { Logger } from '../shared/logger';
import type { Activity } from '../shared/memory-release';
import {
  decodeRecord,
  encodeRecord,
  isStatusSeries,
  sampleFromValues,
  sampleValues,
  type GroupMeta,
  type HistoryRecord,
} from './history-record';
import { changedValues, MetricSeries, tiersFor } from './metric-series';
import type { MetricsSampler } from './metrics-sampler';
import { SAMPLES, type MetricsGateway } from './metrics.gateway';
import { KeptSample } from './kept-sample';
import type { MetricsSample } from './metrics.model';

export interface ClusterMetricsOptions {
  intervalMs: number;
  /** Told when each tick starts and ends. */
  activity?: Activity;
  retentionMs: number;
  /** This console instance, as it signs the history it writes. */
  instance: string;
  logger: Logger;
  /** Called with every sample, taken here or read from the history another instance wrote. */
  publish: (sample: MetricsSample, sampledHere: boolean) => void;
}

/** A record standing on its own is written every this many records of a tier, so a reader may start near anywhere. */
const FULL_EVERY = 24;
/**
 * Another instance is taken to have stopped after this many intervals (and at least 30 s: a
 * large cluster's sample takes seconds) without a record from it; one that stops says so at once.
 */
const TAKEOVER_AFTER = 2.5;
const TAKEOVER_AFTER_MIN_MS = 30_000;

/**
 * The metrics of one cluster: its history in memory ({@link MetricSeries}) and in the cluster's
 * `_kpc-metrics` topic, and who samples it. Every console instance reads the topic as it grows,
 * so all show the same charts; one instance samples and writes. An instance that sees no record
 * for a few intervals takes over; of two writing at once, the one with the greater id yields.
 * Each tier of the history has a partition: every sample in the first, each closed point of a
 * coarser tier in its own. On start each tier is read back for its own span only (an hour of
 * samples, a day of five-minute points, a week of half-hours), so the read is small however
 * long the console ran.
 */
export class ClusterMetrics {
  readonly series: MetricSeries;
  #latest: KeptSample | undefined;
  #sampling = false;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;
  #next = { samples: -1n };
  #lastForeign = 0;
  /** Records written per tier since this instance began sampling. */
  #written: number[] = [];
  /** Group kinds as last written or read: what the history records when it changes. */
  #groups = new Map<string, GroupMeta>();

  constructor(
    readonly cluster: ClusterConfig,
    private readonly sampler: () => MetricsSampler,
    private readonly gateway: MetricsGateway,
    private readonly options: ClusterMetricsOptions,
  ) {
    // A group's status over a longer step is its worst: an hour with a minute of STOP shows STOP.
    this.series = new MetricSeries(tiersFor(options.intervalMs, options.retentionMs), isStatusSeries);
  }

  /** The latest sample, taken here or read; undefined before the first. */
  get latest(): KeptSample | undefined {
    return this.#latest;
  }

  /** Whether this instance is the one sampling the cluster. */
  get isSampling(): boolean {
    return this.#sampling;
  }

  /** Reads the history back, then samples or follows on every interval. */
  async start(): Promise<void> {
    await this.#readBack().catch((err: unknown) =>
      this.options.logger.warn({ err }, `metric history of ${this.cluster.name} not read back`),
    );
    this.#schedule(0);
  }

  /**
   * Stops sampling or following. An instance that was sampling says so in the history, so
   * another takes over at once instead of waiting out the silence.
   */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    if (!this.#sampling) return;
    this.#sampling = false;
    const goodbye: HistoryRecord = { ...this.#record(Date.now(), false, new Map(), {}), stopped: true };
    await this.gateway.append(this.cluster, SAMPLES, this.options.instance, encodeRecord(goodbye), goodbye.time).catch(() => undefined);
  }

  #schedule(delayMs: number): void {
    if (this.#closed) return;
    this.#timer = setTimeout(() => {
      const started = Date.now();
      // On the beat: the next sample is due an interval after this one began, however long it took.
      void this.#tick().finally(() => this.#schedule(Math.max(0, this.options.intervalMs - (Date.now() - started))));
    }, delayMs);
    this.#timer.unref();
  }

  async #tick(): Promise<void> {
    this.options.activity?.started();
    try {
      await this.#follow();
      const quiet = Date.now() - this.#lastForeign > Math.max(TAKEOVER_AFTER * this.options.intervalMs, TAKEOVER_AFTER_MIN_MS);
      if (!this.#sampling && quiet) {
        this.options.logger.info(`metrics of ${this.cluster.name}: this console samples them now`);
        this.#sampling = true;
        this.#current = this.sampler();
        this.#written = [];
        // A first sample has nothing to measure rates against: it is kept only as the start of
        // the next, so the history holds no blank between this console's samples and the last.
        await this.#current.sample();
        return;
      }
      if (this.#sampling) await this.#sampleAndWrite();
    } catch (err) {
      this.options.logger.warn({ err }, `metrics of ${this.cluster.name}: sample failed; trying again next interval`);
    } finally {
      this.options.activity?.ended();
    }
  }

  #current: MetricsSampler | undefined;

  async #sampleAndWrite(): Promise<void> {
    const sample = await this.#current!.sample();
    const values = sampleValues(sample);
    const full = this.#isFull(SAMPLES);
    const groups = new Map(
      sample.groups.map((group): [string, GroupMeta] => [
        group.groupId,
        [group.type, group.state, group.rule, roundedSeconds(group.catchUpSeconds)],
      ]),
    );
    const { changes, closed } = this.series.addAll(sample.time, values);
    const record = this.#record(sample.time, full, full ? values : changes, groupChanges(full ? new Map() : this.#groups, groups));
    this.#groups = groups;
    this.options.publish(sample, true);
    const sampler = this.#current!;
    this.#latest = new KeptSample(sample, (groupId) => sampler.partitionsOf(groupId));
    await this.#append(SAMPLES, record);
    for (const [tier, point] of closed) {
      const full = this.#isFull(tier);
      await this.#append(tier, this.#record(point.time, full, full ? point.values : point.changes, {}));
    }
  }

  #isFull(partition: number): boolean {
    return (this.#written[partition] ?? 0) % FULL_EVERY === 0;
  }

  #record(time: number, full: boolean, values: ReadonlyMap<string, number>, groups: HistoryRecord['groups']): HistoryRecord {
    return { v: 1, instance: this.options.instance, time, full, values: toJson(values), groups };
  }

  async #append(partition: number, record: HistoryRecord): Promise<void> {
    await this.gateway.append(this.cluster, partition, this.options.instance, encodeRecord(record), record.time);
    this.#written[partition] = (this.#written[partition] ?? 0) + 1;
  }

  /** Reads what other instances wrote since the last look; yields to an instance with a smaller id writing too. */
  async #follow(): Promise<void> {
    if (this.#next.samples < 0n) return;
    this.#next.samples = await this.gateway.readFrom(this.cluster, SAMPLES, this.#next.samples, (records) => {
      for (const raw of records) {
        const record = decodeRecord(raw.value);
        if (!record || record.instance === this.options.instance) continue;
        // The instance that sampled stopped: nobody samples now.
        if (record.stopped) {
          this.#lastForeign = 0;
          continue;
        }
        this.#lastForeign = Math.max(this.#lastForeign, record.time);
        if (this.#sampling && record.instance < this.options.instance) {
          this.options.logger.info(`metrics of ${this.cluster.name}: another console samples them; this one follows`);
          this.#sampling = false;
          this.#current = undefined;
        }
        if (!this.#sampling) this.#apply(record);
      }
    });
  }

  #apply(record: HistoryRecord, publish = true): void {
    if (record.full) this.#groups = new Map();
    for (const [groupId, meta] of Object.entries(record.groups)) {
      if (meta) this.#groups.set(groupId, meta);
      else this.#groups.delete(groupId);
    }
    // A record standing on its own names every series: one it leaves out has ended.
    const values = fromJson(record.values);
    this.series.add(record.time, record.full ? changedValues(this.series.current(), values) : values);
    if (!publish) return;
    const sample = sampleFromValues(this.cluster.name, record.time, this.series.current(), this.#groups);
    this.#latest = new KeptSample(sample);
    this.options.publish(sample, false);
  }

  /** Every tier's own points back as far as it reaches, then the samples of the last hour; each from a record that stands on its own. */
  async #readBack(): Promise<void> {
    await this.gateway.ensureHistoryTopic(this.cluster, this.options.retentionMs);
    const now = Date.now();
    const starts = await Promise.all(
      this.series.tiers.map((tier, index) => this.gateway.offsetForTime(this.cluster, index, now - tier.spanMs)),
    );
    // Coarse tiers first: the samples then fill only the points those had not closed yet.
    for (let tier = this.series.tiers.length - 1; tier > 0; tier--) {
      const records = standingOnTheirOwn();
      await this.gateway.readFrom(this.cluster, tier, starts[tier]!, (raws) => {
        for (const record of records(raws)) this.series.addPoint(tier, record.time, fromJson(record.values));
      });
    }
    let last: HistoryRecord | undefined;
    const samples = standingOnTheirOwn();
    this.#next.samples = await this.gateway.readFrom(this.cluster, SAMPLES, starts[SAMPLES]!, (raws) => {
      for (const record of samples(raws)) {
        if (record.stopped) {
          this.#lastForeign = 0;
          continue;
        }
        this.#apply(record, false);
        last = record;
        if (record.instance !== this.options.instance) this.#lastForeign = Math.max(this.#lastForeign, record.time);
      }
    });
    if (last) {
      const sample = sampleFromValues(this.cluster.name, last.time, this.series.current(), this.#groups);
      this.#latest = new KeptSample(sample);
      this.options.publish(sample, false);
    }
  }
}

/**
 * Decodes records fetch by fetch, from the first that stands on its own (a reader cannot
 * apply changes before it).
 */
function standingOnTheirOwn(): (raws: readonly { value: Buffer | null }[]) => Generator<HistoryRecord> {
  let started = false;
  return function* (raws) {
    for (const raw of raws) {
      const record = decodeRecord(raw.value);
      if (!record) continue;
      started ||= record.full;
      if (started) yield record;
    }
  };
}

/** Seconds to catch up to the second: finer would change the group's record on every sample. */
const roundedSeconds = (seconds: number | null) => (seconds === null ? null : Math.round(seconds));

function groupChanges(before: ReadonlyMap<string, GroupMeta>, now: ReadonlyMap<string, GroupMeta>): HistoryRecord['groups'] {
  const changes: HistoryRecord['groups'] = {};
  for (const [groupId, meta] of now) {
    const was = before.get(groupId);
    if (!was || was.some((part, index) => part !== meta[index])) changes[groupId] = meta;
  }
  for (const groupId of before.keys()) if (!now.has(groupId)) changes[groupId] = null;
  return changes;
}

function toJson(values: ReadonlyMap<string, number>): Record<string, number | null> {
  const json: Record<string, number | null> = {};
  for (const [name, value] of values) json[name] = Number.isNaN(value) ? null : Number(value.toPrecision(7));
  return json;
}

function fromJson(values: Record<string, number | null>): Map<string, number> {
  return new Map(Object.entries(values).map(([name, value]) => [name, value === null ? NaN : value]));
}

import type { MetricsSample } from '../metrics/metrics.model';
import type { Finding, Fix } from './advisor.model';
import { consumersOf, fixTarget, groupEvidence, linkOf, roundDown, subjectOf, type GroupTiming } from './consumer-timing-figures';
import { duration, millis, plural, thousands } from './advisor-words';

/** `max.poll.interval.ms`'s default: a member silent in poll() for longer is evicted from its group. */
export const MAX_POLL_INTERVAL_MS = 300_000;
/** `max.poll.records`'s default in the Java consumer (Kafka Streams' main consumer has 1,000, but polls between records). */
export const MAX_POLL_RECORDS = 500;
/** A poll whose records take this share of the interval leaves too little for a slow record or a GC pause. */
const RISKY_SHARE = 0.5;
/**
 * Kafka Streams keeps processing until half the interval has passed, so its gaps reach half by
 * design when it is busy: only one past this share means a single call that long got past it.
 */
const STREAMS_RISKY_SHARE = 0.8;
/** The share of the interval the advised `max.poll.records` fills at the measured pace. */
const ADVISED_SHARE = 0.2;
/** Consumers to run for this much more than what arrives, so a backlog drains. */
const HEADROOM = 1.5;

const WHY_EVICTED =
  'A member that does not call poll() within max.poll.interval.ms is evicted: the group rebalances, its partitions move, and ' +
  'the records since its last commit are processed again by another member, which may be evicted in turn.';

/**
 * A plain consumer or a sink task processes all a poll returned before it polls again: at the
 * time a record takes, a full poll must stay well within `max.poll.interval.ms`. Kafka Streams
 * stops processing to poll once half the interval has passed, so for it only a measured gap
 * near the whole interval (one record or punctuation that long got past it) counts.
 */
export function pollFinding(group: GroupTiming, cluster: string): Finding | undefined {
  const isStreams = group.owner.kind === 'streams-app';
  const fullPollMs = !isStreams && group.perRecord ? group.perRecord.ms * MAX_POLL_RECORDS : null;
  const risky = (isStreams ? STREAMS_RISKY_SHARE : RISKY_SHARE) * MAX_POLL_INTERVAL_MS;
  const gapMs = group.worstGapMs ?? 0;
  if (!((fullPollMs ?? 0) >= risky || gapMs >= risky)) return undefined;
  const interval = duration(MAX_POLL_INTERVAL_MS);
  const base = {
    id: `consumers-poll:${group.owner.groupId}`,
    rule: 'consumers' as const,
    severity: 'warning' as const,
    subject: subjectOf(group.owner),
    link: linkOf(cluster, group.owner),
  };
  const defaults = [
    {
      label: 'max.poll.interval.ms',
      value: `${MAX_POLL_INTERVAL_MS} (${interval})`,
      source: "the default (the client's own value is not in its metrics)",
    },
  ];
  if (isStreams) {
    const advisedMs = roundDown(Math.ceil(3 * gapMs));
    return {
      ...base,
      title: `${group.owner.name}: ${duration(gapMs)} between two polls, near max.poll.interval.ms (${interval})`,
      evidence: [...groupEvidence(group), ...defaults],
      fix: {
        target: 'streams-app',
        summary: `Find the record or punctuation that takes ${duration(gapMs)} and make it cheaper; until then allow three times that between polls.`,
        config: `main.consumer.max.poll.interval.ms=${advisedMs}`,
        why: `${WHY_EVICTED} Kafka Streams already stops processing to poll at half the interval, so only one call this long gets past it.`,
      },
    };
  }
  const perRecordMs = group.perRecord?.ms ?? gapMs / MAX_POLL_RECORDS;
  const advised = roundDown(Math.max(1, Math.floor((ADVISED_SHARE * MAX_POLL_INTERVAL_MS) / perRecordMs)));
  const worst = fullPollMs !== null && fullPollMs >= gapMs;
  const setting =
    group.owner.kind === 'connector'
      ? `# in the connector's config\nconsumer.override.max.poll.records=${advised}`
      : `max.poll.records=${advised}`;
  return {
    ...base,
    title: worst
      ? `${group.owner.name}: a poll of ${MAX_POLL_RECORDS} records takes ${duration(fullPollMs)} at ${millis(perRecordMs)} a record, over half of max.poll.interval.ms (${interval})`
      : `${group.owner.name}: ${duration(gapMs)} between two polls, over half of max.poll.interval.ms (${interval})`,
    evidence: [
      ...groupEvidence(group),
      {
        label: 'a full poll',
        value:
          fullPollMs === null
            ? 'not told (the consumer waits for records most of the time)'
            : `${MAX_POLL_RECORDS} records × ${millis(perRecordMs)} = ${duration(fullPollMs)}`,
        source: `max.poll.records at its default (${MAX_POLL_RECORDS}; the client's own value is not in its metrics)`,
      },
      ...defaults,
    ],
    fix: {
      target: fixTarget(group.owner),
      summary: `Poll at most ${thousands(advised)} records, so one poll's work takes about ${duration(advised * perRecordMs)}: a fifth of max.poll.interval.ms.`,
      config: [
        `# ${advised} records × ${millis(perRecordMs)} ≈ ${duration(advised * perRecordMs)}, within max.poll.interval.ms=${MAX_POLL_INTERVAL_MS}`,
        setting,
      ].join('\n'),
      why: `${WHY_EVICTED} Fewer records a poll keep each loop short at the cost of more fetch round trips; raising max.poll.interval.ms instead also delays noticing a hung member.`,
    },
  };
}

/**
 * Each consumer (a stream thread, a sink task, an instance) works through one record at a time:
 * at the time a record takes, the group processes at most so many a second. Against the records
 * a second written to the topics it reads (the console's sample), a group that cannot keep up
 * falls further behind for as long as that lasts.
 */
export function capacityFinding(group: GroupTiming, cluster: string, sample: MetricsSample): Finding | undefined {
  const measured = sample.groups.find((one) => one.groupId === group.owner.groupId);
  if (!group.perRecord || !measured) return undefined;
  const topics = [...new Set(measured.partitions.map((partition) => partition.topic))];
  const rates = topics.map((topic) => sample.topics.find((one) => one.topic === topic)?.recordsPerSecond ?? null);
  if (!topics.length || rates.some((rate) => rate === null)) return undefined;
  const arriving = rates.reduce<number>((sum, rate) => sum + rate!, 0);
  const consumers = group.consumers.length;
  const eachPerSecond = 1000 / group.perRecord.ms;
  const capacity = consumers * eachPerSecond;
  if (arriving <= capacity) return undefined;
  // One partition is read by one consumer at a time: more than the partitions of the topics it reads sit idle.
  const partitions = topics.reduce((sum, topic) => sum + (sample.topics.find((one) => one.topic === topic)?.partitions ?? 1), 0);
  const needed = Math.ceil((HEADROOM * arriving) / eachPerSecond);
  const runs = Math.min(needed, partitions);
  const fix = runs > consumers ? spreadFix(group, runs, consumers, needed > partitions ? partitions : null) : cheaperFix(group, partitions);
  return {
    id: `consumers-capacity:${group.owner.groupId}`,
    rule: 'consumers',
    severity: 'warning',
    subject: subjectOf(group.owner),
    title: `${group.owner.name} processes at most ${capacity.toFixed(1)} records a second at ${millis(group.perRecord.ms)} a record; ${arriving.toFixed(1)} a second arrive`,
    evidence: [
      ...groupEvidence(group),
      {
        label: 'records that can be processed',
        value: `${consumersOf(group.owner, consumers)} × 1,000 ms ÷ ${millis(group.perRecord.ms)} = ${capacity.toFixed(1)} a second`,
        source: 'each works through one record at a time',
      },
      {
        label: 'records arriving',
        value: `${arriving.toFixed(1)} a second to ${topics.join(', ')}`,
        source: `the console's sample at ${new Date(sample.time).toISOString()}`,
      },
      {
        label: 'lag',
        value: `${plural(measured.lag, 'record')}`,
        source: `the console's sample at ${new Date(sample.time).toISOString()}`,
      },
    ],
    fix,
    link: linkOf(cluster, group.owner),
  };
}

const PACE_WHY =
  'A group that processes fewer records a second than arrive falls behind for as long as that lasts: lag and the age of what ' +
  'downstream sees grow without bound. More consumers share the partitions (one partition is read by one of them at a time).';

/** More consumers, up to the partitions; `partitions` set when even that many fall short. */
function spreadFix(group: GroupTiming, runs: number, consumers: number, partitions: number | null): Fix {
  const kind = group.owner.kind;
  const short =
    partitions === null ? '' : ` More than ${partitions} cannot share the ${partitions} partitions it reads: make a record cheaper too.`;
  return {
    target: fixTarget(group.owner),
    summary: `Run ${consumersOf(group.owner, runs)}, at most one per partition it reads, for ${(HEADROOM * 100 - 100).toFixed(0)}% more than arrives so a backlog drains.${short}`,
    config:
      kind === 'streams-app'
        ? `# ${runs} stream threads in all, over the app's instances (${consumers} now)\nnum.stream.threads=${runs}`
        : kind === 'connector'
          ? `# in the connector's config\ntasks.max=${runs}`
          : `# run ${runs} instances of the consumer in the group (${consumers} now)`,
    why: PACE_WHY,
  };
}

/** Every partition already has its consumer: only cheaper records, or more partitions, help. */
function cheaperFix(group: GroupTiming, partitions: number): Fix {
  return {
    target: fixTarget(group.owner),
    summary:
      `Every partition it reads (${partitions}) already has its own consumer: make a record cheaper (batch the calls it makes, ` +
      'cache what it looks up), or give the busiest topic more partitions (which moves keys between partitions).',
    config: `# ${plural(group.consumers.length, 'consumer')} for ${plural(partitions, 'partition')}: more would sit idle`,
    why: PACE_WHY,
  };
}

import type { ConnectorTopicCheck, ConnectorType } from './connect.model';

/** The topics a connector config names exactly, and why the rest cannot be told, if so. */
export interface TopicTargets {
  topics: string[];
  cannotTell?: string;
}

/**
 * Keys by which a source names the one topic it writes: `topic` (FileStreamSource and many
 * others; FileStreamSource refuses a list) and `kafka.topic` (Datagen, HTTP and MQTT sources).
 */
const SOURCE_TOPIC_KEYS = ['topic', 'kafka.topic'];

/**
 * Keys with which the written topics depend on data the console cannot see: a prefix joined
 * to table names (JDBC, Debezium), a pattern or template, or `topics` of a source, which
 * MirrorMaker 2 uses for the topics it reads on the other cluster.
 */
const SOURCE_UNDECIDABLE_KEYS = ['topic.prefix', 'topic.regex', 'topics.regex', 'topic.format', 'topic.template', 'topics'];

/** MirrorMaker 2 writes topics named after the remote cluster's, prefixed with its alias. */
const MIRROR_CLASS = /(^|\.)Mirror\w*Connector$|^Mirror\w*$/;

/**
 * The topics a connector config names, as far as it can be told without running it. A sink
 * reads `topics` (or whatever matches `topics.regex`); a source writes `topic`/`kafka.topic`,
 * unless a prefix, a pattern, MirrorMaker 2, or a transform that routes records to other
 * topics (`RegexRouter`, `TimestampRouter`…) decides the name at run time.
 */
export function targetTopics(type: ConnectorType, config: Record<string, string>): TopicTargets {
  if (type === 'sink') {
    const topics = list(config['topics']);
    return config['topics.regex'] ? { topics, cannotTell: 'it reads every topic matching topics.regex' } : { topics };
  }
  if (type !== 'source') return { topics: [], cannotTell: 'the worker does not say whether it is a source or a sink' };
  if (MIRROR_CLASS.test(config['connector.class'] ?? '')) {
    return { topics: [], cannotTell: 'MirrorMaker 2 names its topics after those of the source cluster' };
  }
  const topics = [...new Set(SOURCE_TOPIC_KEYS.flatMap((key) => list(config[key])))];
  const reasons = [
    ...SOURCE_UNDECIDABLE_KEYS.filter((key) => config[key]?.trim()).map((key) => `${key} names its topics at run time`),
    ...routingTransforms(config).map((alias) => `transform ${alias} routes records to other topics`),
  ];
  if (!topics.length && !reasons.length) reasons.push('its config names no topic by a key the console knows (topic, kafka.topic)');
  return reasons.length ? { topics, cannotTell: reasons.join('; ') } : { topics };
}

/**
 * Whether Connect creates a source's missing topics itself (KIP-158): the config sets both
 * `topic.creation.default.replication.factor` and `topic.creation.default.partitions`, and
 * the worker's `topic.creation.enable` (true unless turned off) lets it.
 */
export function isCreatedByConnect(type: ConnectorType, config: Record<string, string>): boolean {
  return type === 'source' && !!config['topic.creation.default.replication.factor'] && !!config['topic.creation.default.partitions'];
}

/** The connector's topics checked against those that exist on the Kafka cluster. */
export function checkTopics(type: ConnectorType, config: Record<string, string>, existing: ReadonlySet<string>): ConnectorTopicCheck {
  const { topics, cannotTell } = targetTopics(type, config);
  return {
    topics,
    missing: topics.filter((topic) => !existing.has(topic)),
    createdByConnect: isCreatedByConnect(type, config),
    ...(cannotTell && { cannotTell }),
  };
}

/**
 * The warning for a source that runs yet can never publish: its topic does not exist, the
 * broker does not create topics on first write, and Connect was not asked to (KIP-158). Its
 * producer retries UNKNOWN_TOPIC_OR_PARTITION forever while Connect still says RUNNING.
 */
export function cannotPublishWarning(type: ConnectorType, state: string, check: ConnectorTopicCheck | null): string | undefined {
  if (type !== 'source' || state !== 'RUNNING' || !check || check.createdByConnect || !check.missing.length) return undefined;
  const [first, ...others] = check.missing;
  const what = others.length ? `topics ${check.missing.join(', ')} do not exist` : `topic ${first} does not exist`;
  return `RUNNING but cannot publish: ${what}`;
}

/** Aliases of the config's transforms whose class renames the topic of a record. */
function routingTransforms(config: Record<string, string>): string[] {
  return list(config['transforms']).filter((alias) => {
    const className = config[`transforms.${alias}.type`] ?? '';
    // RegexRouter, TimestampRouter, ByLogicalTableRouter, TopicRegexRouter, ExtractTopic$Value…
    return /Router|ExtractTopic/.test(className);
  });
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

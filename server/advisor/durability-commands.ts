/** The durability lesson's commands and numbers, as the findings spell them. */
import type { TopicConfigs } from './advisor.gateway';
import type { Evidence } from './advisor.model';

/** A topic as the durability lesson weighs it. */
export interface TopicDurability {
  name: string;
  /** Each partition's replicas, from the cluster metadata. */
  partitions: readonly { replicas: readonly number[] }[];
  configs: TopicConfigs;
  /** Whether a source connector publishes to it. */
  isSourceTarget: boolean;
}

/** Where replica counts come from, as evidence says it. */
export const METADATA = 'cluster metadata (replicas of each partition)';
/**
 * A reassignment plan giving every partition `target` replicas: its replicas kept, and the brokers
 * after its leader added in order. Leaders spread over the brokers (as Kafka places them), so the
 * new replicas spread too, and no leader moves.
 */
export function reassignmentPlan(
  topic: string,
  partitions: readonly { replicas: readonly number[] }[],
  brokerIds: readonly number[],
  target: number,
): { topic: string; partition: number; replicas: number[] }[] {
  const brokers = [...brokerIds].sort((a, b) => a - b);
  return partitions.map((partition, index) => {
    const replicas = [...partition.replicas];
    const start = brokers.indexOf(replicas[0] ?? brokers[0]!) + 1;
    for (let step = 0; replicas.length < target && step < brokers.length; step++) {
      const broker = brokers[(start + step) % brokers.length]!;
      if (!replicas.includes(broker)) replicas.push(broker);
    }
    return { topic, partition: index, replicas };
  });
}

export function reassignment(servers: string, topic: TopicDurability, brokerIds: readonly number[], target: number): string {
  const file = `replicate-${topic.name.replace(/[^\w.-]/g, '_')}.json`;
  const plan = reassignmentPlan(topic.name, topic.partitions, brokerIds, target).map((entry) => `  ${JSON.stringify(entry)}`);
  return [
    `cat > ${file} <<'EOF'`,
    '{"version":1,"partitions":[',
    plan.join(',\n'),
    ']}',
    'EOF',
    `kafka-reassign-partitions.sh --bootstrap-server ${servers} --reassignment-json-file ${file} --execute`,
    `kafka-reassign-partitions.sh --bootstrap-server ${servers} --reassignment-json-file ${file} --verify`,
  ].join('\n');
}

export const configsCommand = (servers: string, topic: string) => (config: string) =>
  `kafka-configs.sh --bootstrap-server ${servers} --entity-type topics --entity-name ${topic} --alter --add-config ${config}`;

export function configSource(topic: TopicDurability, name: keyof TopicConfigs): string {
  return topic.configs[name]?.isOverride ? 'topic config (set on the topic)' : 'topic config (broker default)';
}

export function replicasEvidence(replication: number): Evidence {
  return { label: 'Replication factor', value: String(replication), source: METADATA };
}

export function integer(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : null;
}

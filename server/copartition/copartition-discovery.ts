import type { CopartitionGroup } from './copartition.model';

/** Kafka Streams names its internal topics `<application.id>-<name>-repartition|changelog`. */
const STREAMS_INTERNAL = /^(.+?)-(.+)-(repartition|changelog)$/;

/**
 * The groups of topics that must be co-partitioned, found from how the cluster is used:
 * a Kafka Streams application (its consumer group is its application id, and its internal
 * topics carry that id) joins its source topics with its repartition and changelog topics;
 * any other consumer group that reads several topics may join them.
 */
export function discoverGroups(groupTopics: Map<string, string[]>, topicNames: string[]): CopartitionGroup[] {
  const existing = new Set(topicNames);
  const groups: CopartitionGroup[] = [];
  for (const [groupId, read] of groupTopics) {
    const internal = topicNames.filter((name) => {
      const match = STREAMS_INTERNAL.exec(name);
      return match !== null && name.startsWith(`${groupId}-`);
    });
    const sources = read.filter((topic) => existing.has(topic) && !topic.startsWith('_') && !internal.includes(topic));
    // A changelog backs a state store, co-partitioned with the stream it was built from;
    // repartition topics feed joins. Both belong to the application's group.
    const topics = [...new Set([...sources, ...internal.filter((name) => existing.has(name))])].sort();
    if (internal.length > 0 && topics.length > 1) {
      groups.push({
        id: `streams-app:${groupId}`,
        name: groupId,
        origin: 'streams-app',
        topics,
        reason: `Kafka Streams application ${groupId} reads ${sources.join(', ') || 'no source topic yet'} and keeps ${internal.join(', ')}`,
      });
    } else if (sources.length > 1 && !groupId.startsWith('connect-')) {
      // Kafka Connect sink groups read many unrelated topics; they join nothing.
      groups.push({
        id: `consumer-group:${groupId}`,
        name: groupId,
        origin: 'consumer-group',
        topics: sources.sort(),
        reason: `Consumer group ${groupId} reads ${sources.join(', ')}`,
      });
    }
  }
  return groups.sort((a, b) => a.name.localeCompare(b.name));
}

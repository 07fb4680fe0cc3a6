/**
 * What the client ids Kafka's Java clients report their metrics under say: the Streams
 * application a thread works for, the group a consumer belongs to.
 */

const UUID = /-?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * The application a stream thread works for: its id is `<client id>-StreamThread-<n>`, the
 * client id by default `<application id>-<process uuid>`.
 */
export function applicationOf(threadId: string): string {
  return withoutIds(threadId.replace(/-(?:Global)?StreamThread(?:-\d+)?$/, '')) || threadId;
}

/** A client id without the process UUIDs Kafka Streams puts in it, for a readable label. */
export function withoutIds(clientId: string): string {
  return clientId.replace(UUID, '') || clientId;
}

/** What a consumer's group is, as its client id tells. */
export interface ConsumerOwner {
  kind: 'streams-app' | 'connector' | 'consumer-group';
  /** The consumer group's id. */
  groupId: string;
  /** As people name it: the application, the connector or the group. */
  name: string;
}

/**
 * The group a consumer belongs to, told from its client id: Kafka Streams names its main
 * consumers `<application>-<process>-StreamThread-<n>-consumer`, Connect a sink task's
 * `connector-consumer-<connector>-<task>` (group `connect-<connector>`), and the Java consumer
 * its own `consumer-<group>-<n>` when none is set. Null for the others (restore consumers,
 * Connect's internal ones, ids set by hand), whose names do not say.
 */
export function ownerOf(clientId: string): ConsumerOwner | null {
  const thread = /^(.+-StreamThread-\d+)-consumer$/.exec(clientId);
  if (thread) {
    const applicationId = applicationOf(thread[1]!);
    return { kind: 'streams-app', groupId: applicationId, name: applicationId };
  }
  const sinkTask = /^connector-consumer-(.+)-\d+$/.exec(clientId);
  if (sinkTask) return { kind: 'connector', groupId: `connect-${sinkTask[1]}`, name: sinkTask[1]! };
  const plain = /^consumer-(.+)-\d+$/.exec(clientId);
  if (plain) return { kind: 'consumer-group', groupId: plain[1]!, name: plain[1]! };
  return null;
}

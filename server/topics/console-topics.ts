import { AppError } from '../shared/app-error';

/**
 * The prefix of every topic the console keeps its own state in through `StateTopic`
 * (`_kpc-audit`, `_kpc-copartition-groups`, and any later one): one rule protects them all.
 */
export const CONSOLE_TOPIC_PREFIX = '_kpc-';

/** A change the console refuses on its own topics, as the refusal names it. */
export type ConsoleTopicChange = 'producing to it' | 'purging it' | 'changing its configs' | 'adding partitions to it' | 'deleting it';

/** Whether a topic is one of the console's own: readable through the console, never writable. */
export function isConsoleTopic(topic: string): boolean {
  return topic.startsWith(CONSOLE_TOPIC_PREFIX);
}

/** Why a topic cannot be changed through the console; null when it can. */
export function consoleTopicReadOnlyReason(topic: string): string | null {
  return isConsoleTopic(topic)
    ? `This is one of the console's own topics (${CONSOLE_TOPIC_PREFIX}*: its audit log, declared co-partition groups): ` +
        'it can be read here, but not produced to, purged, reconfigured, given partitions or deleted, ' +
        'so that none of its records can be forged or erased through the console.'
    : null;
}

/**
 * Refuses a change to one of the console's own topics. Only the console writes them, through
 * `StateTopic` (server/kafka/state-topic.ts), not through these routes: a record produced
 * through the API would forge an audit entry, a tombstone or a purge would erase one, and a
 * config change or more partitions would break how the console reads them (one partition,
 * compacted).
 */
export function refuseConsoleTopicChange(topic: string, change: ConsoleTopicChange): void {
  if (!isConsoleTopic(topic)) return;
  throw new AppError(
    'CONSOLE_TOPIC_PROTECTED',
    `${topic} is one of the console's own topics (its audit log, declared co-partition groups): it can be read, ` +
      `but the console refuses ${change}, so that none of its records can be forged or erased.`,
  );
}

/** Refuses to create a topic under a name the console keeps for its own topics. */
export function refuseConsoleTopicName(topic: string): void {
  if (!isConsoleTopic(topic)) return;
  throw new AppError(
    'CONSOLE_TOPIC_PROTECTED',
    `Topic names starting with ${CONSOLE_TOPIC_PREFIX} are kept for the console's own topics (its audit log, declared ` +
      `co-partition groups): create ${topic} under another name.`,
  );
}

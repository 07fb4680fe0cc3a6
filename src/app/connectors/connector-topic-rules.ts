import type { Confirmation } from '../shared/confirm-dialog';
import type { ConnectorTopicCheck, ConnectorType, MissingTopicsNotice, TopicCreation, TopicCreationDraft } from './connector.model';

/** The two KIP-158 settings that let Connect create a source's topics; -1 takes the broker's defaults. */
export const CONNECT_TOPIC_CREATION: Readonly<Record<string, string>> = {
  'topic.creation.default.partitions': '-1',
  'topic.creation.default.replication.factor': '-1',
};

/**
 * What to say of the connector's missing topics, or nothing when all exist or Connect makes
 * them itself. Brokers usually have topic auto-creation off: a source on a missing topic
 * stays RUNNING and publishes nothing, and a sink reads nothing.
 */
export function missingTopicsNotice(check: ConnectorTopicCheck | null | undefined, type: ConnectorType): MissingTopicsNotice | undefined {
  if (!check || check.createdByConnect || !check.missing.length) return undefined;
  const names = topicList(check.missing);
  const consequence =
    type === 'source'
      ? 'brokers usually do not create topics on first write, so the connector would run and publish nothing.'
      : 'the connector would read nothing from it until it is created.';
  return {
    missing: check.missing,
    message: `${names} ${check.missing.length > 1 ? 'do' : 'does'} not exist on this cluster: ${consequence}`,
    canLetConnectCreate: type === 'source',
  };
}

/** Why the console cannot tell every topic of the connector, as a sentence; empty when it can. */
export function cannotTellNote(check: ConnectorTopicCheck | null | undefined): string {
  return check?.cannotTell ? `The console cannot tell all of its topics: ${check.cannotTell}.` : '';
}

/** The config with Connect asked to create its missing topics with the broker's defaults (KIP-158). */
export function withConnectTopicCreation(config: Record<string, string>): Record<string, string> {
  return { ...config, ...CONNECT_TOPIC_CREATION };
}

/**
 * The topic creation the operator chose, or why it cannot be read; neither when they chose
 * none. Blank takes the broker's default; anything else is a whole number from 1.
 */
export function topicCreationOf(draft: TopicCreationDraft | undefined): { creation?: TopicCreation; problem?: string } {
  if (!draft) return {};
  const read = (text: string, what: string): number | string | undefined => {
    if (!text.trim()) return undefined;
    const value = Number(text);
    return Number.isInteger(value) && value >= 1 ? value : `${what} is a whole number from 1, or blank for the broker's default`;
  };
  const partitions = read(draft.partitions, 'Partitions');
  const replicationFactor = read(draft.replicationFactor, 'Replication factor');
  if (typeof partitions === 'string') return { problem: partitions };
  if (typeof replicationFactor === 'string') return { problem: replicationFactor };
  return { creation: { ...(partitions && { partitions }), ...(replicationFactor && { replicationFactor }) } };
}

/**
 * The question asked before saving a connector whose topics are missing and not about to
 * be created; nothing to ask otherwise.
 */
export function saveWithoutTopicsConfirmation(
  notice: MissingTopicsNotice | undefined,
  creation: TopicCreation | undefined,
  action: string,
): Confirmation | undefined {
  if (!notice || creation) return undefined;
  return {
    title: `${action} without ${notice.missing.length > 1 ? 'its topics' : 'its topic'}?`,
    message: `${notice.message} Create ${notice.missing.length > 1 ? 'them' : 'it'} first, or ${action.toLowerCase()} anyway.`,
    confirmLabel: `${action} anyway`,
  };
}

/** What was done, said once: `Created orders-source; created topic orders`. */
export function savedMessage(done: string, creation: TopicCreation | undefined, notice: MissingTopicsNotice | undefined): string {
  return creation && notice ? `${done}; created ${topicList(notice.missing).toLowerCase()}` : done;
}

function topicList(topics: string[]): string {
  return `${topics.length > 1 ? 'Topics' : 'Topic'} ${topics.join(', ')}`;
}

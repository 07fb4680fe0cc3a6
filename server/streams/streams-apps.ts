import type { ClusterDescription } from '../kafka/kafka-clients';
import type { OffsetTable } from '../kafka/log-offsets';
import type { StreamsGroupDescription, StreamsTasks } from '../kafka/streams-group-describe';
import type { StreamsMember, StreamsStore, StreamsSubtopology, StreamsTask, StreamsTopicRole, StreamsTopicUse } from './streams.model';
import type { DescribedSubtopology } from './topology-description';

/** A committed offset of the app's group. */
export interface AppCommit {
  topic: string;
  partition: number;
  offset: bigint;
}

/** What the cluster looks like at one moment, for the numbers on the graph. */
export interface ClusterView {
  metadata: ClusterDescription;
  ends: OffsetTable;
  /** Records per second written to the topic, from two samples of the model; null when unknown. */
  produceRate: (topic: string) => number | null;
}

const CHANGELOG = /-changelog$/;
const REPARTITION = /-repartition$/;

/**
 * The internal topics a Kafka Streams application made: `<application.id>-<name>-changelog`
 * and `<application.id>-<name>-repartition`. A classic-protocol app is recognised by them.
 */
export function internalTopicsOf(applicationId: string, topics: readonly string[]): { changelogs: string[]; repartitions: string[] } {
  const ours = topics.filter((topic) => topic.startsWith(`${applicationId}-`));
  return { changelogs: ours.filter((topic) => CHANGELOG.test(topic)), repartitions: ours.filter((topic) => REPARTITION.test(topic)) };
}

/** The store a changelog belongs to: its name between the application id and `-changelog`. */
export function storeName(applicationId: string, changelog: string): string {
  return changelog.slice(applicationId.length + 1).replace(CHANGELOG, '');
}

/** Records the group has not read on one partition; null without a commit there. */
function partitionLag(view: ClusterView, committed: Map<string, bigint>, topic: string, partition: number): number | null {
  const at = committed.get(`${topic}\u0000${partition}`);
  const end = view.ends.get(topic, partition);
  if (at === undefined || end === undefined) return null;
  return Math.max(0, Number(end - at));
}

/** Sums lags where any is known; null when none is. */
function sum(lags: (number | null)[]): number | null {
  const known = lags.filter((lag): lag is number => lag !== null);
  return known.length ? known.reduce((total, lag) => total + lag, 0) : null;
}

export function commitsByPartition(commits: readonly AppCommit[]): Map<string, bigint> {
  return new Map(commits.map((commit) => [`${commit.topic}\u0000${commit.partition}`, commit.offset]));
}

/** A streams group's sub-topologies with the live rate and lag on every input, and its tasks. */
export function subtopologiesOf(group: StreamsGroupDescription, view: ClusterView, commits: readonly AppCommit[]): StreamsSubtopology[] {
  const committed = commitsByPartition(commits);
  const partitionsOf = (topic: string) => view.metadata.topics.find((t) => t.name === topic)?.partitions.length ?? 0;
  const owners = taskOwners(group);
  return (group.topology ?? []).map((subtopology) => {
    const inputTopics = [...subtopology.sourceTopics, ...subtopology.repartitionSourceTopics.map((topic) => topic.name)];
    const use = (topic: string, role: StreamsTopicRole, isInput: boolean): StreamsTopicUse => {
      const partitions = partitionsOf(topic);
      return {
        topic,
        role,
        rate: view.produceRate(topic),
        lag: isInput ? sum(Array.from({ length: partitions }, (_, p) => partitionLag(view, committed, topic, p))) : null,
        exists: partitions > 0,
      };
    };
    const inputs = [
      ...subtopology.sourceTopics.map((topic) => use(topic, 'source', true)),
      ...subtopology.repartitionSourceTopics.map((topic) => use(topic.name, 'repartition', true)),
    ];
    const taskCount = Math.max(0, ...inputTopics.map(partitionsOf));
    const tasks: StreamsTask[] = Array.from({ length: taskCount }, (_, partition) => {
      const taskId = `${subtopology.id}_${partition}`;
      return {
        taskId,
        subtopology: subtopology.id,
        partition,
        activeOn: owners.active.get(taskId) ?? null,
        standbyOn: owners.standby.get(taskId) ?? [],
        lag: sum(inputTopics.map((topic) => partitionLag(view, committed, topic, partition))),
      };
    });
    return {
      id: subtopology.id,
      inputs,
      outputs: subtopology.repartitionSinkTopics.map((topic) => use(topic, 'repartition', false)),
      changelogs: subtopology.changelogTopics.map((topic) => use(topic.name, 'changelog', false)),
      // The broker resolves a pattern to the topics it matches: they are among the sources.
      sourcePatterns: [],
      lag: sum(inputs.map((input) => input.lag)),
      tasks,
    };
  });
}

/**
 * The plain sink topics the app's own description names, added to each sub-topology's outputs
 * (the broker knows only its repartition sinks), with their produce rate.
 */
export function withSinks(subtopologies: StreamsSubtopology[], described: DescribedSubtopology[], view: ClusterView): StreamsSubtopology[] {
  return subtopologies.map((subtopology) => {
    const known = new Set(subtopology.outputs.map((output) => output.topic));
    const sinks = (described.find((own) => own.id === subtopology.id)?.sinks ?? []).filter((topic) => !known.has(topic));
    const exists = (topic: string) => view.metadata.topics.some((t) => t.name === topic);
    return {
      ...subtopology,
      outputs: [
        ...subtopology.outputs,
        ...sinks.map((topic) => ({ topic, role: 'sink' as const, rate: view.produceRate(topic), lag: null, exists: exists(topic) })),
      ],
    };
  });
}

/** Which member (by client id) runs each task, actively or as a standby. */
function taskOwners(group: StreamsGroupDescription): { active: Map<string, string>; standby: Map<string, string[]> } {
  const active = new Map<string, string>();
  const standby = new Map<string, string[]>();
  for (const member of group.members) {
    for (const id of taskIds(member.assignment.active)) active.set(id, member.clientId);
    for (const id of taskIds(member.assignment.standby)) standby.set(id, [...(standby.get(id) ?? []), member.clientId]);
  }
  return { active, standby };
}

function taskIds(tasks: readonly StreamsTasks[]): string[] {
  return tasks.flatMap((task) => task.partitions.map((partition) => `${task.subtopology}_${partition}`));
}

export function membersOf(group: StreamsGroupDescription): StreamsMember[] {
  return group.members.map((member) => ({
    memberId: member.memberId,
    clientId: member.clientId,
    host: member.clientHost.replace(/^\//, ''),
    processId: member.processId,
    instanceId: member.instanceId,
    activeTasks: taskIds(member.assignment.active),
    standbyTasks: taskIds(member.assignment.standby),
    warmupTasks: taskIds(member.assignment.warmup),
  }));
}

/** What is known of one changelog to describe its store. */
export interface ChangelogFacts {
  topic: string;
  cleanupPolicy: string | null;
  retentionMs: number | null;
  sizeBytes: number | null;
  /** Records per second the console read this changelog at; null when not measured. */
  restoreRate: number | null;
}

/** A state store from its changelog: windowed stores' changelogs also delete (`compact,delete`). */
export function storeOf(
  applicationId: string,
  facts: ChangelogFacts,
  view: ClusterView & { starts: OffsetTable },
  brokerDefaultRetentionMs: number | null,
): StreamsStore {
  const partitions = view.metadata.topics.find((topic) => topic.name === facts.topic)?.partitions.length ?? 0;
  let records: number | null = partitions > 0 ? 0 : null;
  for (let partition = 0; partition < partitions && records !== null; partition++) {
    const start = view.starts.get(facts.topic, partition);
    const end = view.ends.get(facts.topic, partition);
    records = start === undefined || end === undefined ? null : records + Number(end - start);
  }
  const windowed = facts.cleanupPolicy?.split(',').includes('delete') ?? false;
  return {
    name: storeName(applicationId, facts.topic),
    changelogTopic: facts.topic,
    windowed,
    cleanupPolicy: facts.cleanupPolicy,
    records,
    sizeBytes: facts.sizeBytes,
    retentionMs: windowed ? facts.retentionMs : null,
    brokerDefaultRetentionMs,
    restoreRate: facts.restoreRate,
    restoreSeconds: records !== null && facts.restoreRate ? records / facts.restoreRate : records === 0 ? 0 : null,
  };
}

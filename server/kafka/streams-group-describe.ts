import { FindCoordinatorKeyTypes, type Admin } from '@platformatic/kafka';
import { brokerSupports, connectionTo } from './kafka-protocol';
import { ByteWriter, leanApi, type ByteReader } from './lean-codec';

/** A topic a sub-topology reads or writes that the application creates itself. */
export interface StreamsInternalTopic {
  name: string;
  /** 0 where the application leaves the count to its source topics (always 0 for changelogs). */
  partitions: number;
  /** 0 for the broker's default. */
  replicationFactor: number;
  configs: Record<string, string>;
}

/** One sub-topology of a Streams application, as the broker knows it (KIP-1071). */
export interface StreamsSubtopology {
  id: string;
  /** Regular expressions are resolved by the broker to the topics they match. */
  sourceTopics: string[];
  repartitionSinkTopics: string[];
  changelogTopics: StreamsInternalTopic[];
  repartitionSourceTopics: StreamsInternalTopic[];
}

/** Tasks by sub-topology: the partitions of its input each task reads. */
export interface StreamsTasks {
  subtopology: string;
  partitions: number[];
}

/** Where a task has got to: its offset, summed over its input partitions. */
export interface StreamsTaskOffset {
  subtopology: string;
  partition: number;
  offset: bigint;
}

export interface StreamsAssignment {
  active: StreamsTasks[];
  standby: StreamsTasks[];
  warmup: StreamsTasks[];
}

export interface StreamsGroupMember {
  memberId: string;
  memberEpoch: number;
  instanceId: string | null;
  rackId: string | null;
  clientId: string;
  clientHost: string;
  topologyEpoch: number;
  processId: string;
  /** Where the instance answers interactive queries, if it says. */
  userEndpoint: { host: string; port: number } | null;
  clientTags: Record<string, string>;
  taskOffsets: StreamsTaskOffset[];
  taskEndOffsets: StreamsTaskOffset[];
  assignment: StreamsAssignment;
  targetAssignment: StreamsAssignment;
  /** A member still on the classic protocol, not upgraded yet. */
  isClassic: boolean;
}

/** A streams group described by its coordinator (StreamsGroupDescribe, API key 89, version 0). */
export interface StreamsGroupDescription {
  groupId: string;
  /** `Empty`, `NotReady`, `Assigning`, `Reconciling`, `Stable` or `Dead`. */
  state: string;
  groupEpoch: number;
  assignmentEpoch: number;
  /** The epoch of the topology the group runs; null until a member told the broker its topology. */
  topologyEpoch: number | null;
  /**
   * Null until the topology is set up: before a member joined, or while source topics are
   * missing or partitioned wrongly.
   */
  topology: StreamsSubtopology[] | null;
  members: StreamsGroupMember[];
}

/** The broker's answer for one group: its description, or its error code (e.g. GROUP_ID_NOT_FOUND). */
type DescribeAnswer = { group: StreamsGroupDescription } | { errorCode: number; groupId: string; message: string | null };

const STREAMS_GROUP_DESCRIBE = 89;

/**
 * StreamsGroupDescribe sent to each group's coordinator, which the client library does not
 * implement: the request and response written and read here, field by field as Kafka's
 * `StreamsGroupDescribeRequest.json` / `StreamsGroupDescribeResponse.json` (version 0, as
 * Kafka 4.2 released it) define them. Groups the broker does not know as streams groups are left out.
 */
/** Whether the cluster has streams groups at all (KIP-1071: Kafka 4.1 and later answer StreamsGroupDescribe). */
export function hasStreamsGroups(admin: Admin): Promise<boolean> {
  return brokerSupports(admin, STREAMS_GROUP_DESCRIBE);
}

export async function describeStreamsGroups(admin: Admin, groupIds: string[]): Promise<StreamsGroupDescription[]> {
  // A broker before Kafka 4.1 has no streams groups to describe.
  if (!groupIds.length || !(await hasStreamsGroups(admin))) return [];
  const coordinators = await admin.findCoordinator({ keyType: FindCoordinatorKeyTypes.GROUP, keys: groupIds });
  const byNode = new Map<number, { host: string; port: number; groups: string[] }>();
  for (const coordinator of coordinators) {
    const node = byNode.get(coordinator.nodeId) ?? { host: coordinator.host, port: coordinator.port, groups: [] };
    node.groups.push(coordinator.key);
    byNode.set(coordinator.nodeId, node);
  }
  const answers = await Promise.all(
    [...byNode.values()].map(async (node) => describeApi.async(await connectionTo(admin, node), node.groups)),
  );
  return answers.flat().flatMap((answer) => ('group' in answer ? [answer.group] : []));
}

const describeApi = leanApi<[groupIds: string[]], DescribeAnswer[]>(
  STREAMS_GROUP_DESCRIBE,
  0,
  (groupIds) => {
    const size = ByteWriter.varIntSize(groupIds.length + 1) + groupIds.reduce((sum, id) => sum + ByteWriter.stringSize(id), 0) + 1 + 1;
    const writer = new ByteWriter(size).compactLength(groupIds.length);
    for (const id of groupIds) writer.compactString(id);
    // No authorized operations, no tagged fields.
    return writer.int8(0).noTaggedFields();
  },
  (reader) => {
    reader.int32(); // throttle time
    const answers = readArray(reader, readGroup) ?? [];
    reader.skipTaggedFields();
    return answers;
  },
);

function readGroup(reader: ByteReader): DescribeAnswer {
  const errorCode = reader.int16();
  const message = reader.compactString();
  const groupId = text(reader);
  const state = text(reader);
  const groupEpoch = reader.int32();
  const assignmentEpoch = reader.int32();
  // A nullable struct: -1 for null, 1 before its fields.
  let topologyEpoch: number | null = null;
  let topology: StreamsSubtopology[] | null = null;
  if (reader.int8() >= 0) {
    topologyEpoch = reader.int32();
    topology = readArray(reader, readSubtopology);
    reader.skipTaggedFields();
  }
  const members = readArray(reader, readMember) ?? [];
  reader.int32(); // authorized operations
  reader.skipTaggedFields();
  return errorCode === 0
    ? { group: { groupId, state, groupEpoch, assignmentEpoch, topologyEpoch, topology, members } }
    : { errorCode, groupId, message };
}

function readSubtopology(reader: ByteReader): StreamsSubtopology {
  const subtopology = {
    id: text(reader),
    sourceTopics: readStrings(reader),
    repartitionSinkTopics: readStrings(reader),
    changelogTopics: readArray(reader, readTopicInfo) ?? [],
    repartitionSourceTopics: readArray(reader, readTopicInfo) ?? [],
  };
  reader.skipTaggedFields();
  return subtopology;
}

function readMember(reader: ByteReader): StreamsGroupMember {
  const member: StreamsGroupMember = {
    memberId: text(reader),
    memberEpoch: reader.int32(),
    instanceId: reader.compactString(),
    rackId: reader.compactString(),
    clientId: text(reader),
    clientHost: text(reader),
    topologyEpoch: reader.int32(),
    processId: text(reader),
    userEndpoint: readEndpoint(reader),
    clientTags: Object.fromEntries(readArray(reader, readKeyValue) ?? []),
    taskOffsets: readArray(reader, readTaskOffset) ?? [],
    taskEndOffsets: readArray(reader, readTaskOffset) ?? [],
    assignment: readAssignment(reader),
    targetAssignment: readAssignment(reader),
    isClassic: reader.boolean(),
  };
  reader.skipTaggedFields();
  return member;
}

/** A nullable struct: -1 for null, else the host and an unsigned 16-bit port. */
function readEndpoint(reader: ByteReader): { host: string; port: number } | null {
  if (reader.int8() < 0) return null;
  const endpoint = { host: text(reader), port: reader.int16() & 0xffff };
  reader.skipTaggedFields();
  return endpoint;
}

function readTopicInfo(reader: ByteReader): StreamsInternalTopic {
  const topic = {
    name: text(reader),
    partitions: reader.int32(),
    replicationFactor: reader.int16(),
    configs: Object.fromEntries(readArray(reader, readKeyValue) ?? []),
  };
  reader.skipTaggedFields();
  return topic;
}

function readAssignment(reader: ByteReader): StreamsAssignment {
  const assignment = {
    active: readArray(reader, readTasks) ?? [],
    standby: readArray(reader, readTasks) ?? [],
    warmup: readArray(reader, readTasks) ?? [],
  };
  reader.skipTaggedFields();
  return assignment;
}

function readTasks(reader: ByteReader): StreamsTasks {
  const tasks = { subtopology: text(reader), partitions: reader.int32Array() };
  reader.skipTaggedFields();
  return tasks;
}

function readTaskOffset(reader: ByteReader): StreamsTaskOffset {
  const offset = { subtopology: text(reader), partition: reader.int32(), offset: reader.int64() };
  reader.skipTaggedFields();
  return offset;
}

function readKeyValue(reader: ByteReader): [string, string] {
  const entry: [string, string] = [text(reader), text(reader)];
  reader.skipTaggedFields();
  return entry;
}

/** A compact array of compact strings. */
function readStrings(reader: ByteReader): string[] {
  return readArray(reader, text) ?? [];
}

/** A compact array; null when the broker sends none. */
function readArray<T>(reader: ByteReader, readItem: (reader: ByteReader) => T): T[] | null {
  const length = reader.compactLength();
  if (length < 0) return null;
  const items = new Array<T>(length);
  for (let index = 0; index < length; index++) items[index] = readItem(reader);
  return items;
}

function text(reader: ByteReader): string {
  return reader.compactString() ?? '';
}

// The API contract lives with the server routes; the browser uses the same types.
export type {
  StreamsAppDetail,
  StreamsAppPage,
  StreamsAppSummary,
  StreamsMember,
  StreamsProtocol,
  StreamsStore,
  StreamsSubtopology,
  StreamsTask,
  StreamsTopicRole,
  StreamsTopicUse,
  StreamsTopologyDescription,
  StreamsTopologyDescriptionChange,
} from '../../../server/streams/streams.model';
export type { SortOrder } from '../../../server/topics/topic.model';
export type { StateTone } from '../consumer-groups/consumer-group.model';

/** The columns the server sorts the Streams apps list by. */
export type StreamsAppSortField = 'applicationId' | 'state' | 'memberCount' | 'totalLag';

/** One page of the Streams apps list, as `GET /streams-apps` takes it. */
export interface StreamsAppListQuery {
  /** Part of the application id, any case. */
  search?: string;
  sort: StreamsAppSortField;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { clusterName } from '../clusters/cluster-routing';
import { ERROR_CODES, type ErrorCode } from '../shared/error-codes';
import { describes, operation } from '../shared/openapi';
import type { SearchDone, SearchFailure, SearchProgress } from './topic-search.model';
import { searchQuery } from './topic-search.routes';
import { offset } from './topics.openapi';
import { topicsPathParams } from './topics.routes';

const searchProgress = describes<SearchProgress>()(
  z
    .object({
      scannedRecords: z.int(),
      scannedBytes: z.int(),
      partitions: z.array(z.object({ partition: z.int(), from: offset, to: offset, position: offset })),
      elapsedMs: z.int(),
    })
    .meta({ id: 'SearchProgress', description: 'The data of a `progress` event, sent a few times a second at most' }),
);
const searchDone = describes<SearchDone>()(
  z
    .object({ scannedRecords: z.int(), matches: z.int(), elapsedMs: z.int(), stoppedBy: z.enum(['end', 'limit']) })
    .meta({ id: 'SearchDone', description: 'The data of the last event, `done`' }),
);
const searchFailure = describes<SearchFailure>()(
  z
    .object({ code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]), message: z.string() })
    .meta({ id: 'SearchFailure', description: 'The data of an `error` event: the search failed after the stream began' }),
);

const EVENTS =
  'Server-Sent Events, each `event: <name>` and `data: <JSON>`: `progress` (SearchProgress), `match` (a TopicMessage, as the ' +
  'message browser shows it, as soon as it is found), and last either `done` (SearchDone) or `error` (SearchFailure). ' +
  'Closing the connection stops the search at once.';

/**
 * One event of the stream as Server-Sent Events carry it (`event:` and `data:` lines), as
 * OpenAPI 3.1 tools read an event-stream schema: per event, its data JSON of the schema named.
 */
const streamEvent = (event: string, schemaId: string) =>
  z.object({
    event: z.literal(event),
    data: z.string().meta({ contentMediaType: 'application/json', contentSchema: { $ref: `#/components/schemas/${schemaId}` } }),
  });
const searchEvent = z
  .union([
    streamEvent('progress', 'SearchProgress'),
    streamEvent('match', 'TopicMessage'),
    streamEvent('done', 'SearchDone'),
    streamEvent('error', 'SearchFailure'),
  ])
  .meta({ description: EVENTS });

/** The OpenAPI description of `topic-search.routes.ts`. */
export const topicSearchPaths: ZodOpenApiPathsObject = {
  '/clusters/{cluster}/topics/{topic}/search': {
    get: operation('topics', 'Searches every record of a topic, streaming progress and matches', {
      description:
        'One pass over the topic (or one partition), from the oldest or the newest records, over the records there when it starts. ' +
        'Record bytes are searched before anything is decoded; going from the newest, each partition is read backward and its ' +
        'matches come newest first. Matches of different partitions come interleaved as found.',
      requestParams: { path: z.object({ cluster: clusterName, ...topicsPathParams }), query: searchQuery },
      ok: {
        200: {
          description: EVENTS,
          content: { 'text/event-stream': { schema: searchEvent } },
        },
      },
    }),
  },
};

/** The schemas of the events' data, which the events name (a match's TopicMessage is the message browser's), for the document's components. */
export const topicSearchEventSchemas = {
  SearchProgress: searchProgress,
  SearchDone: searchDone,
  SearchFailure: searchFailure,
};

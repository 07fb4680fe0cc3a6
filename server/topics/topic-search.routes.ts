import { once } from 'node:events';
import type { Response, Router } from 'express';
import { z } from 'zod';
import { clusterOf, clusterRouter } from '../clusters/cluster-routing';
import type { ClustersService } from '../clusters/clusters.service';
import { named, requires } from '../access/request-access';
import { checkPathParams, parseQuery } from '../shared/validation';
import type { SearchEvent, SearchQuery } from './topic-search.model';
import type { TopicSearchService } from './topic-search.service';
import { topicsPathParams } from './topics.routes';

export const searchQuery = z.object({
  contains: z
    .string()
    .min(1, 'give the text to search for')
    .max(1_000, 'at most 1,000 characters')
    .meta({ description: 'Found as its exact UTF-8 bytes (letter case counts) in a key, a value or a header value' }),
  direction: z.enum(['oldest', 'newest']).default('newest'),
  partition: z.coerce.number().int().min(0).max(1_000_000).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(500),
}) satisfies z.ZodType<SearchQuery>;

/**
 * Searching a whole topic: `GET /api/clusters/:cluster/topics/:topic/search`, answered as
 * Server-Sent Events. A bad request or an unknown topic is answered with a status and the
 * usual error body before the stream begins; once it has begun, a failure is its last event.
 */
export function topicSearchRoutes(clusters: ClustersService, search: TopicSearchService): Router {
  return checkPathParams(clusterRouter(clusters), topicsPathParams).get(
    '/clusters/:cluster/topics/:topic/search',
    requires('viewer', named('topic', 'topic')),
    async (req, res) => {
      const cluster = clusterOf(req);
      const plan = await search.plan(cluster, req.params.topic, parseQuery(searchQuery, req));
      // The client leaving (a closed EventSource, a cancelled fetch) ends the search at once.
      const left = new AbortController();
      res.on('close', () => left.abort());
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        // Proxies such as nginx would otherwise hold the events back.
        'X-Accel-Buffering': 'no',
      });
      res.flushHeaders();
      await search.run(cluster, plan, { signal: left.signal, emit: (event) => send(res, event, left.signal) }).catch((error: unknown) => {
        req.log.error({ err: error }, 'topic search failed');
      });
      res.end();
    },
  );
}

/** Writes one event; when the socket's buffer is full, waits for it to drain (or the client to leave). */
async function send(res: Response, event: SearchEvent, left: AbortSignal): Promise<void> {
  if (left.aborted) return;
  if (res.write(`event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`)) return;
  await once(res, 'drain', { signal: left }).catch(() => undefined);
}

import type { ClusterConfig } from '../kafka/clusters-config';
import { scrapePrometheus } from '../metrics/prometheus-scrape';
import type { PrometheusSample } from '../metrics/prometheus-text';

/** One read of every endpoint; the Advisor's page waits for it, so not the charts' 10 s. */
const SCRAPE_TIMEOUT_MS = 5_000;

/** What each endpoint answered, and the endpoints that could not be read with why (`<endpoint>: <why>`). */
export interface EndpointReadings {
  scraped: { endpoint: string; samples: PrometheusSample[] }[];
  unreadable: string[];
}

/**
 * Reads the cluster's Prometheus endpoints (`prometheus:`) of the given kinds once, now, keeping
 * only the samples a check weighs: the charts keep their lines by endpoint and over time, while
 * a check needs this moment's figures by application or client.
 */
export async function readEndpoints(
  cluster: ClusterConfig,
  kinds: readonly string[],
  keep: (name: string) => boolean,
): Promise<EndpointReadings> {
  const endpoints = (cluster.prometheus ?? []).filter((endpoint) => kinds.includes(endpoint.kind));
  const unreadable: string[] = [];
  const scraped = await Promise.all(
    endpoints.map(async (endpoint) => {
      try {
        return { endpoint: endpoint.name, samples: await scrapePrometheus(endpoint.url, { timeoutMs: SCRAPE_TIMEOUT_MS, keep }) };
      } catch (err) {
        unreadable.push(`${endpoint.name}: ${(err as Error).message}`);
        return { endpoint: endpoint.name, samples: [] };
      }
    }),
  );
  return { scraped, unreadable };
}

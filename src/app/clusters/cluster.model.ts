// The API contract lives with the server routes; the browser uses the same types.
export type { BrokerSummary, ClusterOverview, ClusterSummary } from '../../../server/clusters/cluster.model';

/** How an overview number reads at a glance. */
export type HealthTone = 'ok' | 'warn' | 'error' | 'neutral';

/** One figure on the overview, with the words that explain it. */
export interface HealthFigure {
  label: string;
  value: number;
  tone: HealthTone;
  hint: string;
}

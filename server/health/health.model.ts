/** The API contract of the console's own health: liveness and readiness. */

/** `GET /api/health`: the process answers. */
export interface Liveness {
  status: 'ok';
  version: string;
}

/** Whether the console can reach one thing it depends on. */
export interface DependencyState {
  name: string;
  reachable: boolean;
  /** Why not, in plain words; absent when reachable. */
  problem?: string;
}

/**
 * `GET /api/ready`: whether every configured Kafka cluster and Connect worker answers now.
 * 200 when all do, 503 otherwise, for the load balancer or orchestrator in front.
 */
export interface Readiness {
  ready: boolean;
  clusters: (DependencyState & { connect: DependencyState[] })[];
}

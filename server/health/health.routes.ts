import { Router } from 'express';
import { PACKAGE_JSON } from '../project';
import type { Liveness } from './health.model';
import type { HealthService } from './health.service';

/**
 * `GET /api/health`: the console process answers (liveness; it does not touch Kafka).
 * `GET /api/ready`: 200 when every configured cluster and Connect worker answers, else 503
 * naming what does not (readiness, for a load balancer or orchestrator).
 */
export function healthRoutes(health: HealthService): Router {
  return Router()
    .get('/health', (_req, res) => {
      const liveness: Liveness = { status: 'ok', version: PACKAGE_JSON.version };
      res.json(liveness);
    })
    .get('/ready', async (_req, res) => {
      const readiness = await health.readiness();
      res.status(readiness.ready ? 200 : 503).json(readiness);
    });
}

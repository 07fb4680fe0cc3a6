import { Router } from 'express';
import { version } from '../../package.json';

/** `GET /api/health`: the console process answers. It does not touch Kafka. */
export function healthRoutes(): Router {
  return Router().get('/health', (_req, res) => {
    res.json({ status: 'ok', version });
  });
}

import type { AlertDelivery } from './alerts.model';

/** How a webhook is posted to. */
export interface DeliveryOptions {
  /** How long one attempt may take. */
  timeoutMs: number;
  /** Attempts in all, the first included. */
  attempts: number;
  /** Wait before the second attempt; each later one waits twice as long. */
  backoffMs: number;
}

export const DELIVERY: DeliveryOptions = { timeoutMs: 5_000, attempts: 3, backoffMs: 1_000 };

/** Longest part of a receiver's error answer kept in the record. */
const MAX_ANSWER = 200;

/**
 * Posts `payload` as JSON to a webhook and says how it went. A network failure, a timeout, a
 * 429 or a 5xx is tried again after a pause; any other 4xx is not (the receiver refused the
 * message, and will again). Never throws: the outcome is recorded, not raised.
 */
export async function deliverWebhook(
  url: string,
  payload: unknown,
  message: AlertDelivery['message'],
  options: DeliveryOptions = DELIVERY,
): Promise<AlertDelivery> {
  let httpStatus: number | null = null;
  let error: string | null = null;
  let attempts = 0;
  while (attempts < options.attempts) {
    if (attempts > 0) await new Promise((resolve) => setTimeout(resolve, options.backoffMs * 2 ** (attempts - 1)));
    attempts++;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'kafka-pipeline-console' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(options.timeoutMs),
        // A webhook that redirects is misconfigured; following it could post the alert anywhere.
        redirect: 'manual',
      });
      httpStatus = response.status;
      const answer = (await response.text()).slice(0, MAX_ANSWER);
      if (response.ok) return { message, at: new Date().toISOString(), outcome: 'delivered', attempts, httpStatus, error: null };
      error = `The webhook answered HTTP ${response.status}${answer ? `: ${answer}` : ''}`;
      if (response.status !== 429 && response.status < 500) break;
    } catch (err) {
      httpStatus = null;
      error = describeFailure(err, options.timeoutMs);
    }
  }
  return { message, at: new Date().toISOString(), outcome: 'failed', attempts, httpStatus, error };
}

function describeFailure(err: unknown, timeoutMs: number): string {
  const failure = err as Error & { cause?: { code?: string; message?: string } };
  if (failure.name === 'TimeoutError') return `The webhook did not answer within ${timeoutMs / 1000} s`;
  const cause = failure.cause?.code ?? failure.cause?.message;
  return `The webhook could not be reached${cause ? ` (${cause})` : ''}`;
}

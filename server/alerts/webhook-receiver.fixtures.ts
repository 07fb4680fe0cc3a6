import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a webhook receiver was sent. */
export interface ReceivedRequest {
  method: string;
  path: string;
  contentType: string | undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- what was posted, read by the spec
  body: any;
}

/**
 * A real HTTP server on 127.0.0.1 that records what is posted to it, as Slack or Teams
 * would receive it, and answers with the statuses it is told to (200 by default).
 */
export class WebhookReceiver {
  readonly requests: ReceivedRequest[] = [];
  #statuses: number[] = [];
  readonly #server: Server = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Kept as text: the spec says what it expected.
      }
      this.requests.push({ method: req.method ?? '', path: req.url ?? '', contentType: req.headers['content-type'], body });
      const status = this.#statuses.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'invalid_payload');
    });
  });
  /** The URL to post to. */
  url = '';

  /** Starts a receiver on a free port; its URL ends in `path` (a Slack-like secret path by default). */
  static async start(path = '/services/T000/B000/secret'): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    receiver.#server.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => receiver.#server.once('listening', resolve));
    receiver.url = `http://127.0.0.1:${(receiver.#server.address() as AddressInfo).port}${path}`;
    return receiver;
  }

  /** Answers the next requests with these statuses, in order; 200 after them. */
  answerWith(...statuses: number[]): void {
    this.#statuses.push(...statuses);
  }

  /** The first request (from `after` on) that `test` accepts; fails after `timeoutMs`. */
  async until(test: (request: ReceivedRequest) => boolean, { after = 0, timeoutMs = 20_000 } = {}): Promise<ReceivedRequest> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.requests.slice(after).find(test);
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(`The webhook receiver got no such request in ${timeoutMs} ms; it got ${this.requests.length}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise((resolve) => this.#server.close(resolve));
  }
}

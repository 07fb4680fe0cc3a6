import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';

const connector = '/api/clusters/local/connect/local-connect/connectors/domain-events-source';

/**
 * The page a hostile site would serve: a no-cors `fetch` and an auto-submitted `text/plain`
 * form, both POSTing to the console's pause URL. Neither needs the console's consent (CORS
 * does not stop a request that is sent without reading its answer).
 */
function attackPage(pauseUrl: string): string {
  return `<!doctype html>
<title>Cute cats</title>
<iframe name="sink"></iframe>
<form id="attack" method="POST" enctype="text/plain" target="sink" action="${pauseUrl}"></form>
<script>
  fetch(${JSON.stringify(pauseUrl)}, { method: 'POST', mode: 'no-cors', credentials: 'include' })
    .catch(() => undefined)
    .finally(() => document.getElementById('attack').submit());
</script>`;
}

/** Serves `html` from a port of its own on `localhost`: another origin, and another site than 127.0.0.1. */
async function serveElsewhere(html: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://localhost:${(server.address() as AddressInfo).port}/`, server };
}

test.describe('Browser safety', () => {
  test('a page on another site cannot pause a connector', async ({ page, request, baseURL }) => {
    const before = await (await request.get(connector)).json();
    expect(before.state).toBe('RUNNING');
    const hostile = await serveElsewhere(attackPage(`${baseURL}${connector}/pause`));
    try {
      const sent: string[] = [];
      const answers: number[] = [];
      page.on('request', (request) => request.url().endsWith('/pause') && sent.push(request.method()));
      // Chromium reports no answer for the form's: the console's answer may not be framed.
      page.on('response', (response) => response.url().endsWith('/pause') && answers.push(response.status()));

      await page.goto(hostile.url);

      // Both the fetch and the form were sent to the console, and refused.
      await expect.poll(() => sent).toEqual(['POST', 'POST']);
      expect.soft(answers).toContain(403);
      expect.soft(answers.filter((status) => status !== 403)).toEqual([]);
      // A pause that got through shows on the worker within about a second.
      await page.waitForTimeout(3000);
      expect((await (await request.get(connector)).json()).state).toBe('RUNNING');
    } finally {
      hostile.server.close();
      // Had the attack worked, the other tests would find the demo paused.
      await request.post(`${connector}/resume`);
    }
  });
});

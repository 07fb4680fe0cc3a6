import type { HttpRequest } from '@angular/common/http';
import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

/**
 * For specs: waits until `condition` holds, letting Angular run between tries. Not
 * `whenStable()`: a snack bar's timer would hold that for seconds.
 */
export async function waitFor(condition: () => boolean): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
    TestBed.tick();
  }
  throw new Error('never happened');
}

/**
 * For specs: the request the code under test sends a moment from now (after a dialog closes,
 * a debounce, a reload); the newest when it sent several.
 */
export async function requestSoon(
  http: HttpTestingController,
  match: string | ((request: HttpRequest<unknown>) => boolean),
): Promise<TestRequest> {
  for (let tries = 0; tries < 200; tries++) {
    const requests = http.match(match);
    if (requests.length) return requests.at(-1)!;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no request to ${typeof match === 'string' ? match : 'the matcher'}`);
}

/** Waits `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Asks `read` again every half second until `isDone` holds of its answer or `timeoutMs` has
 * passed; the last answer, for the spec to check: what a sampled or eventually consistent
 * state says once it has settled.
 */
export async function until<T>(read: () => Promise<T>, isDone: (answer: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await read();
    if (isDone(answer) || Date.now() > deadline) return answer;
    await sleep(500);
  }
}

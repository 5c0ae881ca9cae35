/**
 * Runs `worker` over `items` with at most `limit` at work at once. A worker that fails (throws
 * or rejects) never stops the others, and nothing new is skipped because of it: every item runs,
 * and the results come back in input order, as `Promise.allSettled` gives them. Workers start in
 * input order, each as soon as a slot is free.
 */
export async function runPool<T, R>(
  items: readonly T[],
  limit: number,
  worker: (item: T, index: number) => Promise<R>
): Promise<Array<PromiseSettledResult<R>>> {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`runPool: limit ${limit} is not a whole number >= 1`);
  const results = new Array<PromiseSettledResult<R>>(items.length);
  let next = 0;
  async function lane(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      try {
        // Inside the try, so that a worker that throws before returning its promise counts as rejected.
        results[index] = { status: 'fulfilled', value: await worker(items[index], index) };
      } catch (error) {
        results[index] = { status: 'rejected', reason: error };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, () => lane()));
  return results;
}

import { runPool } from '../../src/pool.js';

/** A promise and the functions that settle it. */
function deferred<T>(): {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
} {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('runPool', () => {
  it('never has more than `limit` workers at once, and keeps every slot busy', async () => {
    const gates = Array.from({ length: 10 }, () => deferred<void>());
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const done = runPool(gates, 3, async (gate, index) => {
      started.push(index);
      running++;
      peak = Math.max(peak, running);
      await gate.promise;
      running--;
      return index * 10;
    });
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates[1].resolve();
    await tick();
    // The freed slot takes the next item at once.
    expect(started).toEqual([0, 1, 2, 3]);
    // Settle the rest out of order.
    for (const i of [9, 8, 7, 6, 5, 4, 3, 2, 0]) gates[i].resolve();
    for (let i = 0; i < 20; i++) await tick();
    const results = await done;
    expect(peak).toBe(3);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : r.reason))).toEqual([
      0, 10, 20, 30, 40, 50, 60, 70, 80, 90
    ]);
  });

  it('runs every item when some fail, and returns the failures in place', async () => {
    const ran: number[] = [];
    const results = await runPool([0, 1, 2, 3, 4, 5], 2, async (item) => {
      ran.push(item);
      await tick();
      if (item % 2 === 1) throw new Error(`item ${item} failed`);
      return `ok ${item}`;
    });
    expect(ran.sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(results).toEqual([
      { status: 'fulfilled', value: 'ok 0' },
      { status: 'rejected', reason: new Error('item 1 failed') },
      { status: 'fulfilled', value: 'ok 2' },
      { status: 'rejected', reason: new Error('item 3 failed') },
      { status: 'fulfilled', value: 'ok 4' },
      { status: 'rejected', reason: new Error('item 5 failed') }
    ]);
  });

  it('counts a worker that throws before returning a promise as a failure of that item only', async () => {
    const results = await runPool(['a', 'b'], 1, (item) => {
      if (item === 'a') throw new Error('sync');
      return Promise.resolve(item);
    });
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
  });

  it('takes an empty list and a limit larger than the list', async () => {
    await expect(runPool([], 4, () => Promise.resolve(1))).resolves.toEqual([]);
    await expect(runPool([1], 32, (n) => Promise.resolve(n + 1))).resolves.toEqual([
      { status: 'fulfilled', value: 2 }
    ]);
  });

  it.each([0, -1, 1.5, NaN])('refuses the limit %p', async (limit) => {
    await expect(runPool([1], limit, () => Promise.resolve(1))).rejects.toThrow(RangeError);
  });
});

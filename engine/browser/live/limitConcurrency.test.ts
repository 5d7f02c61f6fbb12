import { expect, it } from 'vitest';
import { limitConcurrency } from './limitConcurrency';

it('runs at most `limit` calls at once, starts the rest in call order, and frees a slot when a call fails', async () => {
  let running = 0;
  let most = 0;
  const started: number[] = [];
  const limited = limitConcurrency(2, async (n: number) => {
    started.push(n);
    running++;
    most = Math.max(most, running);
    await new Promise((resolve) => setTimeout(resolve, 5 + (n % 3)));
    running--;
    if (n === 1) throw new Error('broken stem');
    return n * 10;
  });
  const results = await Promise.allSettled([0, 1, 2, 3, 4, 5].map((n) => limited(n)));
  expect(most).toBe(2);
  expect(started).toEqual([0, 1, 2, 3, 4, 5]);
  expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'failed'))).toEqual([0, 'failed', 20, 30, 40, 50]);
});

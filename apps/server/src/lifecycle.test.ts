import { describe, expect, it } from 'vitest';
import { Lifecycle } from './lifecycle.js';

function work(finishAfterMs: number | 'never') {
  let interruptedWith: string | undefined;
  let finish!: () => void;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
    if (finishAfterMs !== 'never') setTimeout(resolve, finishAfterMs);
  });
  return {
    done,
    interrupt(reason: string) {
      interruptedWith = reason;
      finish();
    },
    get interruptedWith() {
      return interruptedWith;
    },
  };
}

describe('Lifecycle.drain', () => {
  it('waits for work that finishes within the drain time and interrupts nothing', async () => {
    const lifecycle = new Lifecycle();
    const job = work(50);
    lifecycle.track(job);
    expect(lifecycle.activeWork).toBe(1);
    expect(await lifecycle.drain(2000)).toEqual({ interrupted: 0 });
    expect(job.interruptedWith).toBeUndefined();
    expect(lifecycle.activeWork).toBe(0);
    expect(lifecycle.closing).toBe(true);
  });

  it('interrupts work still running at the deadline', async () => {
    const lifecycle = new Lifecycle();
    const quick = work(10);
    const stuck = work('never');
    lifecycle.track(quick);
    lifecycle.track(stuck);
    const started = Date.now();
    expect(await lifecycle.drain(200)).toEqual({ interrupted: 1 });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(stuck.interruptedWith).toBe('Server shutting down');
    expect(quick.interruptedWith).toBeUndefined();
  });
});

import { describe, expect, it, vi } from 'vitest';
import { abortableSleep, type Sleep } from '../abortable-sleep.ts';
import { createPollLoop } from './poll-loop.ts';

/** A clock that jumps ahead by each requested wait, so back-off is observable without real time. */
function fakeClock() {
  let time = 0;
  const waits: number[] = [];
  const sleep: Sleep = async (ms) => {
    waits.push(Math.round(ms));
    time += ms;
  };
  return { sleep, waits, now: () => time };
}

describe('the poll loop', () => {
  it('polls at the minimum first, backs off ×1.5 to the maximum while quiet, resets on news', async () => {
    const clock = fakeClock();
    const changes = [false, false, false, false, false, false, false, true, false];
    let ticks = 0;
    const loop = createPollLoop({
      minMs: 500,
      maxMs: 2000,
      tick: async () => changes[ticks++] ?? false,
      hasWork: () => ticks < changes.length,
      sleep: clock.sleep,
      now: clock.now,
    });
    loop.start();
    await vi.waitFor(() => expect(ticks).toBe(changes.length));
    expect(clock.waits).toEqual([500, 750, 1125, 1688, 2000, 2000, 2000, 2000, 500]);
  });

  it('leaves no timer behind once there is nothing to watch, and starts again when asked', async () => {
    let work = true;
    let ticks = 0;
    const loop = createPollLoop({
      minMs: 5,
      maxMs: 10,
      tick: async () => {
        ticks++;
        work = false;
        return true;
      },
      hasWork: () => work,
      sleep: abortableSleep,
      now: Date.now,
    });
    loop.start();
    await vi.waitFor(() => expect(ticks).toBe(1));
    work = true;
    loop.nudge();
    await vi.waitFor(() => expect(ticks).toBe(2));
    loop.stop();
  });

  it('polls within the minimum of the last tick when nudged during a long back-off', async () => {
    const clock = fakeClock();
    let resolveLongWait: (() => void) | undefined;
    const sleep: Sleep = (ms, signal) => {
      if (ms < 1000) return clock.sleep(ms, signal);
      clock.waits.push(ms);
      return new Promise((resolve, reject) => {
        resolveLongWait = resolve;
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    };
    let ticks = 0;
    const loop = createPollLoop({
      minMs: 500,
      maxMs: 5000,
      tick: async () => {
        ticks++;
        return false;
      },
      hasWork: () => ticks < 3,
      sleep,
      now: clock.now,
    });
    loop.start();
    await vi.waitFor(() => expect(clock.waits).toEqual([500, 750, 1125]));
    loop.nudge();
    await vi.waitFor(() => expect(ticks).toBe(3));
    expect(resolveLongWait).toBeDefined();
    // The 1,125 ms wait was cut short: the next tick came 500 ms after the previous one.
    expect(clock.waits).toEqual([500, 750, 1125, 500]);
    loop.stop();
  });
});

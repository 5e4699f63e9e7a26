import type { Sleep } from '../abortable-sleep.ts';

export type PollLoopOptions = {
  minMs: number;
  maxMs: number;
  /** One round of polling; answers whether anything changed. */
  tick: () => Promise<boolean>;
  /** Checked before every wait and tick: the loop ends, leaving no timer, when there is nothing to watch. */
  hasWork: () => boolean;
  sleep: Sleep;
  now: () => number;
  /** Multiplies every wait, e.g. 4 while the tab is hidden; 1 when absent. */
  slowdown?: () => number;
};

export type PollLoop = {
  /** Starts the loop if there is work and it is not running. */
  start(): void;
  /** Something new to watch: poll within `minMs` of the last tick instead of after a long back-off. */
  nudge(): void;
  stop(): void;
};

const BACK_OFF_FACTOR = 1.5;

/**
 * Ticks at `minMs` while things change and backs off ×1.5 up to `maxMs` while they do not. Ticks
 * never overlap: the next wait starts when a tick has finished.
 */
export function createPollLoop(options: PollLoopOptions): PollLoop {
  const { minMs, maxMs, tick, hasWork, sleep, now } = options;
  let running = false;
  let stopped = false;
  let intervalMs = minMs;
  let nudged = false;
  let wake: AbortController | undefined;

  async function run(): Promise<void> {
    let lastTickAt = now();
    while (!stopped && hasWork()) {
      const waitMs = lastTickAt + intervalMs * (options.slowdown?.() ?? 1) - now();
      if (waitMs > 0) {
        wake = new AbortController();
        const slept = await sleep(waitMs, wake.signal).then(
          () => true,
          () => false,
        );
        wake = undefined;
        // Woken early by a nudge or stop: look again at the (possibly shorter) interval.
        if (!slept) continue;
        if (stopped || !hasWork()) break;
      }
      nudged = false;
      let changed = false;
      try {
        changed = await tick();
      } catch {
        // A failed round is a round without news; the next one asks again after a longer pause.
      }
      lastTickAt = now();
      intervalMs = changed || nudged ? minMs : Math.min(maxMs, intervalMs * BACK_OFF_FACTOR);
      nudged = false;
    }
    running = false;
  }

  function start(): void {
    if (running || stopped || !hasWork()) return;
    running = true;
    intervalMs = minMs;
    void run();
  }

  return {
    start,
    nudge() {
      intervalMs = minMs;
      nudged = true;
      if (running) wake?.abort();
      else start();
    },
    stop() {
      stopped = true;
      wake?.abort();
    },
  };
}

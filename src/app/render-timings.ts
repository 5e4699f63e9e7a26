import type { FirstViewTiming } from '../contract/first-view.ts';

/** Adds up, per step, the time a first render spends and how often it takes the step. */
export class Timings {
  readonly #steps = new Map<FirstViewTiming['name'], FirstViewTiming>();

  async time<T>(name: FirstViewTiming['name'], step: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await step();
    } finally {
      this.#add(name, performance.now() - started);
    }
  }

  timeSync<T>(name: FirstViewTiming['name'], step: () => T): T {
    const started = performance.now();
    try {
      return step();
    } finally {
      this.#add(name, performance.now() - started);
    }
  }

  list(): FirstViewTiming[] {
    return [...this.#steps.values()];
  }

  #add(name: FirstViewTiming['name'], ms: number): void {
    const step = this.#steps.get(name) ?? { name, ms: 0, count: 0 };
    this.#steps.set(name, { name, ms: step.ms + ms, count: step.count + 1 });
  }
}

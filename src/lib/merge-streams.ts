/**
 * The chunks of several streams as each arrives, at most `concurrency` streams read at once (the
 * next starts when one ends). A stream that fails ends the whole with its error.
 */
export async function* mergeStreams<T>(
  sources: readonly (() => AsyncIterable<T>)[],
  concurrency: number,
): AsyncGenerator<T> {
  const ready: T[] = [];
  let failure: { error: unknown } | undefined;
  let running = 0;
  let next = 0;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const startNext = () => {
    const source = sources[next++];
    if (!source) return;
    running++;
    void (async () => {
      try {
        for await (const chunk of source()) {
          if (failure) return;
          ready.push(chunk);
          notify();
        }
      } catch (error) {
        failure ??= { error };
      } finally {
        running--;
        if (!failure) startNext();
        notify();
      }
    })();
  };
  for (let index = 0; index < Math.min(concurrency, sources.length); index++) startNext();
  for (;;) {
    if (failure) throw failure.error;
    const chunk = ready.shift();
    if (chunk !== undefined) {
      yield chunk;
      continue;
    }
    if (running === 0 && next >= sources.length) return;
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
  }
}

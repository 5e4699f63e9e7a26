/**
 * The chunks of several streams as they arrive, at most `concurrency` streams read at once (the
 * next starts when one ends), in batches: everything that arrived since the last batch, at most
 * one batch every `batchEveryMs` (a view that re-renders per batch is not re-rendered per chunk;
 * the streams go on reading meanwhile). A stream that fails ends the whole with its error.
 */
export async function* mergeStreams<T>(
  sources: readonly (() => AsyncIterable<T>)[],
  concurrency: number,
  batchEveryMs = 0,
): AsyncGenerator<T[]> {
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
  let lastBatch = 0;
  for (;;) {
    if (failure) throw failure.error;
    const done = running === 0 && next >= sources.length;
    const wait = lastBatch + batchEveryMs - Date.now();
    if (ready.length > 0 && (wait <= 0 || done)) {
      lastBatch = Date.now();
      yield ready.splice(0);
      continue;
    }
    if (done) return;
    await new Promise<void>((resolve) => {
      wake = resolve;
      if (ready.length > 0) setTimeout(notify, wait);
    });
  }
}

import { describe, expect, it } from 'vitest';
import { mergeStreams } from './merge-streams.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function* slow(values: number[], ms: number) {
  for (const value of values) {
    await sleep(ms);
    yield value;
  }
}

async function collect<T>(stream: AsyncIterable<T[]>): Promise<T[]> {
  const out: T[] = [];
  for await (const batch of stream) out.push(...batch);
  return out;
}

describe('merging streams', () => {
  it('yields every chunk of every stream, the faster ones first', async () => {
    const merged = await collect(mergeStreams([() => slow([1, 2], 30), () => slow([10, 20], 5)], 2));
    expect([...merged].sort((a, b) => a - b)).toEqual([1, 2, 10, 20]);
    expect(merged.slice(0, 2)).toEqual([10, 20]);
  });

  it('reads no more streams at once than allowed', async () => {
    let open = 0;
    let most = 0;
    const counted = async function* (value: number) {
      open++;
      most = Math.max(most, open);
      await sleep(5);
      yield value;
      open--;
    };
    const merged = await collect(
      mergeStreams(
        [1, 2, 3, 4, 5].map((n) => () => counted(n)),
        2,
      ),
    );
    expect(merged).toHaveLength(5);
    expect(most).toBe(2);
  });

  it('hands over what arrived together in one batch, at most one batch per interval', async () => {
    const quick = () => slow([1, 2, 3, 4, 5, 6], 2);
    const batches: number[][] = [];
    for await (const batch of mergeStreams([quick], 1, 1000)) batches.push(batch);
    expect(batches.flat()).toEqual([1, 2, 3, 4, 5, 6]);
    // The first chunk goes at once; the rest arrive within the second's wait and go together.
    expect(batches).toEqual([[1], [2, 3, 4, 5, 6]]);
  });

  it('ends with the error of a stream that fails', async () => {
    const failing = async function* () {
      await sleep(1);
      yield 1;
      throw new Error('page refused');
    };
    await expect(collect(mergeStreams([failing, () => slow([2], 20)], 2))).rejects.toThrow('page refused');
  });
});

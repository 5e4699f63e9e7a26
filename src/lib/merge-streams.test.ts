import { describe, expect, it } from 'vitest';
import { mergeStreams } from './merge-streams.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function* slow(values: number[], ms: number) {
  for (const value of values) {
    await sleep(ms);
    yield value;
  }
}

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const chunk of stream) out.push(chunk);
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

  it('ends with the error of a stream that fails', async () => {
    const failing = async function* () {
      await sleep(1);
      yield 1;
      throw new Error('page refused');
    };
    await expect(collect(mergeStreams([failing, () => slow([2], 20)], 2))).rejects.toThrow('page refused');
  });
});

import { jitteredBackoff } from './retry-pause';

const sleepsFor = async (random: number, attempts: readonly number[]): Promise<number[]> => {
  const slept: number[] = [];
  const pause = jitteredBackoff({ random: () => random, sleep: (ms) => Promise.resolve(void slept.push(ms)) }, { baseMs: 1, capMs: 40 });
  for (const attempt of attempts) await pause(attempt);
  return slept;
};

describe('jitteredBackoff', () => {
  it('draws the pause from a window that doubles with each attempt up to the cap', async () => {
    expect(await sleepsFor(0.5, [1, 2, 3, 4, 5, 6, 7, 20])).toEqual([1, 2, 4, 8, 16, 20, 20, 20]);
  });

  it.each([
    [0, 0],
    [0.999999, 39],
  ])('stays within the window whatever the random draw (%p gives %p ms at the cap)', async (random, ms) => {
    expect(await sleepsFor(random, [10])).toEqual([ms]);
  });
});

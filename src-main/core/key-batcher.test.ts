import { describe, expect, it } from 'vitest';
import { KeyBatcher } from './key-batcher';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('KeyBatcher', () => {
  it('turns a burst of keys into one batch, without duplicates', async () => {
    const batches: string[][] = [];
    const b = new KeyBatcher(async (keys) => void batches.push(keys), 20);
    for (const k of ['a', 'b', 'a', 'c', 'b']) b.add(k);
    await wait(60);
    expect(batches).toEqual([['a', 'b', 'c']]);
  });

  it('never runs two flushes at once; keys that arrive meanwhile form the next batch', async () => {
    const batches: string[][] = [];
    let running = 0;
    let overlap = false;
    const b = new KeyBatcher(async (keys) => {
      running++;
      overlap ||= running > 1;
      batches.push(keys);
      await wait(40);
      running--;
    }, 5);
    b.add('a');
    await wait(15);
    b.add('b');
    b.add('c');
    await wait(15);
    b.add('d');
    await wait(150);
    expect(overlap).toBe(false);
    expect(batches).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('a flush that fails does not stop later batches', async () => {
    const batches: string[][] = [];
    const b = new KeyBatcher(async (keys) => {
      batches.push(keys);
      if (keys.includes('bad')) throw new Error('engine said no');
    }, 5);
    b.add('bad');
    await wait(30);
    b.add('good');
    await wait(30);
    expect(batches).toEqual([['bad'], ['good']]);
  });

  it('drop, clear and stop', async () => {
    const batches: string[][] = [];
    const b = new KeyBatcher(async (keys) => void batches.push(keys), 5);
    b.add('a');
    b.add('b');
    b.drop('a');
    await wait(20);
    b.add('c');
    b.clear();
    await wait(20);
    b.stop();
    b.add('d');
    await wait(20);
    expect(batches).toEqual([['b']]);
    expect(b.busy).toBe(false);
  });
});

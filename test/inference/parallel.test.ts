import { describe, expect, it } from "vitest";
import { resolveThreads, runBlocks, startBlocks, warmWorkers } from "../../src/inference/parallel.js";

/** Test kernel: block b writes f(b, j) for its 8 entries, after some work so that the workers get blocks. */
function squareBlock(data: Record<string, any>, block: number): void {
  const out: Float64Array = data.out;
  for (let j = 0; j < 8; j++) out[block * 8 + j] = busyValue(block * 8 + j, data.rounds);
}
function busyValue(i: number, rounds: number): number {
  let x = i;
  for (let r = 0; r < rounds; r++) x = (x * 1.000001 + 1) % 1e9;
  return x + i * i;
}
function failingBlock(data: Record<string, any>, block: number): void {
  if (block === data.bad) throw new Error(`failingBlock: block ${block} failed`);
  data.out[block] = block;
}

describe("runBlocks", () => {
  const expected = (blocks: number, rounds: number) => Float64Array.from({ length: blocks * 8 }, (_, i) => busyValue(i, rounds));

  it("runs blocks on worker threads (kernel and helpers from their source) with the same result as one thread", () => {
    const blocks = 64;
    const rounds = 20_000;
    for (const threads of [1, 2, 4]) {
      const out = new Float64Array(blocks * 8);
      const { byWorkers } = runBlocks({ kernel: squareBlock, helpers: [busyValue], data: { out, rounds }, blocks, threads });
      expect(out).toEqual(expected(blocks, rounds));
      if (threads === 1) expect(byWorkers).toBe(0);
    }
    // Warm workers take blocks while this thread works on its own (on a busy machine not always: retry a few times).
    let byWorkers = 0;
    for (let attempt = 0; attempt < 5 && byWorkers === 0; attempt++) {
      const out = new Float64Array(blocks * 8);
      byWorkers = runBlocks({ kernel: squareBlock, helpers: [busyValue], data: { out, rounds }, blocks, threads: 3 }).byWorkers;
      expect(out).toEqual(expected(blocks, rounds));
    }
    expect(byWorkers).toBeGreaterThan(0);
  });

  it("startBlocks: jobs started before this thread works on, finished later (two at once), give runBlocks' result", () => {
    const blocks = 48;
    const rounds = 20_000;
    for (const threads of [1, 2, 3]) {
      const shared = () => new Float64Array(new SharedArrayBuffer(8 * blocks * 8));
      const a = shared();
      const b = shared();
      const jobA = startBlocks({ kernel: squareBlock, helpers: [busyValue], data: { out: a, rounds }, blocks, threads });
      const jobB = startBlocks({ kernel: squareBlock, helpers: [busyValue], data: { out: b, rounds: rounds + 1 }, blocks, threads });
      let other = 0;
      for (let i = 0; i < 1e6; i++) other += i % 7; // this thread's own work meanwhile
      expect(other).toBeGreaterThan(0);
      const { byWorkers } = jobA.finish();
      expect(a).toEqual(expected(blocks, rounds));
      jobB.finish();
      expect(b).toEqual(expected(blocks, rounds + 1));
      if (threads === 1) expect(byWorkers).toBe(0);
    }
  });

  it("warmWorkers starts the pool ahead (1 thread: none); runBlocks then gives the same result", () => {
    warmWorkers(1);
    warmWorkers(2);
    const out = new Float64Array(16 * 8);
    runBlocks({ kernel: squareBlock, helpers: [busyValue], data: { out, rounds: 1000 }, blocks: 16, threads: 2 });
    expect(out).toEqual(expected(16, 1000));
  });

  it("a kernel error in a worker is thrown here, with its message", () => {
    expect(() => runBlocks({ kernel: failingBlock, data: { out: new Float64Array(40), bad: 37 }, blocks: 40, threads: 3 })).toThrow(
      "failingBlock: block 37 failed",
    );
  });

  it("resolveThreads: the default depends on the work, an explicit value is checked", () => {
    expect(resolveThreads("f", undefined, 10)).toBe(1);
    expect(resolveThreads("f", undefined, 1e9)).toBeGreaterThanOrEqual(1);
    expect(resolveThreads("f", undefined, 1e9)).toBeLessThanOrEqual(8);
    expect(resolveThreads("f", 3, 10)).toBe(3);
    expect(() => resolveThreads("f", 0, 10)).toThrow('f: Option "threads" muss eine ganze Zahl ≥ 1 sein, angegeben: 0');
  });
});

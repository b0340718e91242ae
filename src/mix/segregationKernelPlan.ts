import { kernelSource, type BlockKernel } from "../inference/parallel.js";
import { atkinson, atkinsonKernel } from "./atkinson.js";
import { dissimilarity, dissimilarityKernel } from "./dissimilarity.js";
import { interaction, interactionKernel } from "./interaction.js";
import { isolation, isolationKernel } from "./isolation.js";
import { multigroupDissimilarity, multigroupDissimilarityKernel, simpsonInteraction } from "./multigroupDissimilarity.js";
import { multigroupTheilH, multigroupTheilHKernel } from "./multigroupTheilH.js";
import { normalizedExposure, normalizedExposureKernel } from "./normalizedExposure.js";
import { NULL_KERNEL_HELPERS } from "./nullKernels.js";
import { binaryEntropy, theilH, theilHKernel } from "./theilH.js";

/** An index with a columnar kernel that can run in a worker: its kernel and the same-file functions it calls. */
interface ShippableIndex {
  kind: "single" | "multi";
  kernel: Function;
  helpers: Function[];
  /** The extra numeric argument of the kernel (Atkinson's b), from the index options. */
  extra?: (options: Record<string, unknown>) => number;
}

/**
 * The indices whose permutation test runs on several threads. Their kernels are self-contained (they call only
 * the helpers listed, declared in their own file), so their source text runs in a worker. Other index functions
 * — gini, correlationRatio and multigroupGini (their kernels call functions of other files) and any function of
 * the user's — are run in-process on one thread, with the same simulated data sets and so the same result.
 */
const SHIPPABLE = new Map<Function, ShippableIndex>([
  [dissimilarity, { kind: "single", kernel: dissimilarityKernel, helpers: [] }],
  [theilH, { kind: "single", kernel: theilHKernel, helpers: [binaryEntropy] }],
  [isolation, { kind: "single", kernel: isolationKernel, helpers: [] }],
  [interaction, { kind: "single", kernel: interactionKernel, helpers: [] }],
  [atkinson, { kind: "single", kernel: atkinsonKernel, helpers: [], extra: (o) => (o.b as number | undefined) ?? 0.5 }],
  [multigroupDissimilarity, { kind: "multi", kernel: multigroupDissimilarityKernel, helpers: [simpsonInteraction] }],
  [multigroupTheilH, { kind: "multi", kernel: multigroupTheilHKernel, helpers: [] }],
  [normalizedExposure, { kind: "multi", kernel: normalizedExposureKernel, helpers: [] }],
]);

/** A block kernel compiled with its index, ready for `runBlocks`, and the numeric extra argument. */
export interface KernelPlan {
  kernel: BlockKernel;
  helpers: Function[];
  extra: number;
}

/** `segregationStatistic` for an index kernel: the wrapper the block kernels call (see nullKernels.ts). */
function statisticWrapper(entry: ShippableIndex): Function {
  const name = entry.kernel.name;
  const body =
    entry.kind === "single"
      ? `return ${name}(c.subarray(0, n), t, n, gt[0], T, extra);`
      : `const counts = []; for (let k = 0; k < K; k++) counts.push(c.subarray(k * n, (k + 1) * n)); return ${name}(counts, t, n, Array.from(gt), T);`;
  return new Function(`return function segregationStatistic(c, t, n, K, gt, T, extra) { ${body} };`)() as Function;
}

const compiled = new Map<string, BlockKernel>();

/**
 * Compiles `block` (a kernel of nullKernels.ts) with its helpers and the index wrapper from their source text —
 * on this thread exactly the code a worker runs (the block kernels call `segregationStatistic`, which exists
 * only in that source).
 */
function compile(block: BlockKernel, helpers: Function[]): BlockKernel {
  const source = kernelSource(block, helpers);
  let kernel = compiled.get(source);
  if (!kernel) {
    kernel = new Function(`${source}\nreturn ${block.name};`)() as BlockKernel;
    compiled.set(source, kernel);
  }
  return kernel;
}

/** The plan of `block` for `index`, or null when the index has no shippable kernel (in-process path). */
export function kernelPlan(block: BlockKernel, index: Function, options: Record<string, unknown>): KernelPlan | null {
  const entry = SHIPPABLE.get(index);
  if (!entry) return null;
  const helpers = [...NULL_KERNEL_HELPERS, ...entry.helpers, entry.kernel, statisticWrapper(entry)];
  return { kernel: compile(block, helpers), helpers, extra: entry.extra ? entry.extra(options) : 0 };
}

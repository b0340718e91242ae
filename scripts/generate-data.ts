/**
 * Generates the embedded synthetic city into data/ (or --out <dir>) with the default seed (or --seed <n>).
 * Run: npx tsx scripts/generate-data.ts [--out <dir>] [--seed <n>]
 */
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { SYNTHETIC_CITY_SEED, writeSyntheticCity } from "../src/synth/index.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { out: { type: "string" }, seed: { type: "string" } } });
const dir = resolve(values.out ?? resolve(root, "data"));
const seed = values.seed === undefined ? SYNTHETIC_CITY_SEED : Number(values.seed);
if (!Number.isInteger(seed)) throw new Error(`generate-data: --seed must be an integer, got "${values.seed}"`);
for (const path of writeSyntheticCity({ dir, seed })) console.log(`wrote ${relative(process.cwd(), path) || path}`);

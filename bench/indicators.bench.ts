/**
 * Benchmark of the indicator layer: computeIndicators (13 default indicators, Wilson intervals, global EB)
 * and aggregateCounts on a large synthetic city. Run: node bench/run.mjs indicators  (SIZE=… to change n).
 */
import { aggregateCounts, computeIndicators, createRng, indicatorColumns } from "../src/index.js";
import { measure } from "./measure.js";

const n = Number(process.env.SIZE ?? 100_000);
const rng = createRng(20240601);
const rows = Array.from({ length: n }, (_, i) => {
  const band = () => 20 + rng.int(400);
  const r: Record<string, number | string> = {
    sozialraum_id: String(i).padStart(7, "0"),
    stadtteil_id: String(Math.floor(i / 10)).padStart(6, "0"),
    ew_0_5: band(), ew_6_14: band(), ew_15_17: band(), ew_18_24: band(), ew_25_64: 4 * band(), ew_65_plus: band(),
  };
  const u15 = (r.ew_0_5 as number) + (r.ew_6_14 as number);
  const y = (r.ew_15_17 as number) + (r.ew_18_24 as number);
  const wa = y + (r.ew_25_64 as number);
  r.einwohner = u15 + wa + (r.ew_65_plus as number);
  r.haushalte = Math.round((r.einwohner as number) / 2);
  r.hh_mit_kindern = rng.int(Math.round(u15 / 1.5) + 1);
  r.hh_alleinerziehend = rng.int((r.hh_mit_kindern as number) + 1);
  r.sgb2_unter_15 = rng.int(u15 + 1);
  r.sgb2_elb_15_64 = rng.int(Math.round(wa / 3) + 1);
  r.sgb2_personen = (r.sgb2_unter_15 as number) + (r.sgb2_elb_15_64 as number);
  r.arbeitslose = rng.int(Math.round(wa / 5) + 1);
  r.arbeitslose_sgb2 = rng.int((r.arbeitslose as number) + 1);
  r.arbeitslose_15_24 = rng.int(Math.round(y / 5) + 1);
  r.grundsicherung_65_plus = rng.int((r.ew_65_plus as number) + 1);
  r.migrationshintergrund = rng.int((r.einwohner as number) + 1);
  return r;
});

await measure("computeIndicators", `${n} areas × 13 indicators`, () =>
  computeIndicators(rows, { id: "sozialraum_id", minimumPopulation: 300 }),
);
await measure("computeIndicators", `${n} areas × 13 indicators, empirical Bayes`, () =>
  computeIndicators(rows, { id: "sozialraum_id", minimumPopulation: 300, smoothing: "empirical-bayes" }),
);
await measure("aggregateCounts", `${n} areas → ${Math.ceil(n / 10)} parents`, () =>
  aggregateCounts(rows, { id: "sozialraum_id", parent: "stadtteil_id", counts: [...indicatorColumns(), "einwohner"].filter((c, i, a) => a.indexOf(c) === i) }),
);

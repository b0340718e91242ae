import type { SyntheticCity } from "./generateSyntheticCity.js";
import { SURVEY_YEARS } from "./strukturdaten.js";
import type { SyntheticArea } from "./syntheticArea.js";

const z = (x: number): string => (x >= 0 ? "+" : "−") + Math.abs(x).toFixed(2);
const table = (head: string[], rows: string[][]): string =>
  [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");

/** Latent deprivation above which an area is "benachteiligt" in the planted truth (about the top sixth). */
export const PANEL_HIGH = 0.8;
/** Latent deprivation below which an area counts as no longer (or not yet) benachteiligt. */
export const PANEL_LOW = 0.4;

/** The planted multi-year patterns of the panel 2014–2020, from the generator's latent deprivation. */
export function panelPatterns(areas: readonly SyntheticArea[]): { persistent: SyntheticArea[]; improving: SyntheticArea[]; worsening: SyntheticArea[] } {
  const d = (a: SyntheticArea): number[] => SURVEY_YEARS.map((y) => a.deprivation[y]);
  // The very small areas get no verdict (under 300 residents), so they show no pattern.
  areas = areas.filter((a) => a.small === undefined);
  return {
    persistent: areas.filter((a) => d(a).every((x) => x > PANEL_HIGH)),
    improving: areas.filter((a) => a.deprivation[2014] > PANEL_HIGH && a.deprivation[2020] < PANEL_LOW),
    worsening: areas.filter((a) => a.deprivation[2014] < PANEL_LOW && a.deprivation[2020] > PANEL_HIGH),
  };
}

/** The README section on the panel: planted changes per period and the areas that show each pattern. */
export function panelSection(city: SyntheticCity): string {
  const { spec, areas } = city;
  const p = panelPatterns(areas);
  const row = (kind: string) => (a: SyntheticArea): string[] => [kind, a.id, a.name, ...SURVEY_YEARS.map((y) => z(a.deprivation[y]))];
  return `### Panel 2014–2020 (monitoring across years)

The same ${areas.length} Sozialräume in every survey; persistent area effects, so rates resemble each other from
survey to survey. Planted change 2014 → 2016: ${spec.trendBefore.map((b) => `${b.label} (${z(b.amplitude)})`).join("; ")}.
Planted change 2018 → 2020: ${spec.trendAfter.map((b) => `${b.label} (${z(b.amplitude)})`).join("; ")}. Each with noise
(sd 0,1). Patterns in the latent deprivation (z; "benachteiligt" = above ${z(PANEL_HIGH)}; very small areas left out):

${table(["Muster", "Sozialraum", "Name", ...SURVEY_YEARS.map((y) => `Deprivation ${y}`)], [
    ...p.persistent.map(row("dauerhaft benachteiligt (alle vier Erhebungen)")),
    ...p.improving.map(row(`verbessert (2014 über ${z(PANEL_HIGH)}, 2020 unter ${z(PANEL_LOW)})`)),
    ...p.worsening.map(row(`verschlechtert (2014 unter ${z(PANEL_LOW)}, 2020 über ${z(PANEL_HIGH)})`)),
  ])}

With the package's verdicts (\`monitorYears\`: Einwohner ≥ 300, z > 1 / 1,5) the dauerhaft benachteiligten areas are
auffällig in all four surveys (streak 4); Opladen-Mitte, -Nord and -Süd are auffällig in 2014 and 2016 and no
longer from 2018 (Opladen-Nordwest only in 2014); Manfort-Nordwest is "seit drei Erhebungen auffällig" (2016, 2018, 2020). Steinbüchel-Mitte improves only after
2018 (Sanierung).`;
}

import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { rngFromGenerator, type Rng } from "../inference/random.js";
import type { Cell } from "../table/missing.js";
import { SYNTHETIC_CITY_SPEC, type CitySpec, type FieldBump } from "./citySpec.js";
import { compassNames, COMPASS_LABELS } from "./compassNames.js";
import { placeFacilities, type FacilityRow } from "./facilities.js";
import { areaRing, ringAreaKm2 } from "./geometry.js";
import { plantObservations, type PlantedObservation } from "./observations.js";
import { plantNetwork, type ActorRow, type CooperationRow, type NetworkPlan } from "./network.js";
import { buildPartition, type CityPartition } from "./partition.js";
import { largestRemainder, normal } from "./sampling.js";
import { bumpValue, smoothField, type PlacedBump } from "./smoothField.js";
import { panelYears, type PanelBasis } from "./panelYears.js";
import { drawAreaCounts, drawAreaEffects, publishRow, SUPPRESSION_THRESHOLD, type AreaCounts, type SurveyYear } from "./strukturdaten.js";
import type { SyntheticArea } from "./syntheticArea.js";

/** One row of data/gebiete.csv. */
export interface GebietRow {
  sozialraum_id: string;
  sozialraum_name: string;
  stadtteil_id: string;
  stadtteil_name: string;
  stadtbezirk_id: string;
  stadtbezirk_name: string;
}

/** A GeoJSON feature of data/sozialraeume.geojson. */
export interface SozialraumFeature {
  type: "Feature";
  properties: { sozialraum_id: string; sozialraum_name: string; stadtteil_id: string; stadtbezirk_id: string };
  geometry: { type: "Polygon"; coordinates: Array<Array<[number, number]>> } | { type: "MultiPolygon"; coordinates: Array<Array<Array<[number, number]>>> };
}

/** The generated city: the published tables plus the planted truth (for checking analyses against it). */
export interface SyntheticCity {
  seed: number;
  gebiete: GebietRow[];
  /** Published rows (suppressed cells are `Missing` with marker "." or "-", not-recorded cells marker ""). */
  strukturdaten: Record<SurveyYear, Array<Record<string, Cell>>>;
  geojson: { type: "FeatureCollection"; features: SozialraumFeature[] };
  einrichtungen: FacilityRow[];
  stadtteiltreffen: PlantedObservation[];
  /** Local actors and cooperations of the network (Vernetzung) and what was planted in it. */
  akteure: ActorRow[];
  kooperationen: CooperationRow[];
  vernetzung: NetworkPlan;
  /** Everything the generator knows, per Sozialraum in id order (true counts before suppression included). */
  areas: SyntheticArea[];
  spec: CitySpec;
}

/**
 * Generates the embedded synthetic city (see data/README.md): 13 Stadtteile in 3 Stadtbezirke, 61 Sozialräume on
 * a contiguous partition, counts for the biennial surveys 2014, 2016, 2018 and 2020 (a panel) with a spatially
 * clustered latent deprivation and planted trends, very small areas with suppressed cells, facilities with planted
 * gaps and local observations. Same seed → same city.
 *
 * @example
 * const city = generateSyntheticCity({ seed: 20190531 });
 * city.gebiete.length; // 61
 */
export function generateSyntheticCity(options: { seed?: number; spec?: CitySpec } = {}): SyntheticCity {
  const spec = options.spec ?? SYNTHETIC_CITY_SPEC;
  const seed = options.seed ?? spec.seed;
  // Independent streams, so that changing one part (e.g. facilities) leaves the others as they were.
  // Each stream's seed is already hashed from the city seed, so pure-rand's plain xoroshiro128+ seeding serves
  // here; it is kept (rather than createRng's splitmix seeding) because the committed data/ were made with it.
  const stream = (k: number): Rng => {
    const s = (seed ^ Math.imul(k + 1, 0x9e3779b1)) | 0;
    return rngFromGenerator(xoroshiro128plus(s), s);
  };
  const partition = buildPartition(spec, stream(0));
  const described = describeAreas(spec, partition, stream(1));
  const { cellsById } = described;
  // The surveys 2014 and 2020 come from their own streams: 2016 and 2018 (and all other files) stay as they were.
  const panel = panelYears(spec, described.areas.map((a) => a.deprivation), described.basis, stream(5), stream(6));
  const areas: SyntheticArea[] = described.areas.map((a, k) => ({
    ...a,
    deprivation: { 2014: panel.before.deprivation[k], ...a.deprivation, 2020: panel.after.deprivation[k] },
    counts: { 2014: panel.before.counts[k], ...a.counts, 2020: panel.after.counts[k] },
  }));
  const cellsOf = (a: SyntheticArea): number[] => cellsById.get(a.id) ?? [];
  const einrichtungen = placeFacilities(stream(2), areas, partition, cellsOf);
  const stadtteiltreffen = plantObservations(stream(3), areas);
  // The network has its own stream: adding it left every earlier file byte-identical.
  const deprivedHotspots = new Set(spec.deprivation.filter((b) => b.amplitude > 0).map((b) => b.label));
  const network = plantNetwork(stream(4), areas, einrichtungen, partition, cellsOf, deprivedHotspots);

  const gebiete: GebietRow[] = areas.map((a) => ({
    sozialraum_id: a.id,
    sozialraum_name: a.name,
    stadtteil_id: a.stadtteilId,
    stadtteil_name: a.stadtteilName,
    stadtbezirk_id: a.stadtbezirkId,
    stadtbezirk_name: a.stadtbezirkName,
  }));
  const publish = (year: SurveyYear): Array<Record<string, Cell>> =>
    areas.map((a) =>
      publishRow(a.id, a.counts[year], {
        // Until 2016 the migration background was not reported for very small areas (empty cell).
        emptyColumns: year <= 2016 && a.counts[year].einwohner < SUPPRESSION_THRESHOLD ? ["migrationshintergrund"] : [],
      }),
    );
  const features: SozialraumFeature[] = areas.map((a) => ({
    type: "Feature",
    properties: { sozialraum_id: a.id, sozialraum_name: a.name, stadtteil_id: a.stadtteilId, stadtbezirk_id: a.stadtbezirkId },
    // Hitdorf comes as MultiPolygon (with one part), as exports from GIS often mix both types.
    geometry: a.stadtteilName === "Hitdorf" ? { type: "MultiPolygon", coordinates: [[a.ring]] } : { type: "Polygon", coordinates: [a.ring] },
  }));
  return {
    seed,
    gebiete,
    strukturdaten: { 2014: publish(2014), 2016: publish(2016), 2018: publish(2018), 2020: publish(2020) },
    geojson: { type: "FeatureCollection", features },
    einrichtungen,
    stadtteiltreffen,
    akteure: network.akteure,
    kooperationen: network.kooperationen,
    vernetzung: network.plan,
    areas,
    spec,
  };
}

/** A Sozialraum with the surveys 2016 and 2018 (the others are drawn by {@link panelYears}). */
type TwoYearArea = Omit<SyntheticArea, "counts" | "deprivation"> & {
  counts: { 2016: AreaCounts; 2018: AreaCounts };
  deprivation: { 2016: number; 2018: number };
};

/** Names, ids, geometry, latent fields and counts 2016/2018 of every Sozialraum, in id order, with the panel basis. */
function describeAreas(spec: CitySpec, p: CityPartition, rng: Rng): { areas: TwoYearArea[]; basis: PanelBasis[]; cellsById: Map<string, number[]> } {
  const { nx, ny } = p;
  const nAreas = p.areaStadtteil.length;
  const cells: number[][] = Array.from({ length: nAreas }, () => []);
  p.cellArea.forEach((a, c) => {
    if (a >= 0) cells[a].push(c);
  });
  const centre = cells.map((cs) => {
    const x = cs.reduce((s, c) => s + (c % nx) + 0.5, 0) / cs.length;
    const y = cs.reduce((s, c) => s + Math.floor(c / nx) + 0.5, 0) / cs.length;
    return { x, y };
  });

  // Planted features are placed relative to the centre of their Stadtteil.
  const teilCentre = spec.stadtteile.map((_, s) => {
    const members = p.areaStadtteil.flatMap((t, a) => (t === s ? [a] : []));
    const n = members.reduce((sum, a) => sum + cells[a].length, 0);
    return {
      x: members.reduce((sum, a) => sum + centre[a].x * cells[a].length, 0) / n,
      y: members.reduce((sum, a) => sum + centre[a].y * cells[a].length, 0) / n,
    };
  });
  const teilIndex = (name: string): number => {
    const s = spec.stadtteile.findIndex((st) => st.name === name);
    if (s < 0) throw new Error(`generateSyntheticCity: unbekannter Stadtteil "${name}" in der Stadtbeschreibung`);
    return s;
  };
  const place = (bumps: FieldBump[]): PlacedBump[] =>
    bumps.map((b) => ({ ...b, x: teilCentre[teilIndex(b.stadtteil)].x + b.u * nx, y: teilCentre[teilIndex(b.stadtteil)].y + b.v * ny }));
  const deprivationBumps = place(spec.deprivation);
  const trendBumps = place(spec.trend);
  const growthBumps = place(spec.growth);
  const trendBeforeBumps = place(spec.trendBefore);
  const trendAfterBumps = place(spec.trendAfter);

  // Names and ids: designated small areas first, then compass labels inside each Stadtteil.
  const name: string[] = new Array(nAreas);
  const smallNote: Array<string | undefined> = new Array(nAreas);
  const smallSize: Array<number | undefined> = new Array(nAreas);
  const id: string[] = new Array(nAreas);
  spec.stadtteile.forEach((st, s) => {
    const members = p.areaStadtteil.flatMap((t, a) => (t === s ? [a] : []));
    const regular = [...members];
    for (const small of spec.smallAreas.filter((x) => x.stadtteil === st.name)) {
      const target = { x: teilCentre[s].x + small.u * nx, y: teilCentre[s].y + small.v * ny };
      regular.sort((a, b) => Math.hypot(centre[a].x - target.x, centre[a].y - target.y) - Math.hypot(centre[b].x - target.x, centre[b].y - target.y) || a - b);
      const a = regular.shift() as number;
      name[a] = small.name;
      smallNote[a] = small.note;
      smallSize[a] = small.einwohner;
    }
    const labels = compassNames(regular.map((a) => ({ dx: centre[a].x - teilCentre[s].x, dy: centre[a].y - teilCentre[s].y })));
    regular.forEach((a, k) => (name[a] = `${st.name}-${labels[k]}`));
    const rank = (a: number): number => {
      const label = name[a].slice(st.name.length + 1);
      const k = COMPASS_LABELS.indexOf(label as (typeof COMPASS_LABELS)[number]);
      return k >= 0 ? k : 100;
    };
    [...members].sort((a, b) => rank(a) - rank(b) || name[a].localeCompare(name[b], "de")).forEach((a, k) => {
      id[a] = `${st.bezirk}${st.number}${String(k + 1).padStart(2, "0")}`;
    });
  });

  // Latent deprivation: planted bumps + smooth noise, averaged over each Sozialraum's cells, z-standardised.
  const noise = smoothField(rng, { nx, ny, passes: 5 });
  const ageNoise = smoothField(rng, { nx, ny, passes: 6 });
  const meanOver = (a: number, f: (c: number, x: number, y: number) => number): number =>
    cells[a].reduce((s, c) => s + f(c, (c % nx) + 0.5, Math.floor(c / nx) + 0.5), 0) / cells[a].length;
  const raw = cells.map((_, a) => meanOver(a, (c, x, y) => bumpValue(deprivationBumps, x, y) + 0.45 * noise[c]));
  const d2016 = zScores(raw);
  const trend = cells.map((_, a) => meanOver(a, (_c, x, y) => bumpValue(trendBumps, x, y)) + normal(rng, 0, 0.1));
  const ageing = zScores(cells.map((_, a) => meanOver(a, (c) => ageNoise[c]) - 0.3 * d2016[a]));
  const growth = cells.map((_, a) => 1 + normal(rng, 0.004, 0.012) + meanOver(a, (_c, x, y) => bumpValue(growthBumps, x, y)));

  // Residents: density × land area × noise, scaled to the city total; the small areas keep their planted size.
  const rings = cells.map((_, a) => areaRing(p, a));
  const km2 = rings.map(ringAreaKm2);
  const isSmall = (a: number): boolean => smallSize[a] !== undefined;
  const weight2016 = cells.map((_, a) => (isSmall(a) ? 0 : spec.stadtteile[p.areaStadtteil[a]].density * km2[a] * Math.exp(normal(rng, 0, 0.25))));
  const smallEw = (a: number, year: 2016 | 2018): number => Math.round((smallSize[a] as number) * (year === 2016 ? 1 : 1 + normal(rng, 0, 0.04)));
  const population = (year: 2016 | 2018, weights: number[]): number[] => {
    const fixed = cells.map((_, a) => (isSmall(a) ? smallEw(a, year) : 0));
    const rest = spec.einwohner[year] - fixed.reduce((s, x) => s + x, 0);
    const parts = largestRemainder(rest, weights);
    return cells.map((_, a) => (isSmall(a) ? fixed[a] : parts[a]));
  };
  const ew2016 = population(2016, weight2016);
  const ew2018 = population(2018, weight2016.map((w, a) => w * growth[a]));

  const hotspotOf = (bumps: PlacedBump[], a: number): string[] =>
    bumps.filter((b) => p.cellArea[Math.floor(b.y) * nx + Math.floor(b.x)] === a).map((b) => b.label);

  const basisOf: PanelBasis[] = new Array(nAreas);
  const areas: TwoYearArea[] = cells.map((_, a) => {
    const st = spec.stadtteile[p.areaStadtteil[a]];
    const effects = drawAreaEffects(rng);
    // Pure (no random draws), so the 2016/2018 stream is consumed exactly as before.
    basisOf[a] = {
      effects,
      ageing: ageing[a],
      weight: weight2016[a],
      growth: growth[a],
      smallSize: smallSize[a],
      trendBefore: meanOver(a, (_c, x, y) => bumpValue(trendBeforeBumps, x, y)),
      trendAfter: meanOver(a, (_c, x, y) => bumpValue(trendAfterBumps, x, y)),
    };
    const d18 = d2016[a] + trend[a];
    const counts = {
      2016: drawAreaCounts(rng, { einwohner: ew2016[a], d: d2016[a], a: ageing[a], effects, year: 2016 }),
      2018: drawAreaCounts(rng, { einwohner: ew2018[a], d: d18, a: ageing[a], effects, year: 2018 }),
    };
    const hotspots = hotspotOf(deprivationBumps, a);
    const supply = { kitaFactor: 1, none: [] as string[], notes: [] as string[] };
    for (const s of spec.supply) {
      const applies = s.where.startsWith("stadtteil:") ? s.where.slice(10) === st.name : hotspots.includes(s.where);
      if (!applies) continue;
      supply.kitaFactor *= s.kitaFactor ?? 1;
      supply.none.push(...(s.none ?? []));
      supply.notes.push(s.note);
    }
    return {
      id: id[a],
      name: name[a],
      stadtteilId: `${st.bezirk}${st.number}`,
      stadtteilName: st.name,
      stadtbezirkId: st.bezirk,
      stadtbezirkName: (spec.bezirke.find((b) => b.number === st.bezirk) as { name: string }).name,
      ring: rings[a],
      areaKm2: km2[a],
      x: centre[a].x,
      y: centre[a].y,
      deprivation: { 2016: d2016[a], 2018: d18 },
      ageing: ageing[a],
      counts,
      hotspots,
      small: smallNote[a],
      supply,
    };
  });
  const cellsById = new Map<string, number[]>();
  cells.forEach((cs, a) => cellsById.set(id[a], cs));
  const order = areas.map((_, a) => a).sort((x, y) => areas[x].id.localeCompare(areas[y].id));
  return { areas: order.map((a) => areas[a]), basis: order.map((a) => basisOf[a]), cellsById };
}

function zScores(values: number[]): number[] {
  const m = values.reduce((s, v) => s + v, 0) / values.length;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / values.length);
  return values.map((v) => (v - m) / sd);
}

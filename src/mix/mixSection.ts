import { formatGermanNumber } from "../io/formatGermanNumber.js";
import { choroplethFigure, type ChoroplethFeatureCollection } from "../plot/choropleth.js";
import type { Figure } from "../plot/figure.js";
import type { ReportSection, ReportTable } from "../report/section.js";
import { atkinson } from "./atkinson.js";
import { compareSegregation } from "./compareSegregation.js";
import { correlationRatio } from "./correlationRatio.js";
import { dissimilarity } from "./dissimilarity.js";
import { gini } from "./gini.js";
import { isolation } from "./isolation.js";
import { locationQuotients } from "./locationQuotients.js";
import { mixDeviation } from "./mixDeviation.js";
import { multigroupDissimilarity } from "./multigroupDissimilarity.js";
import { multigroupTheilH } from "./multigroupTheilH.js";
import { segregationPermutationTest } from "./segregationPermutationTest.js";
import { theilH } from "./theilH.js";
import type { MissingPolicy, MixInput } from "./types.js";

/** Options of {@link mixSection}. */
export interface MixSectionOptions {
  /** Column with the area key (e.g. "sozialraum_id"). */
  id: string;
  /** Column with the total population (e.g. "einwohner"). */
  total: string;
  /** The groups, each measured against the total: column → German label (e.g. { sgb2_personen: "SGB-II-Leistungsberechtigte" }). */
  groups: Readonly<Record<string, string>>;
  /** Optional composition (groups partitioning the population, e.g. age bands): column → German label. */
  composition?: Readonly<Record<string, string>>;
  /** German label of the composition (default "Altersgruppen"). */
  compositionLabel?: string;
  /** Earlier data of the same areas (same columns), to test the change of D (paired random labelling). */
  previous?: MixInput;
  /** Labels of the two years (default "Vorjahr", "aktuell"). */
  years?: [string, string];
  /** Area geometries for the map of location quotients. */
  geojson?: ChoroplethFeatureCollection;
  /** Feature property with the area key (default "sozialraum_id"). */
  idProperty?: string;
  /** Group whose location quotients are mapped (default: the first of `groups`). */
  mapGroup?: string;
  /** Column with area names for the tables and hover texts. */
  name?: string;
  /** Permutations of the tests (default 999) and seed (default 1). */
  permutations?: number;
  seed?: number;
  /** Treatment of missing counts (default "exclude": suppressed cells of very small areas leave the area out). */
  missing?: MissingPolicy;
}

/**
 * Report section "Durchmischung": city-wide segregation indices per group with permutation p-values, the change
 * against earlier data, the location quotients per Sozialraum (table and map) and the areas whose mix deviates
 * clearly from the city's ({@link mixDeviation}). German labels; the numbers come from this module's functions.
 *
 * @example
 * const section = mixSection(rows2018, { id: "sozialraum_id", total: "einwohner", groups: { sgb2_personen: "SGB II" }, previous: rows2016, geojson });
 * section.tables?.[0].rows; // one row per group: D, Gini, Theil H, η², Atkinson, Isolation, p-Wert
 */
export function mixSection(rows: MixInput, options: MixSectionOptions): ReportSection {
  const fn = "mixSection";
  const groupCols = Object.keys(options.groups ?? {});
  if (groupCols.length === 0) throw new Error(`${fn}: option "groups" needs at least one column`);
  const base = { total: options.total, id: options.id, missing: options.missing ?? "exclude" };
  const permutations = options.permutations ?? 999;
  const seed = options.seed ?? 1;
  const [before, now] = options.years ?? ["Vorjahr", "aktuell"];
  const indexRows: Array<Record<string, unknown>> = [];
  const highlight: NonNullable<ReportTable["highlight"]> = [];
  for (const g of groupCols) {
    const o = { ...base, group: g };
    const test = segregationPermutationTest(dissimilarity, rows, { ...o, permutations, seed });
    const row: Record<string, unknown> = {
      gruppe: options.groups[g],
      anteil: 100 * test.proportion,
      d: test.statistic,
      gini: gini(rows, o).statistic,
      theil: theilH(rows, o).statistic,
      eta2: correlationRatio(rows, o).statistic,
      atkinson: atkinson(rows, o).statistic,
      isolation: isolation(rows, o).statistic,
      p: test.pSim,
      dZufall: test.meanSim,
    };
    if (options.previous) {
      const change = compareSegregation(dissimilarity, options.previous, rows, { ...o, approach: "paired", permutations, seed });
      row.dVorher = change.first.statistic;
      row.aenderung = change.statistic;
      row.pAenderung = change.pSim;
      if (change.pSim < 0.05) highlight.push({ row: indexRows.length, key: "aenderung", level: "auffällig" });
    }
    indexRows.push(row);
  }
  const indexTable: ReportTable = {
    title: "Segregationsindizes",
    columns: [
      { key: "gruppe", label: "Gruppe" },
      { key: "anteil", label: "Anteil in der Stadt (%)", decimals: 1 },
      { key: "d", label: "Segregationsindex D", decimals: 3 },
      { key: "dZufall", label: "D bei Zufallsverteilung", decimals: 3 },
      { key: "p", label: "p-Wert (D)", decimals: 3 },
      { key: "gini", label: "Gini", decimals: 3 },
      { key: "theil", label: "Theil H", decimals: 3 },
      { key: "eta2", label: "η²", decimals: 3 },
      { key: "atkinson", label: "Atkinson (b = 0,5)", decimals: 3 },
      { key: "isolation", label: "Isolation xPx", decimals: 3 },
      ...(options.previous
        ? [
            { key: "dVorher", label: `D ${before}`, decimals: 3 },
            { key: "aenderung", label: `Veränderung D (${now} − ${before})`, decimals: 3 },
            { key: "pAenderung", label: "p-Wert (Veränderung)", decimals: 3 },
          ]
        : []),
    ],
    rows: indexRows,
    highlight,
  };
  const tables: ReportTable[] = [indexTable];
  const paragraphs = [
    "Der Segregationsindex D gibt an, welcher Anteil einer Gruppe umziehen müsste, damit jeder Sozialraum die Zusammensetzung der Gesamtstadt hätte (0 = gleichmäßig verteilt, 1 = vollständig getrennt). Gini, Theil H, η² und Atkinson messen dieselbe Ungleichverteilung auf andere Weise; die Isolation xPx ist der Anteil der eigenen Gruppe im Wohnumfeld eines durchschnittlichen Gruppenmitglieds.",
    `Der p-Wert vergleicht D mit ${permutations} Zufallsverteilungen (Zufallszuordnung der Personen bei festen Einwohnerzahlen, Startwert ${seed}). Auch bei rein zufälliger Verteilung ist D in kleinen Gebieten größer als 0 („D bei Zufallsverteilung“).`,
  ];
  if (options.composition) {
    const comp = Object.keys(options.composition);
    const o = { groups: comp, id: options.id, missing: options.missing ?? "exclude" };
    const md = segregationPermutationTest(multigroupDissimilarity, rows, { ...o, permutations, seed });
    tables.push({
      title: `Durchmischung: ${options.compositionLabel ?? "Altersgruppen"}`,
      columns: [
        { key: "index", label: "Index" },
        { key: "wert", label: "Wert", decimals: 3 },
        { key: "p", label: "p-Wert", decimals: 3 },
      ],
      rows: [
        { index: "Mehrgruppen-Segregationsindex D", wert: md.statistic, p: md.pSim },
        { index: "Mehrgruppen-Theil H", wert: multigroupTheilH(rows, o).statistic, p: null },
      ],
    });
  }
  // per area: location quotients and deviation from the city's mix
  const lq = locationQuotients(rows, { groups: groupCols, ...base });
  const devs = groupCols.map((g) => mixDeviation(rows, { group: g, ...base }));
  const names = options.name ? readNames(rows, options.name) : null;
  const areaRows = lq.areas.map((a, i) => {
    const r: Record<string, unknown> = { id: a.id };
    if (names) r.name = names[i];
    r.einwohner = a.total;
    groupCols.forEach((g, k) => {
      r[`lq_${g}`] = a.lq[g];
      const dev = devs[k].areas[i];
      r[`abw_${g}`] = dev.dissimilarity === null ? null : 100 * dev.dissimilarity;
    });
    return r;
  });
  const areaHighlight: NonNullable<ReportTable["highlight"]> = [];
  devs.forEach((d, k) =>
    d.areas.forEach((a, i) => {
      if (a.flag) areaHighlight.push({ row: i, key: `abw_${groupCols[k]}`, level: "auffällig" });
    }),
  );
  tables.push({
    title: "Standortquotienten",
    columns: [
      { key: "id", label: "Sozialraum" },
      ...(names ? [{ key: "name", label: "Name" }] : []),
      { key: "einwohner", label: "Einwohner", decimals: 0 },
      ...groupCols.flatMap((g) => [
        { key: `lq_${g}`, label: `SQ ${options.groups[g]}`, decimals: 2 },
        { key: `abw_${g}`, label: `Abweichung ${options.groups[g]} (%-Punkte)`, decimals: 1 },
      ]),
    ],
    rows: areaRows,
    highlight: areaHighlight,
  });
  paragraphs.push(
    `Standortquotient (SQ) = Anteil der Gruppe im Sozialraum geteilt durch ihren Anteil in der Stadt (1 = wie in der Stadt, 2 = doppelt so hoch). Markiert sind Sozialräume, deren Zusammensetzung um mindestens ${formatGermanNumber(100 * devs[0].threshold)} Prozentpunkte von der Stadt abweicht und deren Abweichung nicht durch Zufall zu erklären ist (Chi-Quadrat, p < ${formatGermanNumber(devs[0].alpha)}).`,
    "Grenzen: Alle Maße hängen vom Gebietszuschnitt ab (MAUP); kleine Gebiete und kleine Gruppen ergeben auch ohne Segregation Werte über 0.",
  );
  const figures: Array<{ title: string; figure: Figure; caption?: string }> = [];
  if (options.geojson) {
    const mapGroup = options.mapGroup ?? groupCols[0];
    if (!groupCols.includes(mapGroup)) throw new Error(`${fn}: mapGroup "${mapGroup}" is not one of the groups (${groupCols.join(", ")})`);
    const title = `Standortquotient ${options.groups[mapGroup]}`;
    figures.push({
      title,
      figure: choroplethFigure(options.geojson, areaRows, {
        idProperty: options.idProperty ?? "sozialraum_id",
        id: "id",
        value: `lq_${mapGroup}`,
        kind: "continuous",
        // Diverging around 1 on the log scale: SQ 0,5 (half as frequent) and 2 (twice) get equally strong colours.
        scale: "log2",
        center: 1,
        title,
        label: "Standortquotient (SQ)",
        missingLabel: "ohne Wert (ausgeschlossen)",
        ...(names ? { name: "name" } : {}),
      }),
      caption: "Standortquotient: 1 (hell) = Anteil wie in der Gesamtstadt; rot = häufiger, blau = seltener als in der Stadt (logarithmische Skala: 0,5 und 2 gleich weit von 1).",
    });
  }
  return { id: "durchmischung", title: "Durchmischung", paragraphs, tables, figures };
}

function readNames(rows: MixInput, column: string): string[] {
  if (Array.isArray(rows)) return (rows as ReadonlyArray<Readonly<Record<string, unknown>>>).map((r) => String(r[column] ?? ""));
  const t = rows as { array(name: string): ArrayLike<unknown> };
  return Array.from(t.array(column), (v) => String(v ?? ""));
}

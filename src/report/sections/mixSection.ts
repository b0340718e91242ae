import { formatGermanNumber } from "../../io/formatGermanNumber.js";
import { mixAnalysis, type MixAnalysis, type MixAnalysisOptions } from "../../mix/mixAnalysis.js";
import type { MixInput } from "../../mix/types.js";
import { choroplethFigure, type ChoroplethFeatureCollection } from "../../plot/choropleth.js";
import type { Figure } from "../../plot/figure.js";
import type { ReportSection, ReportTable } from "../section.js";

/** How {@link mixAnalysisSection} draws the map of location quotients. */
export interface MixMapOptions {
  /** Area geometries for the map of location quotients. */
  geojson?: ChoroplethFeatureCollection;
  /** Feature property with the area key (default "sozialraum_id"). */
  idProperty?: string;
  /** Group whose location quotients are mapped (default: the first of `groups`). */
  mapGroup?: string;
}

/** Options of {@link mixSection}: those of {@link mixAnalysis} and of the map. */
export interface MixSectionOptions extends MixAnalysisOptions, MixMapOptions {}

/**
 * Report section "Durchmischung" straight from the data: {@link mixAnalysis}, then {@link mixAnalysisSection}.
 *
 * @example
 * const section = mixSection(rows2018, { id: "sozialraum_id", total: "einwohner", groups: { sgb2_personen: "SGB II" }, previous: rows2016, geojson });
 * section.tables?.[0].rows; // one row per group: D, Gini, Theil H, η², Atkinson, Isolation, p-Wert
 */
export function mixSection(rows: MixInput, options: MixSectionOptions): ReportSection {
  return mixAnalysisSection(mixAnalysis(rows, options), options);
}

/**
 * Report section "Durchmischung" of a {@link MixAnalysis}: city-wide segregation indices per group with
 * permutation p-values, the change against earlier data, the location quotients per Sozialraum (table and map)
 * and the areas whose mix deviates clearly from the city's. German labels; the numbers come from the analysis.
 *
 * @example
 * mixAnalysisSection(result.mix, { geojson: result.geojson, idProperty: "sozialraum_id" }).tables?.[2].title; // "Standortquotienten"
 */
export function mixAnalysisSection(mix: MixAnalysis, options: MixMapOptions = {}): ReportSection {
  const fn = "mixSection";
  const groupCols = Object.keys(mix.groups);
  const { permutations, seed } = mix;
  const [before, now] = mix.years ?? ["Vorjahr", "aktuell"];
  const indexRows: Array<Record<string, unknown>> = [];
  const highlight: NonNullable<ReportTable["highlight"]> = [];
  for (const x of mix.indices) {
    const row: Record<string, unknown> = {
      gruppe: x.label,
      anteil: 100 * x.proportion,
      d: x.d,
      gini: x.gini,
      theil: x.theilH,
      eta2: x.eta2,
      atkinson: x.atkinson,
      isolation: x.isolation,
      p: x.p,
      dZufall: x.dRandom,
    };
    if (x.change) {
      row.dVorher = x.change.dBefore;
      row.aenderung = x.change.change;
      row.pAenderung = x.change.p;
      if (x.change.p < 0.05) highlight.push({ row: indexRows.length, key: "aenderung", level: "auffällig" });
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
      ...(mix.years
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
  if (mix.composition) {
    tables.push({
      title: `Durchmischung: ${mix.composition.label}`,
      columns: [
        { key: "index", label: "Index" },
        { key: "wert", label: "Wert", decimals: 3 },
        { key: "p", label: "p-Wert", decimals: 3 },
      ],
      rows: [
        { index: "Mehrgruppen-Segregationsindex D", wert: mix.composition.d, p: mix.composition.p },
        { index: "Mehrgruppen-Theil H", wert: mix.composition.theilH, p: null },
      ],
    });
  }
  // per area: location quotients and deviation from the city's mix
  const names = mix.named;
  const areaRows = mix.areas.map((a) => {
    const r: Record<string, unknown> = { id: a.id };
    if (names) r.name = a.name;
    r.einwohner = a.population;
    for (const g of groupCols) {
      r[`lq_${g}`] = a.lq[g];
      const dev = a.deviation[g];
      r[`abw_${g}`] = dev === null ? null : 100 * dev;
    }
    return r;
  });
  const areaHighlight: NonNullable<ReportTable["highlight"]> = [];
  groupCols.forEach((g) =>
    mix.areas.forEach((a, i) => {
      if (a.flagged[g]) areaHighlight.push({ row: i, key: `abw_${g}`, level: "auffällig" });
    }),
  );
  tables.push({
    title: "Standortquotienten",
    columns: [
      { key: "id", label: "Sozialraum" },
      ...(names ? [{ key: "name", label: "Name" }] : []),
      { key: "einwohner", label: "Einwohner", decimals: 0 },
      ...groupCols.flatMap((g) => [
        { key: `lq_${g}`, label: `SQ ${mix.groups[g]}`, decimals: 2 },
        { key: `abw_${g}`, label: `Abweichung ${mix.groups[g]} (%-Punkte)`, decimals: 1 },
      ]),
    ],
    rows: areaRows,
    highlight: areaHighlight,
  });
  paragraphs.push(
    `Standortquotient (SQ) = Anteil der Gruppe im Sozialraum geteilt durch ihren Anteil in der Stadt (1 = wie in der Stadt, 2 = doppelt so hoch). Markiert sind Sozialräume, deren Zusammensetzung um mindestens ${formatGermanNumber(100 * mix.threshold)} Prozentpunkte von der Stadt abweicht und deren Abweichung nicht durch Zufall zu erklären ist (Chi-Quadrat, p < ${formatGermanNumber(mix.alpha)}).`,
    "Grenzen: Alle Maße hängen vom Gebietszuschnitt ab (MAUP); kleine Gebiete und kleine Gruppen ergeben auch ohne Segregation Werte über 0.",
  );
  const figures: Array<{ title: string; figure: Figure; caption?: string }> = [];
  if (options.geojson) {
    const mapGroup = options.mapGroup ?? groupCols[0];
    if (!groupCols.includes(mapGroup)) throw new Error(`${fn}: mapGroup "${mapGroup}" ist keine der Gruppen (${groupCols.join(", ")})`);
    const title = `Standortquotient ${mix.groups[mapGroup]}`;
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

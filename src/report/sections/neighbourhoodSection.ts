import { choroplethFigure, type ChoroplethFeatureCollection } from "../../plot/choropleth.js";
import { moranScatterFigure } from "../../plot/moran-scatter.js";
import { formatCell } from "../formatCell.js";
import { highlightWhere } from "../highlightWhere.js";
import type { ReportSection, ReportTable } from "../section.js";
import type { NeighbourhoodAnalysis } from "../../spatial/neighbourhoodAnalysis.js";

const CLUSTER_TEXT: Readonly<Record<string, string>> = {
  HH: "Hoch–Hoch",
  LL: "Niedrig–Niedrig",
  HL: "Hoch–Niedrig",
  LH: "Niedrig–Hoch",
  "nicht signifikant": "nicht signifikant",
  "ohne Nachbarn": "ohne Nachbarn",
};

/**
 * The report section "Nachbarschaft" of {@link neighbourhoodAnalysis}: German paragraphs (method, how clustered
 * the status index is, the LISA clusters), the LISA cluster map and the Moran scatter plot of the first variable
 * (the status index), a table of Moran's I per variable and a table of the local statistics per area (both also
 * workbook sheets). Significant hot spots (HH) are highlighted.
 *
 * @example
 * const section = neighbourhoodSection(result.neighbourhood!, { geojson: result.geojson!, names });
 */
export function neighbourhoodSection(
  nb: NeighbourhoodAnalysis,
  options: { geojson?: ChoroplethFeatureCollection | null; names?: Readonly<Record<string, string>>; idProperty?: string } = {},
): ReportSection {
  const names = options.names ?? {};
  const nameOf = (id: string) => names[id] ?? id;
  const first = nb.morans[0];
  const label = first.label;
  const kind = nb.contiguity === "queen" ? "Queen (gemeinsame Grenze oder Ecke)" : "Rook (gemeinsame Grenze)";
  const p = (x: number | null) => (x === null ? "–" : formatCell(x, 3));
  const clusters = (c: string) => nb.lisa.filter((a) => a.cluster === c);
  const hh = clusters("HH");
  const ll = clusters("LL");
  const outliers = [...clusters("HL"), ...clusters("LH")];
  const list = (xs: typeof hh) => xs.map((a) => `${nameOf(a.id)} (${a.id})`).join(", ");
  const m = first.moran;
  const paragraphs = [
    `Nachbarschaft heißt hier: ${kind}, Gewichte zeilenstandardisiert (jeder Nachbar zählt gleich, zusammen 1). ` +
      `Moran's I misst, ob benachbarte Sozialräume einander ähnlicher sind als zufällig (I > E[I] = −1/(n − 1): ähnliche Werte liegen beieinander). ` +
      `Die p-Werte stammen aus ${nb.permutations} zufälligen Vertauschungen der Werte (Startwert ${nb.seed}; p = (M + 1)/(R + 1)), ` +
      `dazu der p-Wert der Normalverteilungsnäherung.`,
    `${label}: I = ${formatCell(m.I, 3)} (E[I] = ${formatCell(m.expected, 3)}, n = ${m.n}), p (Permutation) = ${p(m.pSim)}. ` +
      (m.pSim !== null && m.pSim <= nb.alpha
        ? `Sozialräume mit ähnlichem ${label} liegen also gehäuft beieinander; Benachteiligung ist räumlich konzentriert.`
        : `Eine räumliche Häufung ist statistisch nicht gesichert.`),
    `Lokale Cluster (LISA, Anselin 1995; bedingte Permutation, p ≤ ${formatCell(nb.alpha)}${nb.fdr ? ", Benjamini–Hochberg-korrigiert" : ""}): ` +
      `${hh.length} Sozialräume im Hoch–Hoch-Cluster (hoher Wert, Nachbarn ebenfalls hoch)${hh.length ? `: ${list(hh)}` : ""}; ` +
      `${ll.length} im Niedrig–Niedrig-Cluster${ll.length ? `: ${list(ll)}` : ""}; ${outliers.length} ${outliers.length === 1 ? "räumlicher Ausreißer" : "räumliche Ausreißer"} (Hoch–Niedrig, Niedrig–Hoch)` +
      `${outliers.length ? `: ${list(outliers)}` : ""}. ` +
      (nb.fdr ? "" : `Ohne Korrektur für multiples Testen erscheinen bei ${nb.lisa.length} Sozialräumen etwa ${formatCell(nb.alpha * nb.lisa.length, 0)} zufällig als signifikant.`),
  ];

  const moranTable: ReportTable = {
    title: "Moran's I",
    columns: [
      { key: "variable", label: "Merkmal" },
      { key: "n", label: "Sozialräume (n)", decimals: 0 },
      { key: "ausgelassen", label: "ohne Wert", decimals: 0 },
      { key: "I", label: "Moran's I", decimals: 3 },
      { key: "expected", label: "E[I]", decimals: 3 },
      { key: "z", label: "z (Normal)", decimals: 2 },
      { key: "pNormal", label: "p (Normal)", decimals: 4 },
      { key: "pSim", label: `p (${nb.permutations} Permutationen)`, decimals: 3 },
    ],
    rows: nb.morans.map((x) => ({
      variable: x.label,
      n: x.moran.n,
      ausgelassen: x.excluded.length,
      I: x.moran.I,
      expected: x.moran.expected,
      z: x.moran.z,
      pNormal: x.moran.pNormal,
      pSim: x.moran.pSim,
    })),
    highlight: highlightWhere(nb.morans, "I", (x) => x.moran.pSim !== null && x.moran.pSim <= nb.alpha && "hinweis"),
  };
  const lisaRows = nb.lisa.map((a) => ({
    id: a.id,
    name: nameOf(a.id),
    wert: a.value,
    Ii: a.Ii,
    nachbarn: a.neighbours,
    pSim: a.pSim,
    pAdjusted: a.pAdjusted,
    quadrant: a.quadrant === null ? "–" : CLUSTER_TEXT[a.quadrant],
    cluster: a.cluster,
    clusterText: CLUSTER_TEXT[a.cluster],
  }));
  // Islands ("ohne Nachbarn") have no test: neither significant nor "nicht signifikant".
  const isSignificant = (r: (typeof lisaRows)[number]) => r.cluster !== "nicht signifikant" && r.cluster !== "ohne Nachbarn";
  const lisaTable: ReportTable = {
    title: `LISA ${label}`,
    columns: [
      { key: "id", label: "Sozialraum" },
      { key: "name", label: "Name" },
      { key: "wert", label: label, decimals: 2 },
      { key: "Ii", label: "lokales I", decimals: 3 },
      { key: "nachbarn", label: "Nachbarn", decimals: 0 },
      { key: "pSim", label: "p (Permutation)", decimals: 3 },
      { key: "pAdjusted", label: "p (Benjamini–Hochberg)", decimals: 3 },
      { key: "quadrant", label: "Quadrant" },
      { key: "clusterText", label: "Cluster" },
    ],
    rows: lisaRows,
    highlight: highlightWhere(lisaRows, "clusterText", (r) => (r.cluster === "HH" ? "auffällig" : isSignificant(r) && "hinweis")),
    html: false,
  };

  const figures: NonNullable<ReportSection["figures"]> = [];
  if (options.geojson) {
    figures.push({
      title: `LISA-Cluster: ${label}`,
      figure: choroplethFigure(options.geojson, lisaRows, {
        idProperty: options.idProperty ?? "sozialraum_id",
        id: "id",
        value: "cluster",
        kind: "lisa",
        name: "name",
        label: "LISA-Cluster",
        title: `LISA-Cluster: ${label}`,
        missingLabel: "ohne Wert (ausgeschlossen)",
      }),
      caption: `Rot: Hoch–Hoch-Cluster (Sozialraum und Nachbarn mit hohem ${label}), blau: Niedrig–Niedrig; hell: räumliche Ausreißer; grau: nicht signifikant (p > ${formatCell(nb.alpha)}).`,
    });
  }
  const needLisa = needLisaParts(nb, options, nameOf);
  figures.push(...needLisa.figures);
  if (needLisa.paragraph) paragraphs.push(needLisa.paragraph);
  figures.push({
    title: `Moran-Streudiagramm: ${label}`,
    figure: moranScatterFigure(nb.lisaValues, nb.lisaWeights, { label, names: nb.lisaWeights.ids.map(nameOf) }),
    caption: "x: standardisierter Wert; y: Mittel der standardisierten Werte der Nachbarn. Die Steigung der Geraden ist Moran's I.",
  });
  // In the HTML report only the significant areas; the workbook sheet has every area.
  const significant = lisaRows.map((r, i) => ({ r, i })).filter((x) => isSignificant(x.r));
  const significantTable: ReportTable = {
    ...lisaTable,
    title: `Signifikante lokale Cluster: ${label}`,
    rows: significant.map((x) => x.r),
    highlight: (lisaTable.highlight ?? []).flatMap((h) => {
      const row = significant.findIndex((x) => x.i === h.row);
      return row < 0 ? [] : [{ ...h, row }];
    }),
    html: true,
    sheet: false,
  };
  return { id: "nachbarschaft", title: "Nachbarschaft", paragraphs, figures, tables: [moranTable, significantTable, lisaTable, ...needLisa.tables] };
}

/** LISA of the need index per target group (`furtherLisa`): one map each, a paragraph with the hot spots, a sheet. */
function needLisaParts(
  nb: NeighbourhoodAnalysis,
  options: { geojson?: ChoroplethFeatureCollection | null; idProperty?: string },
  nameOf: (id: string) => string,
): { figures: NonNullable<ReportSection["figures"]>; paragraph: string | null; tables: ReportTable[] } {
  if (nb.furtherLisa.length === 0) return { figures: [], paragraph: null, tables: [] };
  const figures: NonNullable<ReportSection["figures"]> = [];
  if (options.geojson) {
    for (const v of nb.furtherLisa) {
      const rows = v.lisa.map((a) => ({ id: a.id, name: nameOf(a.id), cluster: a.cluster }));
      figures.push({
        title: `LISA-Cluster: ${v.label}`,
        figure: choroplethFigure(options.geojson, rows, {
          idProperty: options.idProperty ?? "sozialraum_id", id: "id", value: "cluster", kind: "lisa", name: "name",
          label: "LISA-Cluster", title: `LISA-Cluster: ${v.label}`, missingLabel: "ohne Wert (ausgeschlossen)",
        }),
      });
    }
  }
  const hot = nb.furtherLisa.map((v) => {
    const hh = v.lisa.filter((a) => a.cluster === "HH");
    return `${v.label}: ${hh.length === 0 ? "kein Hoch–Hoch-Cluster" : `Hoch–Hoch-Cluster ${hh.map((a) => `${nameOf(a.id)} (${a.id})`).join(", ")}`}`;
  });
  const paragraph =
    `Auch der Bedarf jeder Zielgruppe wurde auf räumliche Häufung geprüft (LISA des Bedarfsindex, gleiche Nachbarschaft und Permutationen): ${hot.join("; ")}. ` +
    `Alle Cluster je Sozialraum stehen im Blatt „LISA Bedarfsindizes“ der Arbeitsmappe.`;
  const ids = [...new Set(nb.furtherLisa.flatMap((v) => v.lisa.map((a) => a.id)))];
  const byVar = nb.furtherLisa.map((v) => new Map(v.lisa.map((a) => [a.id, a])));
  const table: ReportTable = {
    title: "LISA Bedarfsindizes",
    columns: [
      { key: "id", label: "Sozialraum" },
      { key: "name", label: "Name" },
      ...nb.furtherLisa.map((v, k) => ({ key: `c${k}`, label: v.label })),
    ],
    rows: ids.map((id) => ({
      id,
      name: nameOf(id),
      ...Object.fromEntries(byVar.map((m, k) => [`c${k}`, m.get(id) ? CLUSTER_TEXT[m.get(id)!.cluster] : null])),
    })),
    html: false,
  };
  table.highlight = table.rows.flatMap((r, i) =>
    nb.furtherLisa.flatMap((_, k) => (r[`c${k}`] === CLUSTER_TEXT.HH ? [{ row: i, key: `c${k}`, level: "auffällig" as const }] : [])),
  );
  return { figures, paragraph, tables: [table] };
}

import { describe, expect, it } from "vitest";
import {
  berlinMssStatus,
  compositeSensitivity,
  methodAppendixSection,
  rankIntervalFigure,
  reportHtml,
  reportWorkbook,
  resolveAnalysisConfig,
  runSensitivity,
  sensitivitySection,
} from "../../src/index.js";

// A small table: 10 areas, two indicators with bases, so that every family and the draws run.
const A = [12.1, 3.4, 8.8, 15.0, 6.2, 9.9, 4.1, 21.7, 7.3, 11.0];
const B = [30.2, 12.5, 25.1, 28.4, 18.0, 22.3, 10.9, 41.0, 19.8, 26.6];
const rows = A.map((a, i) => ({ id: `0${i}`, name: `Gebiet ${i}`, a, b: B[i], n: 400 + 50 * i }));
const spec = { id: "id", indicators: [{ column: "a", label: "Anteil A", denominator: "n" }, { column: "b", label: "Anteil B", denominator: "n" }], scheme: berlinMssStatus, population: "n" };
const s = compositeSensitivity(rows, spec, { seed: 1, draws: 30, name: "name" });

describe("rankIntervalFigure", () => {
  it("draws a dot at the median and a 5–95 % bar per area, sorted by median rank", () => {
    const fig = rankIntervalFigure(s.methods.summary, { labels: s.methods.labels });
    const [stable, changing, base] = fig.data as Array<Record<string, any>>;
    // x: the ids (unique even if names repeat); the axis shows the names
    const drawn = [...stable.x, ...changing.x];
    expect(drawn.sort()).toEqual(rows.map((r) => r.id).sort());
    const by = new Map(s.methods.summary.areas.map((a) => [a.id, a]));
    stable.x.forEach((id: string, k: number) => {
      const a = by.get(id)!;
      expect(stable.y[k]).toBe(a.medianRank);
      expect(stable.error_y.array[k]).toBe(a.rankP95! - a.medianRank!);
      expect(stable.error_y.arrayminus[k]).toBe(a.medianRank! - a.rankP05!);
      expect(a.dependsOnMethod).toBe(false);
    });
    const axis = fig.layout.xaxis as { categoryarray: string[]; tickvals: string[]; ticktext: string[] };
    const order = axis.categoryarray.map((id) => by.get(id)!.medianRank!);
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(axis.tickvals).toEqual(axis.categoryarray);
    expect(axis.ticktext).toEqual(axis.categoryarray.map((id) => s.methods.labels[id]));
    expect(base.name).toBe("Rang der Basis");
  });

  it("puts rank 1 at the top of an axis that starts at 1, the legend above the plot, every name on the axis", () => {
    const fig = rankIntervalFigure(s.methods.summary, { labels: s.methods.labels });
    const y = fig.layout.yaxis as { range: [number, number]; tickvals: number[]; ticktext: string[] };
    const worst = Math.max(...s.methods.summary.areas.map((a) => a.rankP95!));
    // reversed: the larger rank at the bottom (range[0]), rank 1 just below the top edge — no rank 0
    expect(y.range[0]).toBeGreaterThanOrEqual(worst);
    expect(y.range[1]).toBeGreaterThan(0);
    expect(y.range[1]).toBeLessThan(1);
    expect(y.tickvals).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]); // 10 areas: step 1
    const legend = fig.layout.legend as { y: number; yanchor: string };
    expect(legend).toMatchObject({ y: 1, yanchor: "bottom" });
    const x = fig.layout.xaxis as { tickmode: string; tickangle: number; title: { standoff: number } };
    expect(x).toMatchObject({ tickmode: "array", tickangle: -45 });
    expect(x.title.standoff).toBeGreaterThan(0);
  });

  it("rotates names steeply for many areas, ticks at round ranks from 1", () => {
    const many = runSensitivity({
      variants: [{ name: "Basis", family: "Basis", options: 0 }],
      evaluate: () => Array.from({ length: 58 }, (_, i) => ({ id: `g${i}`, rank: i + 1, class: "mittel" })),
    });
    const fig = rankIntervalFigure(many.summary);
    expect((fig.layout.xaxis as { tickangle: number }).tickangle).toBe(-90);
    expect((fig.layout.yaxis as { tickvals: number[] }).tickvals).toEqual([1, 10, 20, 30, 40, 50]);
  });

  it("keeps two areas with the same name apart (categories are ids)", () => {
    const twins = runSensitivity({
      variants: [{ name: "Basis", family: "Basis", options: 0 }],
      evaluate: () => ["a", "b", "c"].map((id, i) => ({ id, rank: i + 1, class: "mittel" })),
    });
    const fig = rankIntervalFigure(twins.summary, { labels: { a: "Mitte", b: "Mitte", c: "Nord" } });
    expect((fig.data[0] as { x: string[] }).x).toEqual(["a", "b", "c"]);
    expect((fig.layout.xaxis as { ticktext: string[] }).ticktext).toEqual(["Mitte", "Mitte", "Nord"]);
  });

  it("widens the left margin for a long first name at −45°", () => {
    const few = runSensitivity({
      variants: [{ name: "Basis", family: "Basis", options: 0 }],
      evaluate: () => ["a", "b", "c"].map((id, i) => ({ id, rank: i + 1, class: "mittel" })),
    });
    const short = rankIntervalFigure(few.summary, { labels: { a: "Ost" } });
    const long = rankIntervalFigure(few.summary, { labels: { a: "Bergisch Neukirchen-Südwest-Außenbereich" } });
    expect((short.layout.margin as { l: number }).l).toBe(70);
    expect((long.layout.margin as { l: number }).l).toBeGreaterThan(120);
  });

  it("switches to positions for many areas", () => {
    const many = runSensitivity({
      variants: [{ name: "Basis", family: "Basis", options: 0 }],
      evaluate: () => Array.from({ length: 80 }, (_, i) => ({ id: `g${i}`, rank: i + 1, class: "mittel" })),
    });
    const fig = rankIntervalFigure(many.summary);
    expect((fig.data[0] as { x: number[] }).x.slice(0, 3)).toEqual([1, 2, 3]);
  });
});

describe("sensitivitySection", () => {
  const section = sensitivitySection(s.methods, { monteCarlo: s.monteCarlo });

  it("has the German tables and figures", () => {
    expect(section.id).toBe("sensitivitaet");
    expect(section.tables!.map((t) => t.title)).toEqual([
      "Methodenvarianten", "Methodenabhängige Sozialräume", "Klassenstabilität je Sozialraum", "Spearman-Korrelationen", "Monte-Carlo-Rangintervalle",
    ]);
    for (const t of section.tables!) expect(t.title.length).toBeLessThanOrEqual(31);
    // titles follow areaNoun and stay whole sheet names (≤ 31 characters): "Klassenstabilität je Planungsraum" has 33
    const berlin = sensitivitySection(s.methods, { areaNoun: "Planungsräume" }).tables!.map((t) => t.title);
    expect(berlin.slice(1, 3)).toEqual(["Methodenabhängige Planungsräume", "Klassenstabilität"]);
    expect(sensitivitySection(s.methods, { areaNoun: "Gebiete" }).tables![2].title).toBe("Klassenstabilität je Gebiet");
    expect(section.figures!.map((f) => f.title)).toEqual(["Rangintervalle über die Methodenvarianten", "Rangintervalle aus der Zufallsschwankung"]);
    const variants = section.tables![0];
    expect(variants.rows).toHaveLength(s.methods.variants.length);
    expect(variants.rows[0]).toMatchObject({ familie: "Basis", variante: "Basis", andere_klasse: 0 });
    const spearman = section.tables![3];
    expect(spearman.columns).toHaveLength(s.methods.variants.length + 1);
    expect(spearman.rows[0].v1).toBe(1);
    expect(section.paragraphs!.join(" ")).toContain("30 Monte-Carlo-Ziehungen (Startwert 1)");
  });

  it("has no Hinweise paragraph without warnings", () => {
    expect(s.methods.warnings.concat(s.monteCarlo!.warnings)).toEqual([]);
    expect(section.paragraphs!.some((p) => p.startsWith("Hinweise:"))).toBe(false);
  });

  it("prints the number of draws used, not requested, and the warnings of skipped variants and draws", () => {
    // One indicator, 0 or 1 % of 100: smoothing (prior variance 0), robust z (MAD 0) and every draw in which
    // both 1 % areas draw 0 leave the index undefined; these are skipped (see test/audit/sensitivity-pipeline).
    const one = [0, 1, 0, 0, 1, 0].map((a, i) => ({ id: `0${i}`, a, n: 100 }));
    const r = compositeSensitivity(one, { id: "id", indicators: [{ column: "a", denominator: "n" }], scheme: berlinMssStatus }, { seed: 3, draws: 50 });
    const used = r.monteCarlo!.variants.length - 1;
    expect(used).toBeLessThan(50);
    const text = sensitivitySection(r.methods, { monteCarlo: r.monteCarlo }).paragraphs!;
    expect(text.join(" ")).toContain(`In ${used} Monte-Carlo-Ziehungen (von 50 angeforderten, übersprungene siehe Hinweise; Startwert 3)`);
    const hints = text.find((p) => p.startsWith("Hinweise: "))!;
    expect(hints).toContain('compositeSensitivity: Variante "Empirical-Bayes-Glättung" übersprungen');
    expect(hints).toContain(`compositeSensitivity: ${50 - used} von 50 Monte-Carlo-Ziehungen`);
  });

  it("counts per variant the areas with another class", () => {
    const t = section.tables![0];
    for (const row of t.rows) {
      const n = s.methods.summary.areas.filter((a) => a.differingVariants.includes(row.variante as string)).length;
      expect(row.andere_klasse).toBe(n);
    }
  });

  it("renders into the HTML report and the workbook", async () => {
    const doc = { title: "Test", date: "2024-01-02", source: "Testdaten", parameters: [], sections: [section, methodAppendixSection(resolveAnalysisConfig({}, { today: "2024-01-02" }))] };
    const html = reportHtml(doc);
    expect(html).toContain("Methodenvarianten");
    expect(html).toContain("Methodenanhang");
    const xlsx = await reportWorkbook(doc);
    expect(xlsx.byteLength).toBeGreaterThan(1000);
  });

  it("rejects other input", () => {
    expect(() => sensitivitySection({} as never)).toThrow("sensitivitySection: erwartet wird das Ergebnis von runSensitivity, angegeben ist ein Objekt mit name undefined");
  });
});

describe("methodAppendixSection", () => {
  it("states every formula with the parameters actually used", () => {
    const config = resolveAnalysisConfig(
      { minimumPopulation: 500, confidence: 0.9, thresholds: { flag: 1.5, strong: 2 }, standardization: { sd: "sample" } },
      { today: "2024-01-02" },
    );
    const sec = methodAppendixSection(config, { spatial: { permutations: 499, seed: 3 }, supply: { radiusKm: 1.5 }, sensitivity: s });
    const formulas = sec.tables![0];
    const row = (step: string) => formulas.rows.find((r) => r.schritt === step)!;
    expect(formulas.rows.map((r) => r.schritt)).toEqual([
      "Anteil (Rate)", "Wilson-Intervall", "Empirical-Bayes-Glättung", "z-Wert", "Robuster z-Wert", "Perzentilrang, Normal-Score",
      "Status-Index", "Dynamik-Index", "Klassen", "Auffälligkeit je Indikator", "Bewertung je Zielgruppe", "Rangfolge", "Moran's I",
      "LISA (lokales Moran's I)", "Segregation (eine Gruppe)", "Durchmischung (mehrere Gruppen)", "Erreichbarkeit (2SFCA)",
      "Sensitivitätsanalyse", "Nachvollziehbarkeit",
    ]);
    expect(row("Anteil (Rate)").parameter).toContain("Mindesteinwohnerzahl 500");
    // z = Φ⁻¹(0.95) = 1.644854 (R: qnorm(0.95) = 1.6448536269514722)
    expect(row("Wilson-Intervall").parameter).toBe("Konfidenzniveau 90 %, z = 1,644854");
    expect(row("z-Wert").parameter).toContain("Stichprobe (Divisor n − 1)");
    expect(row("Auffälligkeit je Indikator").formel).toContain("z > 1,5; stark auffällig: z > 2");
    expect(row("Klassen").formel).toBe("Status: hoch x < -1, mittel x ≥ -1 und x ≤ 1, niedrig x > 1 und x ≤ 1,5, sehr niedrig x > 1,5; Dynamik: positiv x < -1, stabil x ≥ -1 und x ≤ 1, negativ x > 1");
    expect(row("Moran's I").parameter).toBe("Gewichte Queen-Nachbarschaft (Voreinstellung), Transformation zeilenstandardisiert (Voreinstellung), Permutationen 499, Startwert 3");
    expect(row("Erreichbarkeit (2SFCA)").parameter).toContain("Radius d₀ = 1,5 km");
    expect(row("Sensitivitätsanalyse").parameter).toContain("30 Ziehungen, Startwert 1");
    expect(row("LISA (lokales Moran's I)").parameter).toMatch(/^Signifikanzniveau 0,05 \(Voreinstellung\)/);
    // Steps without options were not run: their defaults are labelled as such.
    expect(row("Segregation (eine Gruppe)").parameter).toMatch(/^nicht Teil dieser Analyse; Voreinstellungen: Atkinson b = 0,5/);
    expect(sec.tables![1].rows).toHaveLength(config.indicators.length);
    expect(sec.tables![1].rows[0]).toMatchObject({ kennung: "kinderarmut", zaehler: "sgb2_unter_15", bezug: "ew_0_5 + ew_6_14", mindestbasis: 20 });
    expect(sec.tables![2].rows).toHaveLength(7);
  });

  it("leaves out the dynamic index without a comparison year and checks its input", () => {
    const sec = methodAppendixSection(resolveAnalysisConfig({ years: { previous: null } }, { today: "2024-01-02" }));
    expect(sec.tables![0].rows.map((r) => r.schritt)).not.toContain("Dynamik-Index");
    expect(sec.tables![2].rows).toHaveLength(4);
    expect(() => methodAppendixSection({} as never)).toThrow("methodAppendixSection: erwartet wird eine aufgelöste Analysekonfiguration");
  });
});

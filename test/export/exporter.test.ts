/**
 * Static export through headless Chromium (/usr/bin/chromium). Skipped with a message when Chromium is missing,
 * except in CI (CI=true), where a missing browser is an error.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEFAULT_CHROMIUM_PATH,
  PNG_SIGNATURE,
  createFigureExporter,
  exportFigures,
  exportReportFigures,
  pngSize,
  type FigureExporter,
} from "../../src/export/index.js";
import { choroplethFigure } from "../../src/plot/choropleth.js";
import type { Figure } from "../../src/plot/figure.js";
import { rankingBarFigure } from "../../src/plot/rankingBarFigure.js";
import type { ReportDocument } from "../../src/report/index.js";

const hasChromium = existsSync(DEFAULT_CHROMIUM_PATH);
if (!hasChromium) {
  if (process.env.CI === "true") throw new Error(`export: ${DEFAULT_CHROMIUM_PATH} not found; CI must install chromium`);
  console.warn(`export: ${DEFAULT_CHROMIUM_PATH} not found; browser tests of src/export skipped (apt-get install chromium)`);
}

const rows = [
  { id: "010101", name: "Küppersteg-Nord", index: 1.25, klasse: "niedrig" },
  { id: "010102", name: "Rheindorf-Süd", index: -0.5, klasse: "mittel" },
  { id: "020101", name: "Bürrig-Mitte", index: 2.75, klasse: "sehr niedrig" },
];
const bars: Figure = rankingBarFigure(rows, {
  id: "id",
  label: "name",
  value: "index",
  title: "Status-Index je Sozialraum",
  valueTitle: "Status-Index (z-Wert)",
});

/** Three unit squares side by side (shared edges share vertices), WGS84 around Leverkusen. */
function square(id: string, i: number) {
  const x = 7 + i * 0.01;
  return {
    type: "Feature",
    properties: { sozialraum_id: id },
    geometry: { type: "Polygon", coordinates: [[[x, 51], [x + 0.01, 51], [x + 0.01, 51.01], [x, 51.01], [x, 51]]] },
  };
}
const geojson = { type: "FeatureCollection", features: rows.map((r, i) => square(r.id, i)) };
const map: Figure = choroplethFigure(geojson, rows, { idProperty: "sozialraum_id", id: "id", value: "index", title: "Status-Index (Karte)", label: "z-Wert" });

describe("createFigureExporter without Chromium", () => {
  it("names the missing path and the Debian package", async () => {
    await expect(createFigureExporter({ executablePath: "/nicht/vorhanden/chromium" })).rejects.toThrow(
      "createFigureExporter: Chromium nicht gefunden unter /nicht/vorhanden/chromium; bitte installieren (Debian/Ubuntu: apt-get install chromium)",
    );
  });
});

describe.skipIf(!hasChromium)("figure export in headless Chromium", () => {
  let exporter: FigureExporter;
  beforeAll(async () => {
    exporter = await createFigureExporter();
  });
  afterAll(async () => {
    await exporter?.close();
  });

  it("writes an SVG with the German title, axis label, category names and one path per bar", async () => {
    const svg = await exporter.toSvg(bars, { width: 700, height: 400 });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" class="main-svg" height="400"')).toBe(true);
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 700 400" width="700">/);
    expect(svg).toContain(">Status-Index je Sozialraum</text>");
    expect(svg).toContain(">Status-Index (z-Wert)</text>");
    for (const r of rows) expect(svg).toContain(`>${r.name}</text>`);
    const barPaths = svg.match(/<g class="point"><path d="M[^"]+"/g) ?? [];
    expect(barPaths).toHaveLength(rows.length);
  });

  it("gives the same SVG text for the same figure, in one browser and in a new one", async () => {
    const a = await exporter.toSvg(bars, { width: 700, height: 400 });
    await exporter.toSvg(map); // something else in between
    const b = await exporter.toSvg(bars, { width: 700, height: 400 });
    expect(b).toBe(a);
    const other = await createFigureExporter();
    try {
      expect(await other.toSvg(bars, { width: 700, height: 400 })).toBe(a);
    } finally {
      await other.close();
    }
  });

  it("writes a PNG of the requested size times the scale", async () => {
    const png = await exporter.toPng(bars, { width: 640, height: 360, scale: 2 });
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(pngSize(png)).toEqual({ width: 1280, height: 720 });
    const small = await exporter.toPng(bars, { width: 300, height: 200, scale: 1 });
    expect(pngSize(small)).toEqual({ width: 300, height: 200 });
    expect(small.length).toBeGreaterThan(1000); // a drawing, not an empty frame
  });

  it("takes the size from the layout by default (PNG at scale 2)", async () => {
    const tall: Figure = { ...bars, layout: { ...bars.layout, width: 500, height: 321 } };
    expect(pngSize(await exporter.toPng(tall))).toEqual({ width: 1000, height: 642 });
    const wide: Figure = { ...bars, layout: { ...bars.layout, height: undefined, width: undefined } };
    expect(await exporter.toSvg(wide)).toMatch(/^<svg [^>]*viewBox="0 0 900 500" width="900">/);
  });

  it("exports a choropleth map without any network request", async () => {
    const before = exporter.blockedRequests.length;
    const svg = await exporter.toSvg(map, { width: 600, height: 400 });
    const png = await exporter.toPng(map, { width: 600, height: 400, scale: 1 });
    expect(svg.match(/class="choroplethlocation"/g) ?? []).toHaveLength(geojson.features.length);
    expect(svg).toContain(">Status-Index (Karte)</text>");
    expect(pngSize(png)).toEqual({ width: 600, height: 400 });
    expect(exporter.blockedRequests.slice(before)).toEqual([]);
  });

  it("fails, naming the URL, when a figure tries to load something", async () => {
    // A tile map (plotly's maplibre trace) asks for its default base-map style on the web.
    const tiles: Figure = { data: [{ type: "scattermap", lon: [7], lat: [51] }], layout: {} };
    const before = await exporter.toSvg(map, { width: 600, height: 400 });
    await expect(exporter.toPng(tiles, { name: "Kachelkarte", scale: 1 })).rejects.toThrow(
      /^toPng: Abbildung "Kachelkarte" konnte nicht als PNG exportiert werden: wollte https:\/\/\S+ laden \(blockiert: Exporte arbeiten offline\)$/,
    );
    expect(exporter.blockedRequests.length).toBeGreaterThan(0);
    // The exporter stays usable, and the failed map (its timers keep running) does not change later output.
    expect(pngSize(await exporter.toPng(bars, { width: 100, height: 100, scale: 1 }))).toEqual({ width: 100, height: 100 });
    expect(await exporter.toSvg(map, { width: 600, height: 400 })).toBe(before);
  });

  it("refuses bad sizes and figures that would need the network, before drawing", async () => {
    await expect(exporter.toPng(bars, { width: 0, name: "rangfolge" })).rejects.toThrow(
      'toPng: width muss eine ganze Zahl von Pixeln zwischen 10 und 16384 sein, angegeben ist 0 für Abbildung "rangfolge"',
    );
    await expect(exporter.toSvg(bars, { height: 10.5 })).rejects.toThrow("toSvg: height muss eine ganze Zahl von Pixeln zwischen 10 und 16384 sein, angegeben ist 10.5 für Abbildung");
    await expect(exporter.toPng(bars, { width: 9000, height: 100, scale: 2 })).rejects.toThrow(
      "toPng: scale muss positiv sein und höchstens 16384 Pixel je Seite ergeben, angegeben ist 2 für Abbildung (9000×100)",
    );
    const remote: Figure = { data: [{ type: "choropleth", geojson: "https://example.org/gebiete.json" }], layout: {} };
    await expect(exporter.toSvg(remote, { name: "karte" })).rejects.toThrow('verweist per URL auf ihr GeoJSON ("https://example.org/gebiete.json")');
  });

  it("rejects exports after close", async () => {
    const short = await createFigureExporter();
    await short.close();
    await short.close(); // twice is fine
    await expect(short.toSvg(bars)).rejects.toThrow("toSvg: der Exporter ist geschlossen");
  });

  describe("exportFigures", () => {
    it("writes named PNG and SVG files, byte-identical SVG on a second run", async () => {
      const dirA = mkdtempSync(join(tmpdir(), "sozialraum-export-a-"));
      const dirB = mkdtempSync(join(tmpdir(), "sozialraum-export-b-"));
      const figures = [
        { name: "Rangfolge Status-Index", figure: bars, height: 300 },
        { name: "Karte Status-Index", figure: map },
      ];
      const written = await exportFigures(figures, { dir: dirA, width: 600, height: 400, scale: 1, exporter });
      expect(written.map((w) => [w.name, w.format, w.path])).toEqual([
        ["Rangfolge Status-Index", "png", join(dirA, "rangfolge-status-index.png")],
        ["Rangfolge Status-Index", "svg", join(dirA, "rangfolge-status-index.svg")],
        ["Karte Status-Index", "png", join(dirA, "karte-status-index.png")],
        ["Karte Status-Index", "svg", join(dirA, "karte-status-index.svg")],
      ]);
      for (const w of written) expect(readFileSync(w.path).length).toBe(w.bytes);
      expect(pngSize(readFileSync(join(dirA, "rangfolge-status-index.png")))).toEqual({ width: 600, height: 300 });
      expect(pngSize(readFileSync(join(dirA, "karte-status-index.png")))).toEqual({ width: 600, height: 400 });

      // A run with its own browser (started and closed by exportFigures), SVG only.
      const again = await exportFigures(figures, { dir: dirB, width: 600, height: 400, formats: ["svg"] });
      expect(again.map((w) => w.format)).toEqual(["svg", "svg"]);
      expect(readdirSync(dirB).sort()).toEqual(["karte-status-index.svg", "rangfolge-status-index.svg"]);
      for (const f of readdirSync(dirB)) expect(readFileSync(join(dirB, f)).equals(readFileSync(join(dirA, f))), f).toBe(true);
    });

    it("refuses two figures with the same file name, unknown formats and a missing dir", async () => {
      const dir = mkdtempSync(join(tmpdir(), "sozialraum-export-c-"));
      await expect(exportFigures([{ name: "Karte 1", figure: map }, { name: "karte-1", figure: bars }], { dir, exporter })).rejects.toThrow(
        'exportFigures: die Abbildungen "Karte 1" und "karte-1" würden beide als "karte-1" geschrieben',
      );
      await expect(exportFigures([], { dir, formats: ["pdf" as "png"] })).rejects.toThrow('exportFigures: unbekanntes Format "pdf" (möglich: "png" oder "svg")');
      await expect(exportFigures([], { dir: "" })).rejects.toThrow('exportFigures: die Option dir ist erforderlich, angegeben ist ""');
      expect(readdirSync(dir)).toEqual([]);
    });
  });

  it("exportReportFigures writes abbildungen/<section>-abbildung-<n> next to the report", async () => {
    const doc: ReportDocument = {
      title: "Test",
      date: "2024-01-02",
      source: "synthetisch",
      parameters: [],
      sections: [
        { id: "rangfolge", title: "Rangfolge", figures: [{ title: "Balken", figure: bars }] },
        { id: "karten", title: "Karten", figures: [{ title: "Karte", figure: map }] },
      ],
    };
    const dir = mkdtempSync(join(tmpdir(), "sozialraum-report-"));
    const files = await exportReportFigures(doc, { dir, formats: ["png"], scale: 1, exporter });
    expect(files.map((f) => f.path)).toEqual([join(dir, "abbildungen", "rangfolge-abbildung-1.png"), join(dir, "abbildungen", "karten-abbildung-1.png")]);
    // Size from the map's own layout (choroplethFigure sets the height), width by default 900.
    expect(map.layout.width).toBeUndefined();
    expect(pngSize(readFileSync(files[1].path))).toEqual({ width: 900, height: map.layout.height });
  });
});

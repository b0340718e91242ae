import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Figure } from "../../src/plot/figure.js";
import {
  assertOfflineFigure,
  figuresToHtml,
  notebookFigureHtml,
  offlineGeoAssets,
  plotlyBundlePath,
  plotlyVersion,
  resetNotebookPlotly,
  safeJson,
} from "../../src/render/index.js";

const bar: Figure = { data: [{ type: "bar", x: [1, 2], y: ["a", "b"], name: "</script><b>" }], layout: { title: { text: "Test" } } };
const geo: Figure = {
  data: [{ type: "choropleth", geojson: { type: "FeatureCollection", features: [] }, featureidkey: "properties.id", locations: [], z: [] }],
  layout: { geo: { fitbounds: "locations", visible: false } },
};

/** The src attributes of every <script> element (an inline script has none). */
function scriptSources(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>/gi)].map((m) => /src\s*=\s*["']?([^"'\s>]+)/i.exec(m[1])?.[1] ?? "");
}

describe("figuresToHtml", () => {
  const html = figuresToHtml([{ figure: bar, title: "Balken", caption: "Unterschrift" }, geo], { title: "Abbildungen & Karten" });

  it("inlines the installed plotly.js bundle verbatim, once", () => {
    const bundle = readFileSync(plotlyBundlePath(), "utf8");
    expect(bundle.length).toBeGreaterThan(1_000_000);
    expect(html).toContain(bundle.slice(0, 2000));
    expect(html).toContain(bundle.slice(-2000));
    expect(html.split("window.Plotly = Plotly;").length - 1).toBe(1);
    expect(plotlyVersion()).toMatch(/^4\.\d+\.\d+$/);
  });

  it("loads no script from anywhere: every <script> is inline", () => {
    const sources = scriptSources(html);
    expect(sources.length).toBeGreaterThanOrEqual(4);
    expect(sources.every((s) => s === "")).toBe(true);
    expect(html).not.toMatch(/<link\b[^>]*href=["']?https?:/i);
  });

  it("registers offline geo assets before plotly loads (no topojson download)", () => {
    const assets = html.indexOf("window.PlotlyGeoAssets");
    const bundle = html.indexOf("window.Plotly = Plotly;");
    expect(assets).toBeGreaterThan(0);
    expect(assets).toBeLessThan(bundle);
    // plotly asks for "<scope>_<resolution>m"; the default scope/resolution is world, 110 m.
    const topo = offlineGeoAssets().topojson;
    expect(Object.keys(topo)).toContain("world_110m");
    expect(Object.keys(topo)).toContain("north-america_50m");
    expect(topo.world_110m).toMatchObject({ type: "Topology", objects: { land: { type: "GeometryCollection", geometries: [] } } });
  });

  it("is a German page with numbered figure divs and escaped text", () => {
    expect(html.startsWith("<!DOCTYPE html>\n<html lang=\"de\">")).toBe(true);
    expect(html).toContain("<title>Abbildungen &amp; Karten</title>");
    expect(html).toContain('<div id="abbildung-1" class="sr-figure" role="img" aria-label="Balken"></div>');
    expect(html).toContain('<div id="abbildung-2" class="sr-figure"></div>');
    expect(html).toContain("<figcaption>Unterschrift</figcaption>");
    // The trace name cannot close the script element.
    expect(html).toContain("\\u003c/script\\u003e\\u003cb\\u003e");
    expect(html).not.toContain("</script><b>");
  });

  it("is a pure function of its input", () => {
    expect(figuresToHtml([bar, geo], { title: "x" })).toBe(figuresToHtml([bar, geo], { title: "x" }));
  });

  it("gives a fragment without html/head/body", () => {
    const fragment = figuresToHtml([bar], { fragment: true });
    expect(fragment).not.toContain("<html");
    expect(fragment).toContain("Plotly.newPlot(document.getElementById(\"abbildung-1\")");
  });
});

describe("assertOfflineFigure", () => {
  it("refuses GeoJSON by URL and remote layout images", () => {
    const byUrl: Figure = { data: [{ type: "choropleth", geojson: "https://example.org/x.geojson" }], layout: {} };
    expect(() => figuresToHtml([byUrl])).toThrow(
      'assertOfflineFigure: Datenreihe 0 von Abbildung "abbildung-1" verweist per URL auf ihr GeoJSON ("https://example.org/x.geojson"); stattdessen das GeoJSON-Objekt einbetten',
    );
    const image: Figure = { data: [], layout: { images: [{ source: "//cdn.example.org/logo.png" }] } };
    expect(() => assertOfflineFigure(image)).toThrow('assertOfflineFigure: Layout-Bild 0 von Abbildung lädt "//cdn.example.org/logo.png"; eine data:-URL verwenden');
    expect(() => assertOfflineFigure({ data: [], layout: { images: [{ source: "data:image/png;base64,AAAA" }] } })).not.toThrow();
  });
});

describe("safeJson", () => {
  it("escapes <, >, & and line separators and round-trips", () => {
    const value = { a: "</script>&<!--", b: "\u2028\u2029", n: [1.5, null] };
    const json = safeJson(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
    expect(safeJson(undefined)).toBe("null");
  });
});

describe("notebookFigureHtml", () => {
  it("includes the plotly bundle in the first output only, until reset", () => {
    resetNotebookPlotly();
    const first = notebookFigureHtml(bar);
    const second = notebookFigureHtml(bar);
    expect(first).toContain("window.Plotly = Plotly;");
    expect(first).toContain("window.PlotlyGeoAssets");
    expect(second).not.toContain("window.Plotly = Plotly;");
    expect(second.length).toBeLessThan(5000);
    // Later outputs wait for window.Plotly before drawing.
    expect(second).toMatch(/if\(window\.Plotly\)\{Plotly\.newPlot\(document\.getElementById\("sozialraum-fig-\d+-\d+"\)/);
    expect(scriptSources(first).every((s) => s === "")).toBe(true);
    resetNotebookPlotly();
    expect(notebookFigureHtml(bar)).toContain("window.Plotly = Plotly;");
    expect(notebookFigureHtml(bar, { includePlotly: true })).toContain("window.Plotly = Plotly;");
  });
});

/**
 * Opens the generated report in headless Chromium with the network blocked and checks that every plot is drawn
 * (plotly's SVG per figure div, map paths of the class maps, the LISA map, the location-quotient map and the
 * supply and gap maps, heatmap image, bars) and that no request left the file.
 * Needs /usr/bin/chromium (installed in CI by .ci/run); skipped elsewhere when it is missing.
 */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAnalysis, writeAnalysisOutputs } from "../../src/pipeline/index.js";
import { printPdf } from "../../src/export/printPdf.js";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  if (process.env.CI === "true") throw new Error(`report-browser: ${CHROMIUM} not found; CI must install chromium (.ci/run)`);
  console.warn(`report-browser: ${CHROMIUM} not found; browser test skipped (install chromium to run it)`);
}

const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

interface FigureState {
  id: string;
  svg: number;
  choropleth: number;
  heatmapImages: number;
  bars: number;
}

/** Loads a report with every non-file request aborted and recorded; returns the state of each figure div. */
async function openReport(context: BrowserContext, file: string) {
  const requests: string[] = [];
  const errors: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file://")) return route.continue();
    requests.push(url);
    return route.abort();
  });
  context.on("request", (req) => {
    if (!req.url().startsWith("file://") && !requests.includes(req.url())) requests.push(req.url());
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on("websocket", (ws) => requests.push(ws.url()));
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  const expected = await page.evaluate(() => document.querySelectorAll(".sr-figure").length);
  await page.waitForFunction(
    (n) => Array.from(document.querySelectorAll(".sr-figure")).filter((d) => d.querySelector(".plot-container .main-svg")).length === n,
    expected,
    { timeout: 60_000 },
  );
  const figures: FigureState[] = await page.evaluate(() =>
    Array.from(document.querySelectorAll(".sr-figure")).map((d) => ({
      id: d.id,
      svg: d.querySelectorAll(".plot-container .main-svg").length,
      choropleth: d.querySelectorAll(".choroplethlayer path").length,
      heatmapImages: d.querySelectorAll(".heatmaplayer image, .hm image").length,
      bars: d.querySelectorAll(".barlayer .point path, .bars path").length,
    })),
  );
  // Headless Chromium at 1,400 px width: the report's total height (the measure of its length).
  const height = await page.evaluate(() => document.body.scrollHeight);
  // Map overlays (scattergeo traces): area labels, outline lines, facility markers.
  const overlays = await page.evaluate(() =>
    Object.fromEntries(
      Array.from(document.querySelectorAll(".sr-figure")).map((d) => [
        d.id,
        { labels: d.querySelectorAll(".scattergeo text").length, lines: d.querySelectorAll(".scattergeo path.js-line").length, points: d.querySelectorAll(".scattergeo .point").length },
      ]),
    ),
  );
  await page.close();
  return { figures, requests, errors, height, overlays };
}

describe.skipIf(!hasChromium)("report in headless Chromium, network blocked", () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "sozialraum-chromium-")), {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      offline: true,
      viewport: { width: 1400, height: 900 },
    });
  });
  afterAll(async () => {
    await context?.close();
  });

  const cases: Array<[string, string | undefined]> = [["grid city (test/reference/pipeline/city)", resolve("test/reference/pipeline/city")]];
  if (existsSync(resolve("data/strukturdaten_2018.csv"))) cases.push(["embedded data (data/)", undefined]);

  for (const [name, dir] of cases) {
    it(`draws every plot of the ${name} report without any request`, async () => {
      const result = runAnalysis({ ...(dir ? { data: { dir } } : {}), report: { date: "2024-01-02" } });
      const out = mkdtempSync(join(tmpdir(), "sozialraum-report-"));
      const files = await writeAnalysisOutputs(result, out);
      const html = readFileSync(files.report, "utf8");
      const divs = html.match(/<div id="[^"]+" class="sr-figure"/g) ?? [];

      const { figures, requests, errors, height, overlays } = await openReport(context, files.report);
      expect(height).toBeGreaterThan(3000);
      expect(height).toBeLessThanOrEqual(30_000);
      expect(requests).toEqual([]);
      expect(errors).toEqual([]);
      expect(figures).toHaveLength(divs.length);
      expect(figures.length).toBeGreaterThanOrEqual(6);
      for (const f of figures) expect(f.svg, f.id).toBeGreaterThan(0);

      const features = result.geojson!.features.length;
      const maps = figures.filter((f) => f.id.startsWith("karten-"));
      expect(maps).toHaveLength(2);
      for (const m of maps) expect(m.choropleth, m.id).toBe(features);
      // The maps of the later sections: LISA clusters, location quotients, supply and gaps per target group.
      const lisa = figures.find((f) => f.id === "nachbarschaft-abbildung-1")!;
      expect(lisa.choropleth).toBe(features);
      const scatter = figures.filter((f) => f.id.startsWith("nachbarschaft-")).at(-1)!;
      expect(scatter.svg).toBeGreaterThan(0); // Moran scatter, after the LISA maps
      expect(scatter.choropleth).toBe(0);
      expect(figures.find((f) => f.id === "durchmischung-abbildung-1")!.choropleth).toBe(features);
      const supplyMaps = figures.filter((f) => f.id.startsWith("bedarf-angebot-") && f.choropleth > 0);
      expect(supplyMaps).toHaveLength(2 * result.supply!.groups.length);
      for (const m of supplyMaps) expect(m.choropleth, m.id).toBe(features);
      // Every map: a label per area with geometry, Stadtteil and Bezirk outlines; supply maps: the facilities.
      const allMaps = figures.filter((f) => f.choropleth > 0);
      expect(allMaps.length).toBeGreaterThanOrEqual(5);
      for (const m of allMaps) {
        expect(overlays[m.id].labels, m.id).toBeGreaterThanOrEqual(features);
        // The Vernetzung map adds its network links as further line traces.
        if (m.id.startsWith("vernetzung-")) expect(overlays[m.id].lines, m.id).toBeGreaterThanOrEqual(2);
        else expect(overlays[m.id].lines, m.id).toBe(2);
      }
      for (const m of supplyMaps) expect(overlays[m.id].points, m.id).toBeGreaterThan(0);
      // LISA of the need index per target group, besides the status index.
      expect(figures.filter((f) => f.id.startsWith("nachbarschaft-") && f.choropleth > 0)).toHaveLength(1 + result.neighbourhood!.furtherLisa.length);
      expect(result.neighbourhood!.furtherLisa.length).toBeGreaterThan(0);
      expect(figures.some((f) => f.id.startsWith("sensitivitaet-"))).toBe(true);
      const heat = figures.find((f) => f.id.startsWith("z-werte-"))!;
      expect(heat.heatmapImages).toBe(1);
      const ranking = figures.find((f) => f.id === "rangfolge-abbildung-1")!;
      expect(ranking.bars).toBe(result.ranking.filter((r) => r.status_index !== null).length);
    });
  }

  it("prints bericht.pdf (A4, dated to the report date, byte-identical on a second print)", async () => {
    const result = runAnalysis({ data: { dir: resolve("test/reference/pipeline/city") }, report: { date: "2024-01-02" } });
    const out = mkdtempSync(join(tmpdir(), "sozialraum-pdf-"));
    const files = await writeAnalysisOutputs(result, out, { pdf: true });
    const pdf = readFileSync(files.pdf!);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = pdf.toString("latin1");
    expect(text).toContain("/CreationDate (D:20240102000000+00'00')");
    expect(text).toContain("/ModDate (D:20240102000000+00'00')");
    expect((text.match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThan(3);
    const second = await printPdf({ file: files.report }, { date: "2024-01-02", figures: true });
    expect(Buffer.from(second).equals(pdf)).toBe(true);
    const provenance = JSON.parse(readFileSync(files.provenance, "utf8")) as { outputs: Array<{ path: string }> };
    expect(provenance.outputs.map((o) => o.path)).toContain("bericht.pdf");
  });
});

/**
 * The report of the embedded city in headless Chromium with the network blocked: the verdict maps of the
 * Zusammenfassung are drawn, a click on the polygon of an auffälliger Sozialraum (on a verdict map and on the
 * status class map) jumps to its Steckbrief, no request leaves the file; and steckbriefe.pdf has at most two
 * A4 pages per Steckbrief. Needs /usr/bin/chromium; skipped elsewhere when it is missing.
 */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { healthyMixSummary } from "../../src/analysis/healthyMixSummary.js";
import { CHROMIUM_ARGS } from "../../src/export/chromiumExecutable.js";
import { runAnalysis, writeAnalysisOutputs } from "../../src/pipeline/index.js";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
const hasData = existsSync(resolve("data/strukturdaten_2018.csv"));
if (!hasChromium) console.warn(`steckbrief-browser: ${CHROMIUM} not found; browser test skipped (install chromium to run it)`);

/** A point (viewport coordinates) inside the map polygon of `id` in figure `figureId`. */
async function pointOnArea(page: Page, figureId: string, id: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    ([fig, area]) => {
      const paths = Array.from(document.querySelectorAll(`#${fig} .choroplethlayer path`));
      // plotly binds each polygon's calcdata ({ loc, … }) to its path element.
      const path = paths.find((p) => (p as unknown as { __data__?: { loc?: string } }).__data__?.loc === area);
      if (!path) return null;
      path.scrollIntoView({ block: "center" });
      const geometry = path as SVGPathElement;
      const box = geometry.getBoundingClientRect();
      const toLocal = geometry.getScreenCTM()!.inverse();
      // plotly's hover layer lies over the polygons: test the polygon's own fill, not the topmost element. Of the
      // grid points inside, the one nearest the box centre (near an edge plotly may pick the neighbour).
      let best: { x: number; y: number; d: number } | null = null;
      for (let i = 1; i < 20; i++) {
        for (let j = 1; j < 20; j++) {
          const x = box.left + (box.width * i) / 20;
          const y = box.top + (box.height * j) / 20;
          const d = (i - 10) ** 2 + (j - 10) ** 2;
          if ((best === null || d < best.d) && geometry.isPointInFill(new DOMPoint(x, y).matrixTransform(toLocal))) best = { x, y, d };
        }
      }
      return best && { x: best.x, y: best.y };
    },
    [figureId, id] as const,
  );
}

describe.skipIf(!hasChromium || !hasData)("Steckbriefe in headless Chromium, network blocked", () => {
  let context: BrowserContext;
  const result = runAnalysis({ report: { date: "2024-01-02" }, sensitivity: { draws: 0 } });
  const summary = healthyMixSummary(result);
  let files: Awaited<ReturnType<typeof writeAnalysisOutputs>>;

  beforeAll(async () => {
    files = await writeAnalysisOutputs(result, mkdtempSync(join(tmpdir(), "sozialraum-steckbrief-")));
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "sozialraum-chromium-")), {
      executablePath: CHROMIUM,
      headless: true,
      args: [...CHROMIUM_ARGS],
      offline: true,
    });
  });
  afterAll(async () => {
    await context?.close();
  });

  it("jumps from a map area to its Steckbrief, without any request", async () => {
    const requests: string[] = [];
    const errors: string[] = [];
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("file://")) return route.continue();
      requests.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(pathToFileURL(files.report).href, { waitUntil: "load" });
    const features = result.geojson!.features.length;
    // The verdict maps of the Zusammenfassung: one per target group, every polygon drawn.
    for (let i = 1; i <= result.conspicuousness.targetGroups.length; i++) {
      const id = `zusammenfassung-abbildung-${i}`;
      await page.waitForFunction((fig) => document.querySelectorAll(`#${fig} .choroplethlayer path`).length > 0, id, { timeout: 60_000 });
      expect(await page.evaluate((fig) => document.querySelectorAll(`#${fig} .choroplethlayer path`).length, id), id).toBe(features);
    }
    const children = summary.areas.find((a) => a.groups.some((g) => g.group === result.conspicuousness.targetGroups[0]))!;
    for (const [figure, area] of [["zusammenfassung-abbildung-1", children.id], ["karten-abbildung-1", summary.areas[summary.areas.length - 1].id]] as const) {
      await page.evaluate(() => history.replaceState(null, "", location.pathname));
      // Closed before the click: the Steckbriefe are collapsed in bericht.html.
      expect(await page.evaluate((a) => (document.getElementById(`steckbrief-${a}`) as HTMLDetailsElement).open, area)).toBe(false);
      const point = await pointOnArea(page, figure, area);
      expect(point, `${figure}: polygon of ${area}`).not.toBeNull();
      await page.mouse.move(point!.x, point!.y);
      await page.mouse.click(point!.x, point!.y);
      await page.waitForFunction((a) => location.hash === `#steckbrief-${a}`, area, { timeout: 60_000 });
      const state = await page.evaluate((a) => {
        const el = document.getElementById(`steckbrief-${a}`) as HTMLDetailsElement;
        const r = el.getBoundingClientRect();
        // Opened: its tables are laid out (a closed details has no box for its content).
        const table = el.querySelector("table")!.getBoundingClientRect();
        return { inView: r.top >= -1 && r.top < window.innerHeight, open: el.open, tag: el.tagName, tableHeight: table.height };
      }, area);
      expect(state.inView, `${figure} → steckbrief-${area}`).toBe(true);
      expect(state, `${figure} → steckbrief-${area} opened`).toMatchObject({ open: true, tag: "DETAILS" });
      expect(state.tableHeight).toBeGreaterThan(0);
    }
    await page.close();
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("writes steckbriefe.pdf with at most two A4 pages per Steckbrief", () => {
    expect(files.steckbriefe).toBe(join(files.dir, "steckbriefe.pdf"));
    const pdf = readFileSync(files.steckbriefe!).toString("latin1");
    expect(pdf.startsWith("%PDF-")).toBe(true);
    const pages = pdf.match(/\/Type\s*\/Page[^s]/g)!.length;
    const n = summary.areas.length;
    // Contents and index first, then every Steckbrief on a new page, one page or two.
    expect(pages).toBeGreaterThanOrEqual(n + 1);
    expect(pages).toBeLessThanOrEqual(2 * n + 2);
    // A4 = 210 × 297 mm = 595 × 842 pt (Chromium writes 594.96 × 841.92).
    expect(pdf).toMatch(/\/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]/);
    expect(pdf).toContain("/CreationDate (D:20240102000000");
  });
});

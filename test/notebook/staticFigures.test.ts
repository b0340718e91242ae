/**
 * The post-processor of notebook HTML renderings (scripts/notebook-html.ts): static PNG twins of the plotly
 * figures and the offline check. The text operations run everywhere; the browser part needs /usr/bin/chromium
 * and is skipped with a message without it, except in CI (CI=true), where a missing browser is an error.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CHROMIUM_PATH, pngSize } from "../../src/export/index.js";
import { choroplethFigure } from "../../src/plot/choropleth.js";
import type { Figure } from "../../src/plot/figure.js";
import { rankingBarFigure } from "../../src/plot/rankingBarFigure.js";
import { figuresToHtml } from "../../src/render/figuresToHtml.js";
import { notebookFigureHtml, resetNotebookPlotly } from "../../src/render/notebookFigureHtml.js";
import { openNotebookBrowser, type NotebookBrowser } from "../../scripts/lib/notebookBrowser.js";
import { imageDir, processNotebookHtml } from "../../scripts/lib/notebookHtml.js";
import { PLOTLY_FILE, PLOTLY_REFERENCE, externalPlotly } from "../../scripts/lib/sharedPlotly.js";
import { plotlyBundlePath, plotlyBundleSource } from "../../src/render/plotlyBundle.js";
import {
  STATIC_FIGURE_CLASS,
  figureIds,
  imageSrc,
  insertStaticFigures,
  plainTitle,
  removeStaticFigures,
  stableFigureIds,
  staticFigureHtml,
} from "../../scripts/lib/staticFigures.js";

const hasChromium = existsSync(DEFAULT_CHROMIUM_PATH);
if (!hasChromium) {
  if (process.env.CI === "true") throw new Error(`notebook HTML: ${DEFAULT_CHROMIUM_PATH} not found; CI must install chromium`);
  console.warn(`notebook HTML: ${DEFAULT_CHROMIUM_PATH} not found; browser tests of scripts/notebook-html.ts skipped (apt-get install chromium)`);
}

const rows = [
  { id: "010101", name: "Küppersteg-Nord", index: 1.25 },
  { id: "010102", name: "Rheindorf-Süd", index: -0.5 },
  { id: "020101", name: "Bürrig-Mitte", index: 2.75 },
];
const bars: Figure = rankingBarFigure(rows, { id: "id", label: "name", value: "index", title: "Status-Index <b>je</b> Sozialraum" });
function square(id: string, i: number) {
  const x = 7 + i * 0.01;
  return {
    type: "Feature",
    properties: { sozialraum_id: id },
    geometry: { type: "Polygon", coordinates: [[[x, 51], [x + 0.01, 51], [x + 0.01, 51.01], [x, 51.01], [x, 51]]] },
  };
}
const geojson = { type: "FeatureCollection", features: rows.map((r, i) => square(r.id, i)) };
const map: Figure = choroplethFigure(geojson, rows, { idProperty: "sozialraum_id", id: "id", value: "index", title: "Status-Index (Karte)" });

/** A page shaped like nbconvert's: each figure output (from notebookFigureHtml, as sr.showFigure sends it) in a cell div. */
function notebookPage(outputs: string[]): string {
  const cells = outputs.map((o) => `<div class="jp-Cell"><div class="jp-OutputArea-output">\n${o}</div>\n</div>\n`).join("");
  return `<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n<title>Test</title>\n</head>\n<body>\n${cells}</body>\n</html>\n`;
}
/** Figure outputs of one kernel session: the plotly bundle in the first only; ids `sozialraum-fig-<pid>-<n>`. */
function sessionOutputs(figures: Figure[]): string[] {
  resetNotebookPlotly();
  return figures.map((f) => notebookFigureHtml(f));
}
const sessionIdsOf = (html: string) => [...new Set(html.match(/sozialraum-fig-\d+-\d+/g))];

describe("stableFigureIds", () => {
  const outputs = sessionOutputs([bars, map]).map((o) => o.replace(/^[\s\S]*(<div id=)/, "$1")); // without the bundle
  const page = notebookPage(outputs);

  it("renames kernel-session ids to sozialraum-fig-1, -2 … in document order, in the div and in the draw call", () => {
    const [first, second] = sessionIdsOf(page);
    expect(first).toMatch(/^sozialraum-fig-\d+-\d+$/);
    const stable = stableFigureIds(page);
    expect(stable).not.toContain(first);
    expect(stable).not.toContain(second);
    expect(stable).toContain('<div id="sozialraum-fig-1" class="sr-figure"></div>');
    expect(stable).toContain('Plotly.newPlot(document.getElementById("sozialraum-fig-1")');
    expect(stable).toContain('<div id="sozialraum-fig-2" class="sr-figure"></div>');
    expect(stable).toContain('Plotly.newPlot(document.getElementById("sozialraum-fig-2")');
    expect(stableFigureIds(stable)).toBe(stable); // idempotent
  });

  it("gives the same page whatever the kernel's process id and counter were", () => {
    const other = page.split(sessionIdsOf(page)[0]).join("sozialraum-fig-31337-7").split(sessionIdsOf(page)[1]).join("sozialraum-fig-31337-8");
    expect(other).not.toBe(page);
    expect(stableFigureIds(other)).toBe(stableFigureIds(page));
  });

  it("leaves other ids alone and refuses to create a duplicate id", () => {
    const html = '<div id="abbildung-1" class="sr-figure"></div><div id="sozialraum-fig-1"></div><div id="sozialraum-fig-9-3" class="sr-figure"></div>';
    expect(() => stableFigureIds(html)).toThrow('stableFigureIds: id "sozialraum-fig-1" is already used in the page; cannot rename "sozialraum-fig-9-3"');
    expect(stableFigureIds('<div id="abbildung-1" class="sr-figure"></div>')).toBe('<div id="abbildung-1" class="sr-figure"></div>');
  });
});

describe("figureIds", () => {
  it("finds sr-figure divs and Plotly.newPlot targets in document order", () => {
    const html =
      '<div id="x" class="cell"><div id="b" class="sr-figure wide"></div></div>' +
      '<div id="eigene"></div><script>Plotly.newPlot(document.getElementById("eigene"),[],{});</script>' +
      '<div id="a" class="sr-figure"></div><div id="nur-text"></div>';
    expect(figureIds(html)).toEqual(["b", "eigene", "a"]);
  });

  it("refuses an id on more than one div (figuresToHtml fragments shown twice) or on none", () => {
    const fragment = figuresToHtml([bars], { fragment: true }).replace(/^[\s\S]*(<figure>)/, "$1");
    expect(() => figureIds(fragment + fragment, "07-test.html")).toThrow(
      'figureIds: figure id "abbildung-1" is on 2 div elements in 07-test.html; it must be on exactly one',
    );
    expect(() => figureIds('<script>Plotly.newPlot(document.getElementById("fehlt"),[],{})</script>', "x.html")).toThrow(
      'figureIds: figure id "fehlt" is on 0 div elements in x.html; it must be on exactly one',
    );
  });
});

describe("insertStaticFigures", () => {
  const png = "07-karten-abbildungen/abbildung-1.png";
  const html = '<div class="out">\n<div id="f1" class="sr-figure"></div>\n<script>draw("f1")</script>\n</div>\n<div id="f2"><div>innen</div></div><p>danach</p>';

  it("puts a <noscript> image with the PNG as data: URL right after each figure's div, and only there", () => {
    const out = insertStaticFigures(html, [
      { id: "f2", src: png, alt: "Karte <Kinder & Jugendliche>", width: 900, height: 560 },
      { id: "f1", src: png, alt: "Rangfolge", width: 700, height: 500 },
    ]);
    const img = (alt: string, w: number, h: number, id: string) =>
      `<noscript class="${STATIC_FIGURE_CLASS}" data-figure-id="${id}"><img src="${png}" alt="${alt}" width="${w}" height="${h}" style="max-width:100%;height:auto"></noscript>\n`;
    expect(out).toBe(
      '<div class="out">\n<div id="f1" class="sr-figure"></div>\n' +
        img("Rangfolge", 700, 500, "f1") +
        '<script>draw("f1")</script>\n</div>\n<div id="f2"><div>innen</div></div>' +
        img("Karte &lt;Kinder &amp; Jugendliche&gt;", 900, 560, "f2") +
        "<p>danach</p>",
    );
    expect(staticFigureHtml({ id: "f1", src: png, alt: "Rangfolge", width: 700, height: 500 })).toBe(img("Rangfolge", 700, 500, "f1"));
  });

  it("replaces the images of an earlier run (same input, same bytes) and can remove them", () => {
    const once = insertStaticFigures(html, [{ id: "f1", src: png, alt: "A", width: 10, height: 10 }]);
    expect(insertStaticFigures(once, [{ id: "f1", src: png, alt: "A", width: 10, height: 10 }])).toBe(once);
    expect(removeStaticFigures(once)).toBe(html);
  });

  it("names the id when its div is missing, duplicated or not closed", () => {
    expect(() => insertStaticFigures(html, [{ id: "f3", src: png, alt: "", width: 1, height: 1 }])).toThrow(
      'insertStaticFigures: figure id "f3" is on 0 div elements; it must be on exactly one',
    );
    expect(() => insertStaticFigures('<div id="f"><div></div>', [{ id: "f", src: png, alt: "", width: 1, height: 1 }])).toThrow(
      'insertStaticFigures: the div with id "f" is not closed',
    );
  });
});

describe("imageSrc", () => {
  it("percent-encodes each segment of the relative PNG URL", () => {
    expect(imageSrc("01-daten-abbildungen", "abbildung-1.png")).toBe("01-daten-abbildungen/abbildung-1.png");
    expect(imageSrc("Übung #1", "a b.png")).toBe("%C3%9Cbung%20%231/a%20b.png");
  });
});

describe("externalPlotly", () => {
  it("replaces the bundle of the first figure output by a reference to plotly.min.js and keeps everything else", () => {
    const outputs = sessionOutputs([bars, map]);
    expect(outputs[0]).toContain(plotlyBundleSource());
    const page = notebookPage(outputs);
    const out = externalPlotly(page);
    expect(out).not.toContain("inlined for offline use");
    expect(out.split(PLOTLY_REFERENCE)).toHaveLength(2);
    expect(PLOTLY_REFERENCE).toBe(`<script src="${PLOTLY_FILE}"></script>\n`);
    // Only the bundle's script element changed: geo assets before it, locale and draw calls after it.
    expect(out).toBe(page.replace(`<script>/* plotly.js (MIT), inlined for offline use */\n${plotlyBundleSource()}\n</script>\n`, PLOTLY_REFERENCE));
    expect(out.indexOf("PlotlyGeoAssets")).toBeLessThan(out.indexOf(PLOTLY_REFERENCE));
    expect(out.indexOf(PLOTLY_REFERENCE)).toBeLessThan(out.indexOf('moduleType:"locale"'));
    expect(externalPlotly(out)).toBe(out);
  });

  it("refuses a bundle that is not closed", () => {
    expect(() => externalPlotly("<script>/* plotly.js (MIT), inlined for offline use */\nvar x;")).toThrow(
      "externalPlotly: inlined plotly.js bundle without its closing </script>",
    );
  });
});

describe("plainTitle", () => {
  it("takes the text of a plotly title without markup", () => {
    expect(plainTitle({ text: "Kinderarmut<br>2018 <b>je</b> Sozialraum", x: 0 })).toBe("Kinderarmut 2018 je Sozialraum");
    expect(plainTitle("SGB II")).toBe("SGB II");
    expect(plainTitle(undefined)).toBe("");
  });
});

describe.skipIf(!hasChromium)("notebook HTML in headless Chromium", () => {
  let browser: NotebookBrowser;
  const dir = mkdtempSync(join(tmpdir(), "sozialraum-nbhtml-"));
  beforeAll(async () => {
    // No short wait for figures that never draw: the browser stops waiting once every draw call has finished.
    browser = await openNotebookBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("inserts a static PNG after every figure, writes <name>-abbildungen/, and the result passes the check", async () => {
    const file = join(dir, "01-test.html");
    writeFileSync(file, notebookPage(sessionOutputs([bars, map])));
    const result = await processNotebookHtml(browser, file);
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ name: "01-test", figures: 2 });
    expect(readdirSync(imageDir(file))).toEqual(["abbildung-1.png", "abbildung-2.png"]);
    expect(result.images).toEqual([join(dir, "01-test-abbildungen", "abbildung-1.png"), join(dir, "01-test-abbildungen", "abbildung-2.png")]);

    const html = readFileSync(file, "utf8");
    const first = readFileSync(result.images[0]);
    const second = readFileSync(result.images[1]);
    // Size: the layout's, else 900 × 500 CSS pixels; two PNG pixels per CSS pixel.
    expect(pngSize(first)).toEqual({ width: 1800, height: 2 * ((bars.layout.height as number | undefined) ?? 500) });
    expect(pngSize(second)).toEqual({ width: 1800, height: 2 * (map.layout.height as number) });
    expect(first.length).toBeGreaterThan(5000); // a drawing, not an empty frame
    expect(html).toContain(
      `<div id="sozialraum-fig-1" class="sr-figure"></div>\n<noscript class="sr-static-figure" data-figure-id="sozialraum-fig-1"><img src="01-test-abbildungen/abbildung-1.png" alt="Status-Index je Sozialraum" width="900"`,
    );
    expect(html).toContain(
      `<div id="sozialraum-fig-2" class="sr-figure"></div>\n<noscript class="sr-static-figure" data-figure-id="sozialraum-fig-2"><img src="01-test-abbildungen/abbildung-2.png" alt="Status-Index (Karte)" width="900" height="560"`,
    );
    expect(html.match(/<noscript /g)).toHaveLength(2);
    // plotly.js once, beside the page, instead of inlined in the page.
    expect(html).not.toContain("inlined for offline use");
    expect(html).toContain(PLOTLY_REFERENCE);
    expect(readFileSync(join(dir, PLOTLY_FILE)).equals(readFileSync(plotlyBundlePath()))).toBe(true);

    // Without JavaScript, both images are shown at their full resolution.
    expect(await browser.openWithoutScripts(file)).toEqual([
      { figureId: "sozialraum-fig-1", ...pngSize(first), alt: "Status-Index je Sozialraum" },
      { figureId: "sozialraum-fig-2", ...pngSize(second), alt: "Status-Index (Karte)" },
    ]);
    expect((await processNotebookHtml(browser, file, { checkOnly: true })).problems).toEqual([]);
  });

  it("gives the same bytes again: rerun on its own output, and another kernel session of the same notebook", async () => {
    const a = join(dir, "02-a.html");
    const b = join(dir, "02-b.html");
    writeFileSync(a, notebookPage(sessionOutputs([map, bars])));
    const otherSession = notebookPage(sessionOutputs([map, bars])).replace(/sozialraum-fig-\d+-(\d+)/g, "sozialraum-fig-4242-$1");
    writeFileSync(b, otherSession);
    expect((await processNotebookHtml(browser, a)).problems).toEqual([]);
    expect((await processNotebookHtml(browser, b)).problems).toEqual([]);
    const pngs = (f: string) => readdirSync(imageDir(f)).map((p) => readFileSync(join(imageDir(f), p)));
    // The same page apart from the name of the image folder each one references.
    expect(readFileSync(b, "utf8").split("02-b-abbildungen/").join("02-a-abbildungen/")).toBe(readFileSync(a, "utf8"));
    expect(pngs(b)).toEqual(pngs(a));
    const before = readFileSync(a);
    expect((await processNotebookHtml(browser, a)).problems).toEqual([]);
    expect(readFileSync(a).equals(before)).toBe(true);
    expect(pngs(a)).toEqual(pngs(b));
  });

  it("fails naming the notebook and the figure: not drawn, network request, console error", async () => {
    const file = join(dir, "05-kaputt.html");
    const outputs = sessionOutputs([bars]);
    outputs.push('<div id="nie-gezeichnet" class="sr-figure"></div>');
    outputs.push('<img src="https://example.org/logo.png" alt="">');
    outputs.push('<script>console.error("Zelle 7: etwas ging schief");</script>');
    writeFileSync(file, notebookPage(outputs));
    const result = await processNotebookHtml(browser, file);
    expect(result.problems).toEqual([
      "05-kaputt: Abbildung 2 (div nie-gezeichnet): not drawn (no .main-svg)",
      "05-kaputt: tried to load https://example.org/logo.png (blocked: notebook HTML must work offline)",
      "05-kaputt: console error: Zelle 7: etwas ging schief",
    ]);
    // Nothing was inserted or written for a failing page.
    expect(readFileSync(file, "utf8")).not.toContain("<noscript");
    expect(existsSync(imageDir(file))).toBe(false);
  });

  it("fails for a map whose areas are not drawn, and for a rendering without its static images", async () => {
    const empty: Figure = {
      data: [{ type: "choropleth", geojson, featureidkey: "properties.sozialraum_id", locations: ["999999"], z: [1], name: "Leer" }],
      layout: { title: { text: "Karte ohne Flächen" }, geo: { visible: false } },
    };
    const file = join(dir, "06-karte.html");
    writeFileSync(file, notebookPage(sessionOutputs([empty])));
    expect((await processNotebookHtml(browser, file)).problems).toEqual([
      "06-karte: Abbildung 1 „Karte ohne Flächen“ (div sozialraum-fig-1): map trace 0 (Leer) has no drawn paths",
    ]);

    const plain = join(dir, "07-ohne-bilder.html");
    writeFileSync(plain, stableFigureIds(notebookPage(sessionOutputs([bars]))));
    expect((await processNotebookHtml(browser, plain, { checkOnly: true })).problems).toEqual([
      '07-ohne-bilder: Abbildung 1 „Status-Index je Sozialraum“ (div sozialraum-fig-1): 0 static images (<noscript class="sr-static-figure">), expected 1',
    ]);
  });

  it("fails when a referenced PNG or plotly.min.js is missing beside the page", async () => {
    const own = mkdtempSync(join(tmpdir(), "sozialraum-nbhtml-"));
    const file = join(own, "08-bilder.html");
    writeFileSync(file, notebookPage(sessionOutputs([bars])));
    expect((await processNotebookHtml(browser, file)).problems).toEqual([]);
    rmSync(join(imageDir(file), "abbildung-1.png"));
    expect((await processNotebookHtml(browser, file, { checkOnly: true })).problems).toEqual([
      "08-bilder: Abbildung 1 „Status-Index je Sozialraum“ (div sozialraum-fig-1): static image is 0×0 pixels without JavaScript, expected 1800×600",
    ]);
    rmSync(join(own, PLOTLY_FILE));
    expect((await processNotebookHtml(browser, file, { checkOnly: true })).problems).toEqual([`08-bilder: loads ${PLOTLY_FILE}, which is missing beside the page`]);
    // A normal run writes both again.
    expect((await processNotebookHtml(browser, file)).problems).toEqual([]);
    expect(existsSync(join(own, PLOTLY_FILE))).toBe(true);
  });
});

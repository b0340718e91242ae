/**
 * One headless Chromium (Debian's /usr/bin/chromium via playwright-core, the same executable and switches as
 * src/export) that opens notebook HTML renderings offline: every request that is not a local file is blocked
 * and recorded, console errors are collected, every plotly figure must be drawn (maps with their paths), and
 * drawn figures can be rendered to PNG with the page's own `Plotly.toImage`.
 */
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { CHROMIUM_ARGS, chromiumExecutable } from "../../src/export/chromiumExecutable.js";
import { pngSize } from "../../src/export/pngSize.js";

/** Image size when the figure's layout has none: the same defaults as `createFigureExporter`. */
export const DEFAULT_WIDTH = 900;
export const DEFAULT_HEIGHT = 500;
/** PNG pixels per CSS pixel (sharp on high-density screens and in print, as `exportFigures`). */
export const PNG_SCALE = 2;

/** What the browser found for one figure. */
export interface FigureState {
  id: string;
  /** Plain-text title ("" when the figure has none). */
  title: string;
  /** Why the figure does not count as drawn (empty when it is). */
  problems: string[];
  /** Image size in CSS pixels: the layout's width/height, else {@link DEFAULT_WIDTH} × {@link DEFAULT_HEIGHT}. */
  width: number;
  height: number;
}

/** The result of opening one HTML file. */
export interface PageReport {
  figures: FigureState[];
  /** Plotly figures on the page whose id is not among the expected ones (no place for a static image). */
  unexpected: string[];
  /** Requests the page attempted (blocked: not a local file). */
  blockedRequests: string[];
  /** Console errors and uncaught exceptions. */
  consoleErrors: string[];
  /** PNG per figure id, when images were asked for and the figure was drawn. */
  images: Map<string, Buffer>;
}

/** Options of {@link openNotebookBrowser}. */
export interface NotebookBrowserOptions {
  /** Chromium executable (default /usr/bin/chromium). */
  executablePath?: string;
  /** Milliseconds a page may take to load (default 60 000). */
  timeout?: number;
  /** Milliseconds to wait, after the page has loaded, until all its figures are drawn (default: `timeout`). */
  drawTimeout?: number;
}

/** A running browser; {@link NotebookBrowser.open} one HTML file at a time. */
export interface NotebookBrowser {
  /**
   * Opens `file` with JavaScript, waits until every figure in `ids` is drawn (or the timeout), and reports;
   * with `images: true` also renders each drawn figure to PNG.
   */
  open(file: string, ids: readonly string[], options?: { images?: boolean }): Promise<PageReport>;
  /**
   * Opens `file` with JavaScript switched off and returns, per `<noscript class="sr-static-figure">`, the figure id
   * and the natural size of its image (0 × 0 when the image did not decode).
   */
  openWithoutScripts(file: string): Promise<{ figureId: string; width: number; height: number; alt: string }[]>;
  close(): Promise<void>;
}

/**
 * Starts the browser. Throws (rejects) when Chromium is missing, naming the path and the Debian package.
 *
 * @example
 * const browser = await openNotebookBrowser();
 * try { console.log(await browser.open("output/notebooks/01-daten.html", ["sozialraum-fig-1"])); }
 * finally { await browser.close(); }
 */
export async function openNotebookBrowser(options: NotebookBrowserOptions = {}): Promise<NotebookBrowser> {
  const executablePath = chromiumExecutable(options.executablePath, "openNotebookBrowser");
  const timeout = options.timeout ?? 60_000;
  const drawTimeout = options.drawTimeout ?? timeout;
  const browser = await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS], timeout });
  return {
    open: (file, ids, o = {}) => openPage(browser, file, ids, o.images ?? false, timeout, drawTimeout),
    openWithoutScripts: (file) => openStatic(browser, file, timeout),
    close: () => browser.close(),
  };
}

/** A fresh offline context per file, so requests and errors are attributed to that file. */
async function offlineContext(browser: Browser, javaScriptEnabled: boolean, blocked: string[]): Promise<BrowserContext> {
  const context = await browser.newContext({
    offline: true,
    javaScriptEnabled,
    locale: "de-DE",
    timezoneId: "Europe/Berlin",
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
  });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:")) return route.continue();
    blocked.push(url);
    return route.abort("blockedbyclient");
  });
  return context;
}

function watch(page: Page, blocked: string[], errors: string[]): void {
  page.on("console", (m) => {
    // A request blocked here is reported with its URL; Chromium's console line about it adds nothing.
    if (m.type() === "error" && !m.text().includes("net::ERR_BLOCKED_BY_CLIENT")) errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(`uncaught ${e.name}: ${e.message}`));
  page.on("websocket", (ws) => blocked.push(ws.url()));
}

async function openPage(
  browser: Browser,
  file: string,
  ids: readonly string[],
  images: boolean,
  timeout: number,
  drawTimeout: number,
): Promise<PageReport> {
  const blocked: string[] = [];
  const errors: string[] = [];
  const context = await offlineContext(browser, true, blocked);
  try {
    const page = await context.newPage();
    watch(page, blocked, errors);
    await page.addInitScript(DRAW_TRACKER);
    await page.goto(pathToFileURL(file).href, { waitUntil: "load", timeout });
    const probe = `(${FIGURE_STATES})(${JSON.stringify(ids)})`;
    // Drawing is deferred (each figure waits for window.Plotly); wait until all are drawn or until every draw
    // call the page made has finished (then a figure not drawn yet never will be), then report.
    await page
      .waitForFunction(
        `window.__srDraws.settled() || ${probe}.figures.every(function (f) { return f.problems.length === 0; })`,
        undefined,
        { timeout: drawTimeout, polling: 100 },
      )
      .catch(() => undefined);
    const state = (await page.evaluate(probe)) as { figures: FigureState[]; unexpected: string[] };
    const rendered = new Map<string, Buffer>();
    if (images) {
      for (const f of state.figures) {
        if (f.problems.length > 0) continue;
        const url = (await page.evaluate(
          `Plotly.toImage(document.getElementById(${JSON.stringify(f.id)}), ${JSON.stringify({ format: "png", width: f.width, height: f.height, scale: PNG_SCALE })})`,
        )) as string;
        const png = Buffer.from(url.replace(/^data:image\/png;base64,/, ""), "base64");
        const size = pngSize(png);
        const want = { width: Math.floor(f.width * PNG_SCALE), height: Math.floor(f.height * PNG_SCALE) };
        if (size.width !== want.width || size.height !== want.height) {
          f.problems.push(`PNG has ${size.width}×${size.height} pixels, expected ${want.width}×${want.height}`);
        } else rendered.set(f.id, png);
      }
    }
    return { ...state, blockedRequests: blocked, consoleErrors: errors, images: rendered };
  } finally {
    await context.close();
  }
}

async function openStatic(browser: Browser, file: string, timeout: number) {
  const blocked: string[] = [];
  const context = await offlineContext(browser, false, blocked);
  try {
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href, { waitUntil: "load", timeout });
    return await page.locator("noscript.sr-static-figure").evaluateAll((nodes) =>
      nodes.map((n) => {
        const img = n.querySelector("img");
        return {
          figureId: n.getAttribute("data-figure-id") ?? "",
          width: img?.complete ? img.naturalWidth : 0,
          height: img?.complete ? img.naturalHeight : 0,
          alt: img?.getAttribute("alt") ?? "",
        };
      }),
    );
  } finally {
    await context.close();
  }
}

/**
 * Runs in the page before its own scripts (plain ES5 text): counts plotly draw calls (`newPlot`, `react`) that
 * have not finished. `settled()` is true once the page has loaded, every figure script has had its chance to
 * call plotly (the scripts poll for `window.Plotly` every 50 ms; a timer set 200 ms after both the load event
 * and plotly's arrival runs after those polls, as timers fire in order of their due time) and no draw call is
 * pending; without plotly after the load event nothing can draw any more.
 */
const DRAW_TRACKER = `(function () {
  var pending = 0, loaded = false, plotlyReady = false, plotly;
  function finish() { pending -= 1; }
  function wrap(lib, name) {
    var f = lib[name];
    if (typeof f !== "function") return;
    lib[name] = function () {
      pending += 1;
      var result;
      try { result = f.apply(this, arguments); } catch (e) { finish(); throw e; }
      Promise.resolve(result).then(finish, finish);
      return result;
    };
  }
  function later(done) { setTimeout(done, 200); }
  Object.defineProperty(window, "Plotly", {
    configurable: true,
    get: function () { return plotly; },
    set: function (lib) {
      if (lib && lib !== plotly) { wrap(lib, "newPlot"); wrap(lib, "react"); later(function () { plotlyReady = true; }); }
      plotly = lib;
    }
  });
  window.addEventListener("load", function () { later(function () { loaded = true; }); });
  window.__srDraws = { settled: function () { return loaded && (plotly === undefined || (plotlyReady && pending === 0)); } };
})();`;

/**
 * Runs in the page (plain ES5 text, so no transpiler helper can leak into it): the state of each expected
 * figure and the plotly figures that are not expected. Drawn means: plotly's `.main-svg` and `_fullLayout` are
 * there, and every visible map trace (choropleth, scattergeo) has at least one path with coordinates.
 */
const FIGURE_STATES = `function (ids) {
  function title(t) {
    var s = typeof t === "string" ? t : (t && typeof t.text === "string" ? t.text : "");
    return s.replace(/<br\\s*\\/?>/gi, " ").replace(/<[^>]*>/g, "").replace(/\\s+/g, " ").trim();
  }
  var figures = ids.map(function (id) {
    var gd = document.getElementById(id);
    if (!gd) return { id: id, title: "", problems: ["no element with this id"], width: 0, height: 0 };
    var layout = gd.layout || {};
    var state = {
      id: id,
      title: title(layout.title),
      problems: [],
      width: typeof layout.width === "number" ? layout.width : ${DEFAULT_WIDTH},
      height: typeof layout.height === "number" ? layout.height : ${DEFAULT_HEIGHT}
    };
    if (!gd._fullLayout || !gd.querySelector(".main-svg")) {
      state.problems.push("not drawn (no .main-svg)");
      return state;
    }
    (gd._fullData || []).forEach(function (trace) {
      if (trace.visible !== true || (trace.type !== "choropleth" && trace.type !== "scattergeo")) return;
      var paths = 0;
      gd.querySelectorAll("g.trace").forEach(function (g) {
        var cd = g.__data__;
        var t = cd && cd[0] && cd[0].trace;
        if (!t || t.index !== trace.index) return;
        g.querySelectorAll("path").forEach(function (p) {
          if (/\\d/.test(p.getAttribute("d") || "")) paths += 1;
        });
        // A label trace (scattergeo, mode "text") draws text, not paths.
        if (trace.type === "scattergeo" && String(trace.mode) === "text") {
          g.querySelectorAll("text").forEach(function (t) { if ((t.textContent || "").trim() !== "") paths += 1; });
        }
      });
      if (paths === 0) state.problems.push("map trace " + trace.index + (trace.name ? " (" + trace.name + ")" : "") + " has no drawn paths");
    });
    return state;
  });
  var unexpected = [];
  document.querySelectorAll(".js-plotly-plot").forEach(function (gd) {
    if (ids.indexOf(gd.id) < 0) unexpected.push(gd.id || "(div without id)");
  });
  return { figures: figures, unexpected: unexpected };
}`;

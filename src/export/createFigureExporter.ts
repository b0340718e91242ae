import type { Browser, Page } from "playwright-core";
import type { Figure } from "../plot/figure.js";
import { baseConfig } from "../plot/layout.js";
import { assertOfflineFigure } from "../render/assertOfflineFigure.js";
import { canonicalSvg } from "./canonicalSvg.js";
import { chromiumExecutable } from "./chromiumExecutable.js";
import { launchChromium } from "./launchChromium.js";
import { exportPageHtml } from "./exportPageHtml.js";
import { pngSize } from "./pngSize.js";

/** Options of {@link createFigureExporter}. */
export interface FigureExporterOptions {
  /** Chromium executable (default `/usr/bin/chromium`, Debian's package `chromium`). */
  executablePath?: string;
  /** Milliseconds one figure may take to draw before the export fails (default 60 000). */
  timeout?: number;
}

/** Size of an exported image. Width and height in CSS pixels; the PNG has `width × scale` by `height × scale` pixels. */
export interface ImageOptions {
  /** Width in pixels (default: the figure's `layout.width`, else 900). */
  width?: number;
  /** Height in pixels (default: the figure's `layout.height`, else 500). */
  height?: number;
  /**
   * Pixel density: PNG pixels per CSS pixel (default 2 for PNG, i.e. about 290 dpi for a 900 px wide figure
   * printed 16 cm wide; default 1 for SVG, where it only scales the `width`/`height` attributes).
   */
  scale?: number;
  /** Name of the figure in error messages (default "Abbildung"). */
  name?: string;
}

/** A running headless Chromium that turns figures into PNG and SVG. Close it when done. */
export interface FigureExporter {
  /** The figure as a PNG image (bytes), `width × scale` by `height × scale` pixels. */
  toPng(figure: Figure, options?: ImageOptions): Promise<Buffer>;
  /** The figure as an SVG document (text). Same figure and options → same text. */
  toSvg(figure: Figure, options?: ImageOptions): Promise<string>;
  /** Every request the page attempted and the exporter blocked (empty unless something tried the network). */
  readonly blockedRequests: readonly string[];
  /** Ends the browser. Safe to call twice; later exports throw. */
  close(): Promise<void>;
}

const DEFAULT_WIDTH = 900;
const DEFAULT_HEIGHT = 500;
const MAX_PIXELS = 16384; // Chromium's largest canvas side

/**
 * Starts one headless Chromium (via playwright-core) for static figure export and returns an exporter that draws
 * each figure with the page's `Plotly.toImage`: PNG for Word documents, SVG for PDF and print. The browser is
 * launched once and reused for every figure; the page is blank, with plotly.js inlined from node_modules (the
 * same bundle as the HTML report, `plotlyBundleSource`) and the offline geo assets installed before it, so maps
 * need no base-map download. Every network request is blocked; a figure that tries one fails with the URL in
 * the message, so an export is never silently incomplete. Exports run one after another (calls are queued).
 *
 * Deterministic: plotly's random element ids come from a generator reset before each figure (see
 * `seededRandomScript`) and the SVG's attributes are put in a fixed order ({@link canonicalSvg}), so the same
 * figure and options give the same SVG text; the PNG is Chromium's raster of the drawing and is stable on one
 * machine (fonts may differ between machines).
 *
 * Throws (rejects) when Chromium is missing, naming the path and `apt-get install chromium`.
 *
 * @example
 * const exporter = await createFigureExporter();
 * try {
 *   writeFileSync("rangfolge.png", await exporter.toPng(fig, { width: 900, height: 600, scale: 2 }));
 *   writeFileSync("rangfolge.svg", await exporter.toSvg(fig));
 * } finally {
 *   await exporter.close();
 * }
 */
export async function createFigureExporter(options: FigureExporterOptions = {}): Promise<FigureExporter> {
  const fn = "createFigureExporter";
  const executablePath = chromiumExecutable(options.executablePath, fn);
  const timeout = options.timeout ?? 60_000;
  if (!(Number.isFinite(timeout) && timeout > 0)) throw new Error(`${fn}: timeout muss eine positive Zahl von Millisekunden sein, angegeben ist ${timeout}`);

  const browser = await launchChromium(executablePath, fn, timeout);
  const blocked: string[] = [];
  const pageErrors: string[] = [];
  let page: Page;
  try {
    const context = await browser.newContext({ offline: true, locale: "de-DE", timezoneId: "Europe/Berlin" });
    await context.route("**/*", (route) => {
      blocked.push(route.request().url());
      return route.abort("blockedbyclient");
    });
    page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(e.message));
    page.on("websocket", (ws) => blocked.push(ws.url()));
    await loadExportPage(fn, page, pageErrors, timeout);
  } catch (e) {
    await browser.close().catch(() => undefined);
    throw e;
  }
  return new ChromiumFigureExporter(browser, page, blocked, pageErrors, timeout);
}

/** Loads (or reloads) the blank export page and checks that plotly.js is there. */
async function loadExportPage(fn: string, page: Page, pageErrors: string[], timeout: number): Promise<void> {
  const errorsBefore = pageErrors.length;
  await page.setContent(exportPageHtml(), { waitUntil: "load", timeout });
  const ready = await page.evaluate(() => typeof (window as unknown as { Plotly?: { toImage?: unknown } }).Plotly?.toImage === "function");
  if (!ready) throw new Error(`${fn}: plotly.js wurde in Chromium nicht geladen (${pageErrors.slice(errorsBefore).join("; ") || "keine Fehlermeldung"})`);
}

class ChromiumFigureExporter implements FigureExporter {
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  /** Set after a failed export: its leftovers (a half-drawn plot, timers using Math.random) must not touch the next. */
  private stale = false;

  constructor(
    private readonly browser: Browser,
    private readonly page: Page,
    private readonly blocked: string[],
    private readonly pageErrors: string[],
    private readonly timeout: number,
  ) {}

  get blockedRequests(): readonly string[] {
    return [...this.blocked];
  }

  async toPng(figure: Figure, options: ImageOptions = {}): Promise<Buffer> {
    const size = imageSize("toPng", figure, options, 2);
    const base64 = await this.render("toPng", figure, "png", size, options.name);
    const png = Buffer.from(base64, "base64");
    const got = pngSize(png);
    const want = { width: Math.floor(size.width * size.scale), height: Math.floor(size.height * size.scale) };
    if (got.width !== want.width || got.height !== want.height) {
      throw new Error(`toPng: Chromium lieferte ${got.width}×${got.height} Pixel für ${figureName(options.name)}, erwartet sind ${want.width}×${want.height}`);
    }
    return png;
  }

  async toSvg(figure: Figure, options: ImageOptions = {}): Promise<string> {
    return canonicalSvg(await this.render("toSvg", figure, "svg", imageSize("toSvg", figure, options, 1), options.name));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue.catch(() => undefined);
    await this.browser.close();
  }

  /** Queues one `Plotly.toImage` call; returns its data (base64 PNG or SVG text). */
  private render(fn: string, figure: Figure, format: "png" | "svg", size: Required<Omit<ImageOptions, "name">>, name?: string): Promise<string> {
    const label = figureName(name);
    if (this.closed) return Promise.reject(new Error(`${fn}: der Exporter ist geschlossen`));
    assertOfflineFigure(figure, label);
    // JSON, as in the HTML report: non-finite numbers become null and only plain data reaches the page.
    const json = JSON.stringify({ data: figure.data, layout: figure.layout, config: { ...baseConfig(), ...(figure.config ?? {}), responsive: false } });
    const run = async (): Promise<string> => {
      if (this.closed) throw new Error(`${fn}: der Exporter ist geschlossen`);
      if (this.stale) {
        await loadExportPage(fn, this.page, this.pageErrors, this.timeout);
        this.stale = false;
      }
      const blockedBefore = this.blocked.length;
      const errorsBefore = this.pageErrors.length;
      let timer: NodeJS.Timeout | undefined;
      try {
        const drawn = this.page.evaluate(
          async ({ json, format, width, height, scale }) => {
            const w = window as unknown as {
              __sozialraumResetRandom(): void;
              Plotly: { toImage(fig: unknown, opts: Record<string, unknown>): Promise<string> };
            };
            w.__sozialraumResetRandom();
            return w.Plotly.toImage(JSON.parse(json), { format, width, height, scale, imageDataOnly: true });
          },
          { json, format, ...size },
        );
        drawn.catch(() => undefined); // after a timeout nobody awaits it any more
        const timedOut = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`Zeitüberschreitung nach ${this.timeout} ms`)), this.timeout);
        });
        const result = await Promise.race([drawn, timedOut]);
        if (this.blocked.length > blockedBefore) throw new Error("eine Anfrage wurde blockiert");
        if (typeof result !== "string" || result === "") throw new Error("plotly lieferte kein Bild");
        return result;
      } catch (e) {
        this.stale = true;
        // A blocked request is the cause of whatever failed after it, so it is named first.
        const requests = this.blocked.slice(blockedBefore);
        const errors = this.pageErrors.slice(errorsBefore);
        const detail = requests.length
          ? `wollte ${requests.join(", ")} laden (blockiert: Exporte arbeiten offline)`
          : (e instanceof Error ? e.message : String(e)) + (errors.length ? ` (Seite: ${errors.join("; ")})` : "");
        throw new Error(`${fn}: ${label} konnte nicht als ${format.toUpperCase()} exportiert werden: ${detail}`);
      } finally {
        clearTimeout(timer);
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function figureName(name: string | undefined): string {
  return name === undefined ? "Abbildung" : `Abbildung "${name}"`;
}

/** Resolves and checks width, height and scale (defaults from the figure's layout). */
function imageSize(fn: string, figure: Figure, options: ImageOptions, defaultScale: number): { width: number; height: number; scale: number } {
  const layout = (figure?.layout ?? {}) as { width?: unknown; height?: unknown };
  const width = options.width ?? (typeof layout.width === "number" ? layout.width : DEFAULT_WIDTH);
  const height = options.height ?? (typeof layout.height === "number" ? layout.height : DEFAULT_HEIGHT);
  const scale = options.scale ?? defaultScale;
  for (const [key, value] of [["width", width], ["height", height]] as const) {
    if (!(Number.isInteger(value) && value >= 10 && value <= MAX_PIXELS)) {
      throw new Error(`${fn}: ${key} muss eine ganze Zahl von Pixeln zwischen 10 und ${MAX_PIXELS} sein, angegeben ist ${value} für ${figureName(options.name)}`);
    }
  }
  if (!(Number.isFinite(scale) && scale > 0 && Math.max(width, height) * scale <= MAX_PIXELS)) {
    throw new Error(`${fn}: scale muss positiv sein und höchstens ${MAX_PIXELS} Pixel je Seite ergeben, angegeben ist ${scale} für ${figureName(options.name)} (${width}×${height})`);
  }
  return { width, height, scale };
}

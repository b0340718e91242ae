import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { launchChromium } from "./launchChromium.js";
import { stampPdfDate } from "./stampPdfDate.js";

/** What {@link printPdf} prints: a self-contained HTML page as a string, or an HTML file (its own files may load). */
export type PdfSource = { html: string } | { file: string };

/** Options of {@link printPdf}. */
export interface PrintPdfOptions {
  /** Chromium executable (default `/usr/bin/chromium`). */
  executablePath?: string;
  /**
   * Date "YYYY-MM-DD" written as the PDF's creation and modification date (default: Chromium's clock). With it,
   * the same page gives the same bytes on one machine (fonts may differ between machines).
   */
  date?: string;
  /** Milliseconds for Chromium to start, load the page and draw the figures, each (default 60 000). */
  timeout?: number;
  /**
   * Wait until every plotly figure (`.sr-figure`) is drawn, then print collapsed `<details>` open with their
   * figures resized to the opened width (the report). Default false.
   */
  figures?: boolean;
  /** Page margin on all four sides, e.g. "12mm" (default: none, the page's `@page` CSS decides). */
  margin?: string;
}

/**
 * Prints an HTML page to an A4 PDF with headless Chromium (playwright-core): the page's print CSS applies
 * (`@page`, wide tables on landscape pages), backgrounds are printed so highlighted cells keep their colour. The one
 * PDF printer of the package: `steckbriefe.pdf` from an HTML string, `bericht.pdf` from the report file with
 * `figures: true`. Every request is blocked (for a file source, except files); one that was attempted makes the
 * print fail, so a PDF never silently lacks content. Chromium stamps the PDF with its clock; `date` replaces both
 * time stamps with that day ({@link stampPdfDate}), so the file is reproducible.
 *
 * @throws Error naming the source when Chromium is missing, or when the page tried to load anything.
 * @example
 * writeFileSync("steckbriefe.pdf", await printPdf({ html: reportHtml(doc) }, { date: "2024-03-01", margin: "12mm" }));
 * writeFileSync("bericht.pdf", await printPdf({ file: "out/bericht.html" }, { date: "2024-03-01", figures: true }));
 */
export async function printPdf(source: PdfSource, options: PrintPdfOptions = {}): Promise<Uint8Array> {
  const fn = "printPdf";
  const timeout = options.timeout ?? 60_000;
  const file = "file" in source ? source.file : undefined;
  const browser = await launchChromium(options.executablePath, fn, timeout);
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, offline: true, locale: "de-DE", timezoneId: "UTC" });
    const blocked: string[] = [];
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (file !== undefined && url.startsWith("file://")) return route.continue();
      blocked.push(url);
      return route.abort("blockedbyclient");
    });
    const page = await context.newPage();
    if (file !== undefined) await page.goto(pathToFileURL(file).href, { waitUntil: "load", timeout });
    else await page.setContent((source as { html: string }).html, { waitUntil: "load", timeout });
    if (options.figures) await drawFigures(page, timeout);
    await page.emulateMedia({ media: "print" });
    const m = options.margin;
    const pdf = new Uint8Array(await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true, ...(m ? { margin: { top: m, bottom: m, left: m, right: m } } : {}) }));
    if (blocked.length > 0) {
      throw new Error(`${fn}: ${file ?? "die Seite"} wollte ${blocked.length} Ressource(n) laden, z. B. ${blocked[0]}; die Seite muss offline funktionieren`);
    }
    return options.date ? stampPdfDate(pdf, options.date) : pdf;
  } finally {
    await browser.close();
  }
}

/** Waits for every plotly figure, opens collapsed sections and resizes their figures to the opened width. */
async function drawFigures(page: Page, timeout: number): Promise<void> {
  await page.waitForFunction(
    () => Array.from(document.querySelectorAll(".sr-figure")).every((d) => d.querySelector(".plot-container .main-svg")),
    undefined,
    { timeout },
  );
  await page.evaluate(() => {
    const w = window as unknown as { Plotly?: { Plots: { resize(el: Element): unknown } } };
    for (const d of Array.from(document.querySelectorAll("details"))) d.open = true;
    return Promise.all(Array.from(document.querySelectorAll("details .sr-figure")).map((f) => w.Plotly?.Plots.resize(f)));
  });
}

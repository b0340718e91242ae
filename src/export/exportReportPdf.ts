import { writeFileSync } from "node:fs";
import { stampPdfDate } from "./htmlToPdf.js";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, chromiumExecutable } from "./chromiumExecutable.js";

/** Options of {@link exportReportPdf}. */
export interface ExportReportPdfOptions {
  /** Chromium executable (default `/usr/bin/chromium`). */
  executablePath?: string;
  /** Report date "YYYY-MM-DD": written as the PDF's creation and modification date (default: left as Chromium wrote it). */
  date?: string;
  /** Milliseconds the figures may take to draw (default 60 000). */
  timeout?: number;
}

/**
 * Prints the HTML report `htmlFile` to `pdfFile` with headless Chromium (playwright-core): A4 with the report's
 * print styles (`@page`; wide tables on landscape pages), backgrounds printed so highlighted cells keep their
 * colour, after every plotly figure has been drawn. Every non-file request is blocked; one that was attempted
 * makes the export fail, so a PDF never silently lacks content.
 *
 * Deterministic for one date: Chromium stamps the PDF with the current time; with `date` both time stamps
 * (`/CreationDate`, `/ModDate`) are replaced by that date at 00:00 UTC, keeping the byte length (so the PDF's
 * cross-reference offsets stay valid).
 *
 * @example
 * await exportReportPdf("out/bericht.html", "out/bericht.pdf", { date: "2024-05-06" });
 */
export async function exportReportPdf(htmlFile: string, pdfFile: string, options: ExportReportPdfOptions = {}): Promise<void> {
  const fn = "exportReportPdf";
  const browser = await chromium.launch({ executablePath: chromiumExecutable(options.executablePath, fn), args: [...CHROMIUM_ARGS] });
  const blocked: string[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, offline: true });
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("file://")) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: "load" });
    await page.waitForFunction(
      () => Array.from(document.querySelectorAll(".sr-figure")).every((d) => d.querySelector(".plot-container .main-svg")),
      undefined,
      { timeout: options.timeout ?? 60_000 },
    );
    // Collapsed sections (appendix, Steckbriefe) are printed open, their figures resized to the opened width.
    await page.evaluate(() => {
      const w = window as unknown as { Plotly?: { Plots: { resize(el: Element): unknown } } };
      for (const d of Array.from(document.querySelectorAll("details"))) d.open = true;
      return Promise.all(Array.from(document.querySelectorAll("details .sr-figure")).map((f) => w.Plotly?.Plots.resize(f)));
    });
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
    if (blocked.length > 0) throw new Error(`${fn}: ${htmlFile} wollte ${blocked.join(", ")} laden; der Bericht muss offline funktionieren`);
    writeFileSync(pdfFile, options.date ? stampPdfDate(pdf, options.date) : pdf);
  } finally {
    await browser.close();
  }
}

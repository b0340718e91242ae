import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, chromiumExecutable } from "./chromiumExecutable.js";

/** Options of {@link htmlToPdf}. */
export interface HtmlToPdfOptions {
  /** Chromium executable (default `/usr/bin/chromium`). */
  executablePath?: string;
  /**
   * Date "YYYY-MM-DD" written as the PDF's creation and modification date (default: Chromium's clock). With it,
   * the same page gives the same bytes on one machine (fonts may differ between machines).
   */
  date?: string;
  /** Milliseconds for Chromium to start and print (default 60 000). */
  timeout?: number;
}

/**
 * Prints a self-contained HTML page to an A4 PDF with headless Chromium (playwright-core, network blocked, the
 * page's print CSS applies: `page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true })`).
 * Chromium stamps the PDF with its clock; `date` replaces both time stamps with that day (00:00:00 UTC), keeping
 * every byte offset, so the file is reproducible.
 *
 * @throws Error naming the path when Chromium is missing, or when the page tried to load anything.
 * @example
 * writeFileSync("steckbriefe.pdf", await htmlToPdf(reportHtml(doc), { date: "2024-03-01" }));
 */
export async function htmlToPdf(html: string, options: HtmlToPdfOptions = {}): Promise<Uint8Array> {
  const fn = "htmlToPdf";
  const executablePath = chromiumExecutable(options.executablePath, fn);
  const timeout = options.timeout ?? 60_000;
  const browser = await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS], timeout });
  try {
    const context = await browser.newContext({ offline: true, locale: "de-DE", timezoneId: "UTC" });
    const blocked: string[] = [];
    await context.route("**/*", (route) => {
      blocked.push(route.request().url());
      return route.abort("blockedbyclient");
    });
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: "load", timeout });
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true, margin: { top: "12mm", bottom: "12mm", left: "12mm", right: "12mm" } });
    if (blocked.length > 0) throw new Error(`${fn}: die Seite wollte ${blocked.length} Ressource(n) laden, z. B. ${blocked[0]}`);
    return options.date ? stampPdfDate(new Uint8Array(pdf), options.date) : new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}

/**
 * Replaces the time stamps of a PDF's info dictionary (`/CreationDate (D:…)` and `/ModDate`) with `date` at
 * 00:00:00 UTC, same length, so the cross-reference offsets stay valid. The one stamper of both PDFs
 * (`steckbriefe.pdf` through {@link htmlToPdf}, `bericht.pdf` through `exportReportPdf`).
 *
 * @example
 * stampPdfDate(bytes, "2024-03-01"); // "/CreationDate (D:20240301000000+00'00')"
 */
export function stampPdfDate(pdf: Uint8Array, date: string): Uint8Array {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`stampPdfDate: date muss die Form "YYYY-MM-DD" haben, angegeben ist "${date}"`);
  const text = Buffer.from(pdf).toString("latin1");
  const stamp = `D:${m[1]}${m[2]}${m[3]}000000+00'00'`;
  // Same length as the old value (Chromium writes exactly this form), so no byte offset moves.
  const stamped = text.replace(/(\/(?:CreationDate|ModDate) ?\()(D:[^)]*)\)/g, (_, key: string, old: string) => `${key}${stamp.padEnd(old.length, " ").slice(0, old.length)})`);
  return new Uint8Array(Buffer.from(stamped, "latin1"));
}

/**
 * Static export of figures as PNG and SVG through headless Chromium, for Word and PDF reports.
 * @module
 */
export { createFigureExporter } from "./createFigureExporter.js";
export type { FigureExporter, FigureExporterOptions, ImageOptions } from "./createFigureExporter.js";
export { exportFigures } from "./exportFigures.js";
export type { ExportFiguresOptions, ExportedFigure, ImageFormat, NamedFigure } from "./exportFigures.js";
export { exportReportFigures } from "./exportReportFigures.js";
export type { ExportReportFiguresOptions } from "./exportReportFigures.js";
export { reportFigures } from "./reportFigures.js";
export { figureFileName } from "./figureFileName.js";
export { pngSize, PNG_SIGNATURE } from "./pngSize.js";
export { chromiumExecutable, DEFAULT_CHROMIUM_PATH, CHROMIUM_ARGS } from "./chromiumExecutable.js";
export { exportPageHtml, seededRandomScript } from "./exportPageHtml.js";
export { canonicalSvg } from "./canonicalSvg.js";
export { printPdf } from "./printPdf.js";
export type { PdfSource, PrintPdfOptions } from "./printPdf.js";
export { stampPdfDate } from "./stampPdfDate.js";
export { launchChromium } from "./launchChromium.js";

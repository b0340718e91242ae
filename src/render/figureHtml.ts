import type { Figure } from "../plot/figure.js";
import { baseConfig } from "../plot/layout.js";
import { assertOfflineFigure } from "./assertOfflineFigure.js";
import { escapeHtml } from "./escapeHtml.js";
import { offlineGeoAssetsScript } from "./offlineGeoAssets.js";
import { plotlyBundleSource } from "./plotlyBundle.js";
import { safeJson } from "./safeJson.js";

/** Options of {@link figureHtml}. */
export interface FigureHtmlOptions {
  /** id of the figure's div (must be unique in the page). */
  id: string;
  /** CSS class of the div (default "sr-figure"). */
  className?: string;
  /** Accessible label of the figure (aria-label), e.g. its German title. */
  label?: string;
}

/**
 * A `<div>` plus the inline `<script>` that draws the figure into it with `Plotly.newPlot`. Needs the plotly
 * bundle earlier in the page ({@link plotlyScriptTags}). The figure's config is merged over the package
 * defaults (responsive, no logo link, German locale).
 *
 * @example
 * const html = plotlyScriptTags() + figureHtml(fig, { id: "rangfolge" });
 */
export function figureHtml(figure: Figure, options: FigureHtmlOptions): string {
  return `${figureDiv(options)}\n<script>${figureDrawScript(figure, options.id)}</script>\n`;
}

/** The empty `<div>` a figure is drawn into. */
export function figureDiv(options: FigureHtmlOptions): string {
  const aria = options.label ? ` role="img" aria-label="${escapeHtml(options.label)}"` : "";
  return `<div id="${escapeHtml(options.id)}" class="${escapeHtml(options.className ?? "sr-figure")}"${aria}></div>`;
}

/**
 * The JavaScript statement that draws `figure` into the element with id `id` (`Plotly.newPlot`), with the
 * figure's config merged over the package defaults. Checks first that the figure needs no network.
 */
export function figureDrawScript(figure: Figure, id: string): string {
  assertOfflineFigure(figure, `Abbildung "${id}"`);
  const config = { ...baseConfig(), ...(figure.config ?? {}) };
  return (
    `Plotly.newPlot(document.getElementById(${safeJson(id)}),` +
    `${safeJson(figure.data)},${safeJson(figure.layout)},${safeJson(config)});`
  );
}

/**
 * The `<script>` elements every page with figures needs, in this order: the offline geo assets (so plotly never
 * downloads a base map), the inlined plotly.js bundle, and a minimal German plotly locale.
 */
export function plotlyScriptTags(): string {
  return (
    `<script>${offlineGeoAssetsScript()}</script>\n` +
    `<script>/* plotly.js (MIT), inlined for offline use */\n${plotlyBundleSource()}\n</script>\n` +
    `<script>${germanLocaleScript()}</script>\n`
  );
}

/**
 * Registers a small German plotly locale ("de": modebar texts, decimal comma) unless one is already registered.
 * Complete locales live in the plotly.js-locales package; this covers what the report's charts show.
 */
export function germanLocaleScript(): string {
  const dictionary = {
    "Autoscale": "Automatische Skalierung",
    "Box Select": "Rechteckauswahl",
    "Click to enter Colorscale title": "Klicken, um den Farbskalentitel einzugeben",
    "Double-click to zoom back out": "Doppelklicken zum Herauszoomen",
    "Download plot as a png": "Graphen als PNG herunterladen",
    "Download plot": "Graphen herunterladen",
    "Lasso Select": "Lassoauswahl",
    "Pan": "Verschieben",
    "Reset axes": "Achsen zurücksetzen",
    "Reset view": "Ansicht zurücksetzen",
    "Reset": "Zurücksetzen",
    "Show closest data on hover": "Zeige nächstgelegene Daten bei Mouse-Hover",
    "Compare data on hover": "Vergleiche Daten bei Mouse-Hover",
    "Toggle Spike Lines": "Bezugslinien an-/ausschalten",
    "Zoom": "Zoom",
    "Zoom in": "Hineinzoomen",
    "Zoom out": "Herauszoomen",
  };
  const format = { decimal: ",", thousands: ".", grouping: [3], currency: ["", " €"] };
  return `if(window.Plotly&&Plotly.register){try{Plotly.register({moduleType:"locale",name:"de",dictionary:${safeJson(dictionary)},format:${safeJson(format)}});}catch(e){}}`;
}

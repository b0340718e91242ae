import { plotlyScriptTags } from "../render/figureHtml.js";

/**
 * Script that replaces the page's `Math.random` by a small seeded generator (mulberry32) and defines
 * `window.__sozialraumResetRandom()`. plotly.js names clip paths and definitions with random ids
 * (`Lib.randstr`, e.g. `clip33678cxyplot`); resetting the generator before every export makes those ids, and
 * so the SVG, the same byte for byte on every run. Nothing statistical uses this generator.
 */
export function seededRandomScript(): string {
  return (
    "(function(){var s=1;Math.random=function(){s=(s+0x6D2B79F5)|0;var t=Math.imul(s^(s>>>15),1|s);" +
    "t=(t+Math.imul(t^(t>>>7),61|t))^t;return((t^(t>>>14))>>>0)/4294967296;};" +
    "window.__sozialraumResetRandom=function(){s=1;};})();"
  );
}

/**
 * The blank page the exporter draws in: German, UTF-8, the seeded random generator, then the render module's
 * script tags (offline geo assets before the inlined plotly.js bundle, German locale). Loads nothing.
 */
export function exportPageHtml(): string {
  return (
    '<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n<title>sozialraum export</title>\n' +
    `<script>${seededRandomScript()}</script>\n${plotlyScriptTags()}</head>\n<body></body>\n</html>\n`
  );
}

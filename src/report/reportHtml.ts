import type { Figure } from "../plot/figure.js";
import { figureHtml, plotlyScriptTags } from "../render/figureHtml.js";
import { escapeHtml } from "../render/escapeHtml.js";
import { plotlyVersion } from "../render/plotlyBundle.js";
import { VERSION } from "../version.js";
import { formatCell } from "./formatCell.js";
import { HIGHLIGHT_CLASSES, HIGHLIGHT_COLORS, HIGHLIGHT_LABELS, highlightIndex } from "./highlightStyles.js";
import { germanDate, type ReportDocument, type ReportParameter } from "./reportDocument.js";
import type { ReportSection, ReportTable } from "./section.js";
import { tableSheetNames, WORKBOOK_FILE } from "./sheetNames.js";

/**
 * Rows a report table shows in the HTML report unless it sets `htmlRows`: longer tables show their first rows
 * and name the workbook sheet with the full table, which keeps the report readable (and printable).
 */
export const REPORT_TABLE_ROWS = 10;

/** Cells with more characters than this are laid out wide (CSS class "long"). */
const LONG_TEXT = 60;

/** Tables with more columns than this are printed on landscape pages. */
const WIDE_TABLE_COLUMNS = 8;

const CSS = `
:root{--text:#1a1a1a;--muted:#555;--line:#d0d0d0}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--text);margin:0 auto;padding:1.5rem 2rem 4rem;max-width:1320px;line-height:1.4}
header{border-bottom:2px solid var(--text);margin-bottom:1.5rem}
h1{margin:.2rem 0 .6rem;font-size:1.9rem}h2{margin-top:2.5rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}h3{margin-top:1.6rem}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.5rem 0 1rem}dl.meta dt{font-weight:600}dl.meta dd{margin:0}
nav.toc ol{padding-left:1.4rem;columns:3 18rem;column-gap:2rem}nav.toc a{text-decoration:none}
table{border-collapse:collapse;font-size:.8rem;line-height:1.25;margin:.5rem 0 .3rem}caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border:1px solid var(--line);padding:.1rem .4rem;vertical-align:top}th{background:#f2f2f2;text-align:left}
td.long{min-width:26rem}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.table-wrap{overflow-x:auto;max-width:100%}.table-wrap.params{display:flex;flex-wrap:wrap;gap:0 1.5rem;align-items:flex-start}.params table{flex:1 1 30rem}
.hl-stark{background:${HIGHLIGHT_COLORS["stark auffällig"]};font-weight:600}.hl-auffaellig{background:${HIGHLIGHT_COLORS["auffällig"]}}.hl-hinweis{background:${HIGHLIGHT_COLORS.hinweis}}
.legend{font-size:.8rem;color:var(--muted);margin:0 0 1rem}.legend span{display:inline-block;padding:0 .4rem;margin-right:.4rem;border:1px solid var(--line)}
p.more{font-size:.85rem;margin:.2rem 0 1rem}
.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(560px,1fr));gap:0 1.5rem}.figures.cols-3{grid-template-columns:repeat(auto-fill,minmax(380px,1fr))}.figures.cols-4{grid-template-columns:repeat(4,minmax(0,1fr))}
figure{margin:.8rem 0 1.2rem;min-width:0}figcaption{color:var(--muted);font-size:.85rem}figure h3{margin:.4rem 0 .2rem;font-size:1.05rem}
.sr-figure{width:100%}
footer{margin-top:3rem;border-top:1px solid var(--line);color:var(--muted);font-size:.8rem}
@page{size:A4;margin:14mm 12mm}
@page wide{size:A4 landscape;margin:12mm}
@media print{body{max-width:none;padding:0;font-size:10pt}.figures{display:block}figure,.sr-figure{break-inside:avoid}
nav.toc{break-after:page}h2{break-after:avoid}.table-wrap{overflow:visible}.table-wrap.wide{page:wide}table{font-size:7.5pt}td.long{min-width:0}
thead{display:table-header-group}tr{break-inside:avoid}a{color:inherit;text-decoration:none}}
details.collapsed>summary{cursor:pointer;margin-top:1.2rem;border-bottom:1px solid var(--line);padding:.2rem 0}
details.collapsed>summary h2{display:inline;margin:0;border:0;font-size:1.2rem}details.collapsed>summary .summary-line{color:var(--muted);font-size:.85rem;margin-left:.6rem}
details.collapsed[open]>summary .summary-line{display:none}
.steckbrief{font-size:.85rem}.steckbrief h2{margin:1.5rem 0 .4rem}.steckbrief p{margin:.3rem 0}details.steckbrief>summary{margin-top:.3rem}
.steckbrief table{font-size:.75rem;width:100%;margin:.25rem 0}.steckbrief th,.steckbrief td{padding:.1rem .3rem}
.steckbrief td:empty{height:1.4em}
@media print{details.collapsed>summary{list-style:none;border:0}details.collapsed>summary::-webkit-details-marker{display:none}details.collapsed>summary .summary-line{display:none}
details.collapsed>summary h2{display:block;font-size:1.3rem;border-bottom:1px solid var(--line)}}
@media print{@page{size:A4;margin:12mm}.steckbrief{page-break-before:always;break-before:page;font-size:8.5pt}
.steckbrief h2{margin-top:0;font-size:13pt}.steckbrief table{font-size:7pt}.steckbrief .legend{display:none}}
`;

/**
 * Clicking an area of any map jumps to its Steckbrief: plotly's click event names the clicked feature's id in
 * \`location\` (choropleth traces use the area ids as locations); areas without a Steckbrief do nothing.
 */
const STECKBRIEF_CLICK_SCRIPT =
  `(function(){var go=function(id){var a="steckbrief-"+String(id).replace(/[^\\w-]/g,"_");var el=document.getElementById(a);if(!el)return;` +
  `if(el.tagName==="DETAILS")el.open=true;if(location.hash==="#"+a)el.scrollIntoView();else location.hash=a;};` +
  `Array.prototype.forEach.call(document.querySelectorAll(".sr-figure"),function(d){if(d.on)d.on("plotly_click",function(e){` +
  `var p=e&&e.points&&e.points[0];if(p&&p.location!==undefined&&p.location!==null)go(p.location);});});})();`;

/**
 * Collapsed sections (`<details>`): plotly figures drawn while closed get their real size when opened; the
 * browser's print dialog and a link to an anchor inside open them first.
 */
const DETAILS_SCRIPT =
  `(function(){var ds=document.querySelectorAll("details.collapsed");Array.prototype.forEach.call(ds,function(d){d.addEventListener("toggle",function(){` +
  `if(d.open&&window.Plotly)Array.prototype.forEach.call(d.querySelectorAll(".sr-figure"),function(f){Plotly.Plots.resize(f);});});});` +
  `var openAll=function(){Array.prototype.forEach.call(ds,function(d){d.open=true;});};window.addEventListener("beforeprint",openAll);` +
  `var openHash=function(){var t=location.hash&&document.getElementById(decodeURIComponent(location.hash.slice(1)));` +
  `for(var e=t;e;e=e.parentElement)if(e.tagName==="DETAILS")e.open=true;};window.addEventListener("hashchange",openHash);openHash();})();`;

/** Options of {@link reportHtml}. */
export interface ReportHtmlOptions {
  /** Render collapsed sections open (e.g. for a PDF: steckbriefe.pdf). Default false. */
  expanded?: boolean;
}

/**
 * The German HTML report of an analysis, one self-contained file that works offline: header (title, "Stand",
 * data source, parameters), table of contents, then every section with its paragraphs, figures (plotly,
 * inlined) and tables (highlighted cells coloured, with a legend). Deterministic: depends only on `doc`.
 *
 * @example
 * writeFileSync("bericht.html", reportHtml({ title: "Sozialraumanalyse 2018", date: "2024-03-01",
 *   source: "Strukturdaten 2018", parameters: [{ label: "Mindesteinwohnerzahl", value: 300 }], sections }));
 */
export function reportHtml(doc: ReportDocument, options: ReportHtmlOptions = {}): string {
  checkSectionIds(doc.sections);
  const sheets = tableSheetNames(doc);
  const hasFigures = doc.sections.some((s) => (s.figures ?? []).length > 0);
  const parts: string[] = [];
  parts.push(
    `<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n` +
      `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
      `<meta name="generator" content="sozialraum ${escapeHtml(VERSION)}">\n` +
      `<title>${escapeHtml(doc.title)}</title>\n<style>${CSS}</style>\n` +
      (hasFigures ? plotlyScriptTags() : "") +
      `</head>\n<body>\n`,
  );
  parts.push(headerHtml(doc, options.expanded === true));
  parts.push(tocHtml(doc.sections));
  for (const section of doc.sections) parts.push(sectionHtml(section, sheets, options.expanded === true));
  if (doc.parameters.length > 0 || doc.sections.some((s) => s.collapsed !== undefined)) parts.push(`<script>${DETAILS_SCRIPT}</script>\n`);
  if (hasFigures && doc.sections.some((s) => s.className === "steckbrief")) parts.push(`<script>${STECKBRIEF_CLICK_SCRIPT}</script>\n`);
  parts.push(
    `<footer><p>Erstellt mit sozialraum ${escapeHtml(VERSION)}` +
      (hasFigures ? ` · Abbildungen: plotly.js ${escapeHtml(plotlyVersion())} (eingebettet, offline lesbar)` : "") +
      `</p></footer>\n</body>\n</html>\n`,
  );
  return parts.join("");
}

function headerHtml(doc: ReportDocument, expanded: boolean): string {
  // Two tables side by side (the first half of the parameters, then the rest): half the height. Collapsed under
  // a one-line summary, so that the first screen leads to the answer (Zusammenfassung), not to the settings.
  const half = Math.ceil(doc.parameters.length / 2);
  const paramTable = (ps: readonly ReportParameter[]) =>
    `<table class="parameters"><tbody>\n` +
    ps.map((p) => `<tr><th scope="row">${escapeHtml(p.label)}</th><td>${escapeHtml(parameterText(p))}</td></tr>\n`).join("") +
    `</tbody></table>`;
  const line = `${doc.parameters.length} Angaben: ${doc.parameters.slice(0, 3).map((p) => `${p.label} ${parameterText(p)}`).join(" · ")} …`;
  const params = doc.parameters.length
    ? `<details id="parameter" class="collapsed"${expanded ? " open" : ""}>\n<summary><h2>Parameter der Analyse</h2>` +
      `<span class="summary-line">${escapeHtml(line)}</span></summary>\n<div class="table-wrap params">` +
      [doc.parameters.slice(0, half), doc.parameters.slice(half)].filter((ps) => ps.length > 0).map(paramTable).join("\n") +
      `</div>\n</details>\n`
    : "";
  const intro = (doc.intro ?? []).map((p) => `<p>${escapeHtml(p)}</p>\n`).join("");
  return (
    `<header>\n<h1>${escapeHtml(doc.title)}</h1>\n<dl class="meta">\n` +
    `<dt>Stand</dt><dd><time datetime="${escapeHtml(doc.date)}">${germanDate(doc.date)}</time></dd>\n` +
    `<dt>Datenquelle</dt><dd>${escapeHtml(doc.source)}</dd>\n</dl>\n${intro}</header>\n${params}`
  );
}

/** A parameter value as German text. */
export function parameterText(p: ReportParameter): string {
  return formatCell(p.value);
}

function tocHtml(sections: readonly ReportSection[]): string {
  sections = sections.filter((s) => s.toc !== false);
  if (sections.length === 0) return "";
  return (
    `<nav class="toc" aria-label="Inhalt">\n<h2>Inhalt</h2>\n<ol>\n` +
    sections.map((s) => `<li><a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a></li>\n`).join("") +
    `</ol>\n</nav>\n`
  );
}

function sectionHtml(section: ReportSection, sheets: ReadonlyMap<ReportTable, string>, expanded: boolean): string {
  const collapsed = section.collapsed !== undefined;
  const classes = [...(collapsed ? ["collapsed"] : []), ...(section.className ? [section.className] : [])].join(" ");
  const cls = classes ? ` class="${escapeHtml(classes)}"` : "";
  const tag = collapsed ? "details" : "section";
  const out: string[] = [
    collapsed
      ? `<details id="${escapeHtml(section.id)}"${cls}${expanded ? " open" : ""}>\n<summary><h2>${escapeHtml(section.title)}</h2>` +
        `<span class="summary-line">${escapeHtml(section.collapsed!)}</span></summary>\n`
      : `<section id="${escapeHtml(section.id)}"${cls}>\n<h2>${escapeHtml(section.title)}</h2>\n`,
  ];
  for (const p of section.paragraphs ?? []) out.push(`<p>${escapeHtml(p)}</p>\n`);
  const figures = section.figures ?? [];
  // Several figures side by side: two per row, three when there are three or more (e.g. one row per target
  // group), four in one row when there are exactly four (e.g. the indicator bars of a target group).
  const cols = figures.length === 4 ? " cols-4" : figures.length >= 3 ? " cols-3" : "";
  if (figures.length > 1) out.push(`<div class="figures${cols}">\n`);
  figures.forEach((f, i) => {
    out.push(
      `<figure>\n<h3>${escapeHtml(f.title)}</h3>\n` +
        figureHtml(withoutRepeatedTitle(f.figure, f.title), { id: `${section.id}-abbildung-${i + 1}`, label: f.title }) +
        (f.caption ? `<figcaption>${escapeHtml(f.caption)}</figcaption>\n` : "") +
        `</figure>\n`,
    );
  });
  if (figures.length > 1) out.push(`</div>\n`);
  (section.tables ?? []).forEach((t, i) => {
    if (t.html !== false) out.push(tableHtml(t, `${section.id}-tabelle-${i + 1}`, sheets.get(t) ?? sheetOfTitle(sheets, t.fullTable)));
  });
  out.push(`</${tag}>\n`);
  return out.join("");
}

/**
 * One report table as HTML: caption, header row, cells formatted German, highlighted cells coloured. Given the
 * name of the workbook sheet that holds the table, a table longer than its `htmlRows` (default
 * {@link REPORT_TABLE_ROWS}) shows its first rows and a sentence naming that sheet.
 */
export function tableHtml(table: ReportTable, id: string, sheet?: string): string {
  const hl = highlightIndex(table);
  const head = table.columns.map((c) => `<th scope="col">${escapeHtml(c.label)}</th>`).join("");
  const limit = table.htmlRows ?? REPORT_TABLE_ROWS;
  const shown = sheet !== undefined && table.rows.length > limit ? table.rows.slice(0, limit) : table.rows;
  const more =
    shown.length < table.rows.length
      ? `<p class="more">Gezeigt sind die ersten ${shown.length} von ${table.rows.length} Zeilen. ` +
        `Die vollständige Tabelle steht im Blatt „${escapeHtml(sheet!)}“ der Arbeitsmappe ${WORKBOOK_FILE}.</p>\n`
      : "";
  const body = shown
    .map((row, r) => {
      const cells = table.columns
        .map((c) => {
          const v = row[c.key];
          const level = hl.get(r)?.get(c.key);
          const text = formatCell(v, c.decimals);
          // Long text gets a wide cell: a narrow one would wrap it into a tall row.
          const kind = typeof v === "number" ? "num" : text.length > LONG_TEXT ? "long" : "";
          const cls = [kind, level ? HIGHLIGHT_CLASSES[level] : ""].filter(Boolean).join(" ");
          const title = level ? ` title="${escapeHtml(level)}"` : "";
          return `<td${cls ? ` class="${cls}"` : ""}${title}>${escapeHtml(text)}</td>`;
        })
        .join("");
      return `<tr>${cells}</tr>\n`;
    })
    .join("");
  const used = new Set((table.highlight ?? []).filter((h) => h.row < shown.length).map((h) => h.level));
  const legend = used.size
    ? `<p class="legend">Markierung: ${HIGHLIGHT_LABELS.filter(([l]) => used.has(l))
        .map(([l, text]) => `<span class="${HIGHLIGHT_CLASSES[l]}">${escapeHtml(text)}</span>`)
        .join("")}</p>\n`
    : "";
  const empty = table.rows.length === 0 ? `<tr><td colspan="${table.columns.length}">keine Einträge</td></tr>\n` : "";
  const wide = table.columns.length > WIDE_TABLE_COLUMNS ? " wide" : "";
  return (
    `<div class="table-wrap${wide}"><table id="${escapeHtml(id)}">\n<caption>${escapeHtml(table.title)}</caption>\n` +
    `<thead><tr>${head}</tr></thead>\n<tbody>\n${body}${empty}</tbody>\n</table></div>\n${more}${legend}`
  );
}

function sheetOfTitle(sheets: ReadonlyMap<ReportTable, string>, title: string | undefined): string | undefined {
  if (title === undefined) return undefined;
  for (const [table, name] of sheets) if (table.title === title) return name;
  return undefined;
}

/** The heading above a figure already names it: drop an identical plotly title (and its top margin). */
function withoutRepeatedTitle(figure: Figure, title: string): Figure {
  const t = figure.layout.title as { text?: unknown } | string | undefined;
  const text = typeof t === "string" ? t : t?.text;
  if (text !== title) return figure;
  const margin = { ...((figure.layout.margin as Record<string, unknown> | undefined) ?? {}) };
  // Plotly's title takes about 25 px of the top margin; the rest (e.g. rotated axis labels on top) stays.
  margin.t = Math.max(20, (typeof margin.t === "number" ? margin.t : 100) - 25);
  return { ...figure, layout: { ...figure.layout, title: { text: "" }, margin } };
}

function checkSectionIds(sections: readonly ReportSection[]): void {
  const seen = new Set<string>(["parameter"]);
  for (const s of sections) {
    if (!/^[A-Za-z][\w-]*$/.test(s.id)) throw new Error(`reportHtml: Abschnitts-id "${s.id}" muss mit einem Buchstaben beginnen und darf nur Buchstaben, Ziffern, "_" und "-" enthalten`);
    if (seen.has(s.id)) throw new Error(`reportHtml: Abschnitts-id "${s.id}" kommt doppelt vor (oder ist reserviert)`);
    seen.add(s.id);
  }
}

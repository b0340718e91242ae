/**
 * Text operations on a notebook's HTML rendering (nbconvert output) for the static twins of its plotly figures:
 * stable figure ids, where the figures are, and the `<noscript>` image inserted after each figure's div.
 * No browser here (see notebookBrowser.ts); used by scripts/notebook-html.ts.
 */
import { escapeHtml } from "../../src/render/escapeHtml.js";

/** CSS class of the inserted `<noscript>` elements (also how a rerun finds and replaces them). */
export const STATIC_FIGURE_CLASS = "sr-static-figure";

/** A figure's div id as `notebookFigureHtml` writes it in a kernel session: `sozialraum-fig-<pid>-<n>`. */
const SESSION_ID = /<div\b[^>]*?\sid="(sozialraum-fig-\d+-\d+)"/g;
/** A div start tag with its id; the class is checked separately. */
const DIV_WITH_ID = /<div\b[^>]*?\sid="([^"]+)"[^>]*>/g;
/** The target of a plotly draw call: `Plotly.newPlot(document.getElementById("…")` (a JSON string literal). */
const DRAW_TARGET = /Plotly\.(?:newPlot|react|plot)\(\s*document\.getElementById\(\s*("(?:[^"\\]|\\.)*")\s*\)/g;
const INSERTED = new RegExp(`<noscript class="${STATIC_FIGURE_CLASS}"[^>]*>[\\s\\S]*?</noscript>\\n?`, "g");

/**
 * Renames the kernel-session ids of `notebookFigureHtml` (`sozialraum-fig-<process id>-<n>`, unique in a live
 * notebook, but different on every run) to `sozialraum-fig-<k>`, k = 1, 2, … in document order, so the same
 * notebook gives the same HTML bytes. Every occurrence of the quoted id is replaced (the div's `id="…"` and the
 * draw script's `getElementById("…")`). Other ids are left alone. Idempotent.
 *
 * @example
 * stableFigureIds('<div id="sozialraum-fig-4711-1" class="sr-figure"></div>…getElementById("sozialraum-fig-4711-1")')
 * // '<div id="sozialraum-fig-1" class="sr-figure"></div>…getElementById("sozialraum-fig-1")'
 */
export function stableFigureIds(html: string): string {
  const sessionIds = [...new Set([...html.matchAll(SESSION_ID)].map((m) => m[1]))];
  let out = html;
  sessionIds.forEach((old, i) => {
    const stable = `sozialraum-fig-${i + 1}`;
    if (out.includes(`"${stable}"`)) throw new Error(`stableFigureIds: id "${stable}" is already used in the page; cannot rename "${old}"`);
    out = out.split(`"${old}"`).join(`"${stable}"`);
  });
  return out;
}

/**
 * The ids of every plotly figure in the HTML, in document order: divs with class `sr-figure` (the render
 * module's figure divs) and every element a `Plotly.newPlot(document.getElementById("…"), …)` call draws into.
 * Throws when such an id is not on exactly one div (the static image could not be placed).
 */
export function figureIds(html: string, file = "page"): string[] {
  const divs = new Map<string, number[]>();
  const found = new Map<string, number>();
  for (const m of html.matchAll(DIV_WITH_ID)) {
    const at = m.index ?? 0;
    divs.set(m[1], [...(divs.get(m[1]) ?? []), at]);
    const cls = /\sclass="([^"]*)"/.exec(m[0])?.[1] ?? "";
    if (cls.split(/\s+/).includes("sr-figure") && !found.has(m[1])) found.set(m[1], at);
  }
  for (const m of html.matchAll(DRAW_TARGET)) {
    const id = JSON.parse(m[1]) as string;
    if (!found.has(id)) found.set(id, divs.get(id)?.[0] ?? m.index ?? 0);
  }
  for (const id of found.keys()) {
    const n = divs.get(id)?.length ?? 0;
    if (n !== 1) throw new Error(`figureIds: figure id "${id}" is on ${n} div elements in ${file}; it must be on exactly one`);
  }
  return [...found.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
}

/** Removes the `<noscript class="sr-static-figure">` elements a previous run inserted. */
export function removeStaticFigures(html: string): string {
  return html.replace(INSERTED, "");
}

/** A static image of one figure, to insert after the figure's div. */
export interface StaticFigure {
  /** The figure div's id. */
  id: string;
  /** URL of the PNG relative to the page, e.g. `01-daten-abbildungen/abbildung-1.png` ({@link imageSrc}). */
  src: string;
  /** Alternative text (the figure's title). */
  alt: string;
  /** Display width and height in CSS pixels (the PNG may have more pixels, e.g. twice as many for sharp print). */
  width: number;
  height: number;
}

/** The relative URL of a PNG in a folder beside the page: each path segment percent-encoded. */
export function imageSrc(folder: string, file: string): string {
  return `${encodeURIComponent(folder)}/${encodeURIComponent(file)}`;
}

/**
 * The element inserted after a figure's div: `<noscript class="sr-static-figure" data-figure-id="…"><img …>
 * </noscript>`. The PNG is referenced, not inlined: it is written once, beside the page
 * (`<name>-abbildungen/`), instead of once as a file and again as a base64 data: URL. Browsers with JavaScript
 * show the interactive plot and ignore it; without JavaScript (scripts off, sandboxed viewers, some mail and
 * archive viewers) the image is shown where the plot would be.
 */
export function staticFigureHtml(figure: StaticFigure): string {
  return (
    `<noscript class="${STATIC_FIGURE_CLASS}" data-figure-id="${escapeHtml(figure.id)}">` +
    `<img src="${escapeHtml(figure.src)}" alt="${escapeHtml(figure.alt)}" width="${figure.width}" height="${figure.height}" ` +
    `style="max-width:100%;height:auto"></noscript>\n`
  );
}

/**
 * Inserts each figure's {@link staticFigureHtml} right after the end of the div with its id (found by balancing
 * `<div` and `</div>` from its start tag) and returns the new HTML. Images inserted by an earlier run are
 * removed first, so running it again gives the same bytes. Throws naming the id when its div is missing,
 * not unique, or not closed.
 */
export function insertStaticFigures(html: string, figures: readonly StaticFigure[]): string {
  let out = removeStaticFigures(html);
  // From the last position to the first, so earlier insertions do not shift later positions.
  const positions = figures.map((f) => ({ f, at: endOfDiv(out, f.id) })).sort((a, b) => b.at - a.at);
  for (const { f, at } of positions) {
    const newline = out[at] === "\n" ? 1 : 0;
    out = out.slice(0, at + newline) + staticFigureHtml(f) + out.slice(at + newline);
  }
  return out;
}

/** Index just after the `</div>` that closes the div with this id. */
function endOfDiv(html: string, id: string): number {
  const starts = [...html.matchAll(DIV_WITH_ID)].filter((m) => m[1] === id);
  if (starts.length !== 1) throw new Error(`insertStaticFigures: figure id "${id}" is on ${starts.length} div elements; it must be on exactly one`);
  const tag = /<div\b|<\/div\s*>/gi;
  tag.lastIndex = (starts[0].index as number) + starts[0][0].length;
  let depth = 1;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    depth += m[0].startsWith("</") ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  throw new Error(`insertStaticFigures: the div with id "${id}" is not closed`);
}

/** Plain text of a plotly title (string or `{ text }`): tags removed (`<br>` becomes a space), spaces collapsed. */
export function plainTitle(title: unknown): string {
  const text = typeof title === "string" ? title : typeof (title as { text?: unknown })?.text === "string" ? (title as { text: string }).text : "";
  return text
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

import type { Figure } from "../plot/figure.js";
import { escapeHtml } from "./escapeHtml.js";
import { figureHtml, plotlyScriptTags } from "./figureHtml.js";

/** A figure with an optional German heading and caption. */
export interface TitledFigure {
  figure: Figure;
  title?: string;
  caption?: string;
}

/** Options of {@link figuresToHtml}. */
export interface FiguresToHtmlOptions {
  /** Page title (default "Abbildungen"). */
  title?: string;
  /** Return a fragment (plotly scripts + figures, no html/head/body) instead of a full page. */
  fragment?: boolean;
  /** Prefix of the figure div ids (default "abbildung"): ids are `<prefix>-1`, `<prefix>-2`, … */
  idPrefix?: string;
}

/**
 * Turns figures into one self-contained HTML document (or fragment) that draws them offline: the plotly.js
 * bundle is inlined, geo figures get empty offline base maps, no element loads anything from the network.
 * The output depends only on the input (ids are numbered, no dates, no random values).
 *
 * @example
 * writeFileSync("abbildungen.html", figuresToHtml([rankingBarFigure(rows, { value: "index" })], { title: "Rangfolge" }));
 */
export function figuresToHtml(figures: ReadonlyArray<Figure | TitledFigure>, options: FiguresToHtmlOptions = {}): string {
  const prefix = options.idPrefix ?? "abbildung";
  const body = figures
    .map((f, i) => {
      const item: TitledFigure = "figure" in f ? (f as TitledFigure) : { figure: f as Figure };
      const heading = item.title ? `<h2>${escapeHtml(item.title)}</h2>\n` : "";
      const caption = item.caption ? `<figcaption>${escapeHtml(item.caption)}</figcaption>\n` : "";
      return `<figure>\n${heading}${figureHtml(item.figure, { id: `${prefix}-${i + 1}`, label: item.title })}${caption}</figure>\n`;
    })
    .join("");
  const fragment = plotlyScriptTags() + body;
  if (options.fragment) return fragment;
  const title = escapeHtml(options.title ?? "Abbildungen");
  return (
    `<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${title}</title>\n` +
    `<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:1100px}figure{margin:0 0 2rem}figcaption{color:#555;font-size:.9rem}</style>\n` +
    `</head>\n<body>\n<h1>${title}</h1>\n${fragment}</body>\n</html>\n`
  );
}

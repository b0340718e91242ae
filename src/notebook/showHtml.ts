import { tslabDisplay } from "./tslabDisplay.js";

/** Shows raw HTML in a tslab notebook (the caller escapes any text in it). */
export function showHtml(html: string): void {
  tslabDisplay("showHtml").html(html);
}

/** Shows Markdown in a tslab notebook (e.g. a German summary computed from the data). */
export function showMarkdown(markdown: string): void {
  tslabDisplay("showMarkdown").markdown(markdown);
}

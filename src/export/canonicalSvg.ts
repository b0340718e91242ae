/** A start tag with its attributes, as XMLSerializer writes them (double quotes; `"` inside a value is `&quot;`). */
const START_TAG = /<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*="[^"]*")+)(\s*\/?)>/g;
const ATTRIBUTE = /\s+([A-Za-z_][\w.:-]*)="([^"]*)"/g;

/**
 * The SVG text with the attributes of every element in a fixed order: namespace declarations (`xmlns`,
 * `xmlns:*`) first, then the others sorted by name; values unchanged. XML gives attribute order no meaning
 * (XML 1.0, section 3.1), but a serializer writes attributes in the order they were created, and plotly.js
 * creates some (e.g. `style` and `viewBox` on the root element) in an order that depends on the timing of
 * asynchronous drawing. Sorting makes the same drawing the same bytes.
 *
 * @example
 * canonicalSvg('<svg width="10" xmlns="http://www.w3.org/2000/svg" style=""><g/></svg>');
 * // '<svg xmlns="http://www.w3.org/2000/svg" style="" width="10"><g/></svg>'
 */
export function canonicalSvg(svg: string): string {
  if (typeof svg !== "string") throw new Error(`canonicalSvg: svg muss eine Zeichenkette sein, angegeben ist ${typeof svg}`);
  return svg.replace(START_TAG, (_tag, name: string, attributes: string, end: string) => {
    const list = [...attributes.matchAll(ATTRIBUTE)].map((m) => ({ name: m[1], text: m[0].trimStart() }));
    list.sort((a, b) => rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return `<${name} ${list.map((a) => a.text).join(" ")}${end.trim() === "/" ? "/" : ""}>`;
  });
}

function rank(name: string): number {
  return name === "xmlns" ? 0 : name.startsWith("xmlns:") ? 1 : 2;
}

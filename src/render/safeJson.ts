/**
 * JSON for embedding inside an HTML `<script>` element: `<`, `>`, `&` and the JavaScript line separators
 * U+2028/U+2029 are written as \u escapes, so data can never close the script element or break the parser.
 * Non-finite numbers become null (as in JSON.stringify).
 *
 * @example
 * safeJson({ name: "</script>" }); // '{"name":"\u003c/script\u003e"}'
 */
export function safeJson(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) return "null";
  return json.replace(/[<>&\u2028\u2029]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}

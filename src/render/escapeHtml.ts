/**
 * Escapes text for HTML element content and attribute values (&, <, >, ", ').
 *
 * @example
 * escapeHtml('Kinder & Jugendliche <unter 18>'); // "Kinder &amp; Jugendliche &lt;unter 18&gt;"
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

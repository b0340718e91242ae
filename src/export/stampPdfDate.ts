/**
 * Replaces the time stamps of a PDF's info dictionary (`/CreationDate (D:…)` and `/ModDate`) with `date` at
 * 00:00:00 UTC, same length, so the cross-reference offsets stay valid. The one stamper of the package's PDFs
 * (`steckbriefe.pdf` and `bericht.pdf`, both printed by `printPdf`).
 *
 * @example
 * stampPdfDate(bytes, "2024-03-01"); // "/CreationDate (D:20240301000000+00'00')"
 */
export function stampPdfDate(pdf: Uint8Array, date: string): Uint8Array {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`stampPdfDate: date muss die Form "YYYY-MM-DD" haben, angegeben ist "${date}"`);
  const text = Buffer.from(pdf).toString("latin1");
  const stamp = `D:${m[1]}${m[2]}${m[3]}000000+00'00'`;
  // Same length as the old value (Chromium writes exactly this form), so no byte offset moves.
  const stamped = text.replace(/(\/(?:CreationDate|ModDate) ?\()(D:[^)]*)\)/g, (_, key: string, old: string) => `${key}${stamp.padEnd(old.length, " ").slice(0, old.length)})`);
  return new Uint8Array(Buffer.from(stamped, "latin1"));
}

import type { Row } from "../classify/columns.js";
import type { ValidRule } from "../classify/compositeIndex.js";

/** Reasons from the validity rule (same wording as `compositeIndex`), undefined where the area takes part. */
export function validityReasons(fn: string, rows: ReadonlyArray<Row>, ids: string[], valid: ValidRule | undefined, has: (c: string) => boolean): Array<string | undefined> {
  const reason = new Array<string | undefined>(rows.length);
  if (typeof valid === "function") {
    rows.forEach((row, i) => {
      const r = valid(row, i);
      if (r !== true) {
        if (typeof r !== "string" || r === "") throw new Error(`${fn}: valid() muss true oder einen Grund (Text) liefern, lieferte ${JSON.stringify(r)} für Gebiet "${ids[i]}"`);
        reason[i] = r;
      }
    });
  } else if (valid !== undefined) {
    if (!has(valid.column)) throw new Error(`${fn}: Gültigkeitsspalte "${valid.column}" (valid.column) nicht gefunden`);
    const allowed = Array.isArray(valid.value) ? valid.value : [valid.value];
    const allowedSet = new Set(allowed.map(String));
    const expected = allowed.map((a) => `"${a}"`).join(" oder ");
    rows.forEach((row, i) => {
      const v = row[valid.column];
      if (!allowedSet.has(String(v))) reason[i] = `${valid.column} ist "${v === undefined || v === null ? "" : String(v)}", nicht ${expected}`;
    });
  }
  return reason;
}

import type { IndicatorDefinition, ValidatedIndicator } from "./indicatorDefinition.js";
import { TARGET_GROUPS, isTargetGroup } from "./targetGroups.js";

/** Options of {@link validateIndicators}. */
export interface ValidateIndicatorsOptions {
  /** The columns of the area table; when given, every numerator/denominator column must be one of them. */
  columns?: readonly string[];
}

const KEYS = new Set([
  "id", "label", "targetGroup", "numerator", "denominator", "unit", "direction", "minimumBase", "source", "description",
]);
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/**
 * Checks an indicator configuration (e.g. parsed from a JSON file) and returns it normalised: column lists as
 * arrays, `minimumBase` defaulting to 0. Every problem is collected and reported in one error, one line per
 * problem, naming the indicator and the offending value, so a user can fix a configuration file in one go.
 * Inputs are not modified.
 *
 * Checks: non-empty list; known properties only; unique ids of letters, digits, "_" and "-"; non-empty label
 * and source; a known target group; non-empty numerator and denominator lists without repeats and, with
 * `columns`, only known columns; unit "%" or "‰"; direction 1 or −1; minimumBase a finite number ≥ 0.
 *
 * @example
 * validateIndicators(DEFAULT_INDICATORS, { columns: Object.keys(rows[0]) });
 * validateIndicators([{ ...DEFAULT_INDICATORS[0], targetGroup: "kids" }]);
 * // Error: validateIndicators: 1 Problem in der Indikatorkonfiguration:
 * //   - Indikator "kinderarmut": unbekannte Zielgruppe "kids" (möglich: children, working-age, elderly, context)
 */
export function validateIndicators(
  definitions: readonly IndicatorDefinition[] | unknown,
  options: ValidateIndicatorsOptions = {},
): ValidatedIndicator[] {
  const problems: string[] = [];
  if (!Array.isArray(definitions)) {
    throw new TypeError(`validateIndicators: erwartet wird eine Liste von Indikatordefinitionen, angegeben ist ${describe(definitions)}`);
  }
  if (definitions.length === 0) throw new RangeError("validateIndicators: die Liste der Indikatoren ist leer");
  const columns = options.columns ? new Set(options.columns) : null;
  const seen = new Map<string, number>();
  const out: ValidatedIndicator[] = [];

  definitions.forEach((raw: unknown, index: number) => {
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
      problems.push(`Eintrag ${index + 1}: erwartet wird ein Objekt, angegeben ist ${describe(raw)}`);
      return;
    }
    const d = raw as Record<string, unknown>;
    const name = typeof d.id === "string" && d.id !== "" ? `Indikator "${d.id}"` : `Eintrag ${index + 1}`;
    const problem = (text: string) => problems.push(`${name}: ${text}`);

    for (const key of Object.keys(d)) if (!KEYS.has(key)) problem(`unbekannte Eigenschaft "${key}"`);
    if (typeof d.id !== "string" || !ID_PATTERN.test(d.id)) {
      problem(`id muss eine Zeichenkette aus Buchstaben, Ziffern, "_" oder "-" sein, angegeben ist ${describe(d.id)}`);
    } else if (seen.has(d.id)) {
      problem(`id doppelt (auch in Eintrag ${seen.get(d.id)! + 1})`);
    } else {
      seen.set(d.id, index);
    }
    if (typeof d.label !== "string" || d.label.trim() === "") problem(`label muss eine nicht leere Zeichenkette sein, angegeben ist ${describe(d.label)}`);
    if (!isTargetGroup(d.targetGroup)) {
      problem(`unbekannte Zielgruppe ${describe(d.targetGroup)} (möglich: ${TARGET_GROUPS.join(", ")})`);
    }
    const numerator = columnList(d.numerator, "numerator", problem, columns);
    const denominator = columnList(d.denominator, "denominator", problem, columns);
    if (d.unit !== "%" && d.unit !== "‰") problem(`unit muss "%" oder "‰" sein, angegeben ist ${describe(d.unit)}`);
    if (d.direction !== 1 && d.direction !== -1) problem(`direction muss 1 oder -1 sein, angegeben ist ${describe(d.direction)}`);
    const minimumBase = d.minimumBase ?? 0;
    if (typeof minimumBase !== "number" || !Number.isFinite(minimumBase) || minimumBase < 0) {
      problem(`minimumBase muss eine endliche Zahl ≥ 0 sein, angegeben ist ${describe(d.minimumBase)}`);
    }
    if (typeof d.source !== "string" || d.source.trim() === "") problem(`source muss eine nicht leere Zeichenkette sein, angegeben ist ${describe(d.source)}`);
    if (d.description !== undefined && typeof d.description !== "string") {
      problem(`description muss eine Zeichenkette sein, angegeben ist ${describe(d.description)}`);
    }
    const result = { ...(d as unknown as IndicatorDefinition), numerator, denominator, minimumBase: minimumBase as number };
    out.push(result);
  });

  if (problems.length > 0) {
    const head = `validateIndicators: ${problems.length} ${problems.length === 1 ? "Problem" : "Probleme"} in der Indikatorkonfiguration:`;
    throw new Error([head, ...problems.map((p) => `  - ${p}`)].join("\n"));
  }
  return out;
}

function columnList(
  value: unknown,
  side: "numerator" | "denominator",
  problem: (text: string) => void,
  columns: Set<string> | null,
): string[] {
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list) || list.length === 0 || list.some((c) => typeof c !== "string" || c === "")) {
    problem(`${side} muss ein Spaltenname oder eine nicht leere Liste von Spaltennamen sein, angegeben ist ${describe(value)}`);
    return [];
  }
  const names = list as string[];
  const repeated = names.filter((c, i) => names.indexOf(c) !== i);
  if (repeated.length > 0) problem(`Spalte "${repeated[0]}" kommt in ${side} doppelt vor`);
  if (columns) for (const c of names) if (!columns.has(c)) problem(`unbekannte Spalte "${c}" in ${side}`);
  return [...names];
}

function describe(value: unknown): string {
  if (value === undefined) return "nichts";
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(describe).join(", ")}]`;
  if (value !== null && typeof value === "object") return "ein Objekt";
  return String(value);
}

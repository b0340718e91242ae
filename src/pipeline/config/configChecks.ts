/**
 * The checks the section resolvers of `resolveAnalysisConfig` share. Each check returns the value (or the default
 * when it is not given) and adds a German problem line naming the key path and the value when it is wrong, so
 * every problem of a configuration is reported at once.
 */
export interface ConfigChecks {
  /** The problems found so far, one line each. */
  problems: string[];
  /** A non-empty text. */
  text(path: string, v: unknown, dflt: string): string;
  /** A finite number passing `check` (`what` describes the allowed values). */
  num(path: string, v: unknown, dflt: number, check: (x: number) => boolean, what: string): number;
  /** true or false (null: the default, as for `choice`). */
  bool(path: string, v: unknown, dflt: boolean): boolean;
  /** One of a few texts (null: the default). */
  choice<T extends string>(path: string, v: unknown, dflt: T, allowed: readonly T[]): T;
  /** A list of non-empty texts (copied). */
  stringList(path: string, v: unknown): string[];
}

/** German "a", "b" oder "c". */
export function orList(values: readonly unknown[]): string {
  const q = values.map((v) => JSON.stringify(v));
  return q.length <= 1 ? q.join("") : `${q.slice(0, -1).join(", ")} oder ${q[q.length - 1]}`;
}

/**
 * The checks, adding to `problems`.
 *
 * @example
 * const checks = configChecks([]);
 * checks.num("seed", 1.5, 1, Number.isInteger, "eine ganze Zahl"); // 1
 * checks.problems; // ['"seed" muss eine ganze Zahl sein, angegeben: 1.5']
 */
export function configChecks(problems: string[]): ConfigChecks {
  const wrong = (path: string, what: string, v: unknown) => problems.push(`"${path}" muss ${what} sein, angegeben: ${JSON.stringify(v)}`);
  return {
    problems,
    text(path, v, dflt) {
      if (v === undefined) return dflt;
      if (typeof v !== "string" || v === "") return wrong(path, "ein nicht leerer Text", v), dflt;
      return v;
    },
    num(path, v, dflt, check, what) {
      if (v === undefined) return dflt;
      if (typeof v !== "number" || !Number.isFinite(v) || !check(v)) return wrong(path, what, v), dflt;
      return v;
    },
    bool(path, v, dflt) {
      if (v === undefined || v === null) return dflt;
      if (typeof v !== "boolean") wrong(path, "true oder false", v);
      return v as boolean;
    },
    choice(path, v, dflt, allowed) {
      if (v === undefined || v === null) return dflt;
      if (!allowed.includes(v as never)) wrong(path, orList(allowed), v);
      return v as typeof dflt;
    },
    stringList(path, v) {
      if (!Array.isArray(v) || v.some((x) => typeof x !== "string" || x === "")) return wrong(path, "eine Liste nicht leerer Texte", v), [];
      return [...(v as string[])];
    },
  };
}

/** A section's object (`{}` when it is not given or not an object; the key check reports the latter). */
export function sectionOf<T extends object>(v: T | false | null | undefined): Partial<T> {
  return v !== null && typeof v === "object" ? v : {};
}

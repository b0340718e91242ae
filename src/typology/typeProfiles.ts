/** One indicator in a type profile. */
export interface ProfileEntry {
  column: string;
  label: string;
  /** Mean z-value of the type's areas on this indicator. */
  meanZ: number;
}

/** Profile and description of one Sozialraumtyp. */
export interface TypeProfile {
  type: number;
  size: number;
  profile: ProfileEntry[];
  /** Labels with mean z ≥ threshold, strongest first. */
  above: string[];
  /** Labels with mean z ≤ −threshold, strongest first. */
  below: string[];
  /** German description, e.g. "überdurchschnittlich: Kinderarmut, SGB II; unterdurchschnittlich: Ältere". */
  description: string;
}

/**
 * Type profiles: the mean z-value of each indicator over the areas of each type, and a German description.
 *
 * Formula: profile_t,j = (1/n_t) Σ_{i∈t} z_ij (z standardised over all included areas, sample sd). Indicators
 * with profile ≥ threshold are "überdurchschnittlich", ≤ −threshold "unterdurchschnittlich" (default threshold
 * 0.5 sd), each list ordered by |profile| descending; a type without any is "durchschnittlich in allen
 * Indikatoren". Source: usual practice of Sozialraumtypisierung (e.g. ZEFIR/Strohmeier, Sozialraumanalyse
 * Gelsenkirchen; Bertelsmann Wegweiser Kommune Demographietypen: cluster means of z-values).
 *
 * @example
 * typeProfiles([[1.2, -0.8], [0.9, -0.6], [-1, 0.7]], [1, 1, 2], { columns: ["kinder", "alte"], labels: { kinder: "Kinderarmut", alte: "Ältere" } })[0].description;
 * // "überdurchschnittlich: Kinderarmut; unterdurchschnittlich: Ältere"
 */
export function typeProfiles(
  z: readonly (readonly number[])[],
  cluster: readonly number[],
  options: { columns: readonly string[]; labels?: Readonly<Record<string, string>>; threshold?: number },
): TypeProfile[] {
  const threshold = options.threshold ?? 0.5;
  if (!(threshold > 0)) throw new Error(`typeProfiles: threshold muss positiv sein, angegeben ist ${threshold}`);
  const types = [...new Set(cluster)].sort((a, b) => a - b);
  return types.map((type) => {
    const rows = z.filter((_, i) => cluster[i] === type);
    const profile = options.columns.map((column, j) => ({
      column,
      label: options.labels?.[column] ?? column,
      meanZ: rows.reduce((s, r) => s + r[j], 0) / rows.length,
    }));
    const strongest = [...profile].sort((a, b) => Math.abs(b.meanZ) - Math.abs(a.meanZ));
    const above = strongest.filter((e) => e.meanZ >= threshold).map((e) => e.label);
    const below = strongest.filter((e) => e.meanZ <= -threshold).map((e) => e.label);
    return { type, size: rows.length, profile, above, below, description: describe(above, below) };
  });
}

function describe(above: string[], below: string[]): string {
  const parts: string[] = [];
  if (above.length > 0) parts.push(`überdurchschnittlich: ${above.join(", ")}`);
  if (below.length > 0) parts.push(`unterdurchschnittlich: ${below.join(", ")}`);
  return parts.length > 0 ? parts.join("; ") : "durchschnittlich in allen Indikatoren";
}

/**
 * The target groups of a Sozialraumanalyse. Indicators, facilities and local observations are tagged with these
 * ids everywhere in the project; the German labels are for tables, plots and reports.
 *
 * @example
 * TARGET_GROUPS;                    // ["children", "working-age", "elderly", "context"]
 * TARGET_GROUP_LABELS["elderly"];   // "Ältere"
 * isTargetGroup("children");        // true
 */
export const TARGET_GROUPS = ["children", "working-age", "elderly", "context"] as const;

/** One of {@link TARGET_GROUPS}. */
export type TargetGroup = (typeof TARGET_GROUPS)[number];

/** German labels of the target groups. */
export const TARGET_GROUP_LABELS: Readonly<Record<TargetGroup, string>> = {
  children: "Kinder und Jugendliche",
  "working-age": "Erwerbsfähige",
  elderly: "Ältere",
  context: "Kontext",
};

/** True if `value` is a known target group id. */
export function isTargetGroup(value: unknown): value is TargetGroup {
  return typeof value === "string" && (TARGET_GROUPS as readonly string[]).includes(value);
}

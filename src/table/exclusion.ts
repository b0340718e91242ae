/**
 * An area left out of an analysis step, with the reason. Every result that leaves areas out lists them:
 * nothing is dropped silently.
 */
export interface Exclusion {
  /** The area key. */
  id: string;
  /** Why it was left out, in German for reports (e.g. "Einwohner unter 300 (212)"). */
  reason: string;
  /** Which step left it out (e.g. "standardize", "join", "minimumPopulation"). */
  step: string;
  /** The column concerned, if any. */
  column?: string;
}

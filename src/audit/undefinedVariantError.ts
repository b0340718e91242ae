/**
 * Name of the error {@link compositeIndexEvaluator}'s `evaluate` throws when the index is undefined for these
 * data under the variant's method: smoothing or a draw leaves no indicator that varies, or a standardisation of
 * the variant is undefined (robust z with MAD 0, …). Callers running many variants skip such a variant.
 */
export const UNDEFINED_VARIANT_ERROR = "UndefinedVariantError";

/** An Error named {@link UNDEFINED_VARIANT_ERROR}, with the indicator columns (or "Summe") concerned. */
export function undefinedVariantError(message: string, columns: string[]): Error & { columns: string[] } {
  const e = new Error(message) as Error & { columns: string[] };
  e.name = UNDEFINED_VARIANT_ERROR;
  e.columns = columns;
  return e;
}

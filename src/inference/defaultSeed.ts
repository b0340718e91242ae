/**
 * The one default seed of every random step (permutation tests, Monte Carlo draws, bootstrap) when the caller
 * gives none. The analysis configuration's `seed` defaults to it too, so a library call and the CLI agree.
 *
 * @example
 * localMoran(values, w); // same as localMoran(values, w, { seed: DEFAULT_SEED })
 */
export const DEFAULT_SEED = 1;

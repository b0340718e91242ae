import type { Rng } from "../inference/random.js";
import { normal } from "./sampling.js";
import type { FieldBump } from "./citySpec.js";

/**
 * A spatially smooth random field on an nx × ny lattice: white noise blurred by repeated 3 × 3 box filters
 * (approximately Gaussian), rescaled to mean 0 and standard deviation 1. Used for the latent deprivation and for
 * wiggly borders. Row-major, index j·nx + i (j = 0 is the south row).
 */
export function smoothField(rng: Rng, options: { nx: number; ny: number; passes: number }): Float64Array {
  const { nx, ny, passes } = options;
  let f = new Float64Array(nx * ny);
  for (let k = 0; k < f.length; k++) f[k] = normal(rng);
  for (let p = 0; p < passes; p++) {
    const g = new Float64Array(nx * ny);
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        let s = 0;
        let n = 0;
        for (let dj = -1; dj <= 1; dj++) {
          for (let di = -1; di <= 1; di++) {
            const ii = i + di;
            const jj = j + dj;
            if (ii >= 0 && ii < nx && jj >= 0 && jj < ny) {
              s += f[jj * nx + ii];
              n++;
            }
          }
        }
        g[j * nx + i] = s / n;
      }
    }
    f = g;
  }
  let mean = 0;
  for (const x of f) mean += x;
  mean /= f.length;
  let ss = 0;
  for (const x of f) ss += (x - mean) ** 2;
  const sd = Math.sqrt(ss / f.length);
  for (let k = 0; k < f.length; k++) f[k] = (f[k] - mean) / sd;
  return f;
}

/** A bump placed on the lattice: centre (x, y) in cell units. */
export type PlacedBump = FieldBump & { x: number; y: number };

/** Sum of Gaussian bumps at lattice point (x, y) (cell units). */
export function bumpValue(bumps: readonly PlacedBump[], x: number, y: number): number {
  let s = 0;
  for (const b of bumps) {
    const dx = x - b.x;
    const dy = y - b.y;
    s += b.amplitude * Math.exp(-(dx * dx + dy * dy) / (2 * b.sigma * b.sigma));
  }
  return s;
}

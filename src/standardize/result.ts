import type { Exclusion } from "../table/exclusion.js";
import type { Direction } from "./direction.js";

/** What every standardisation returns: per-area values in input order plus the parameters used. */
export interface StandardizedBase {
  /** The function that made the result. */
  name: string;
  /** Standardised values, input order and length; `null` where the input was missing. */
  values: (number | null)[];
  /** Number of present values the parameters were computed from. */
  n: number;
  /** The direction applied (1: higher raw = worse; -1: the values were mirrored). */
  direction: Direction;
  /** Positions (0-based) of missing inputs. */
  missing: number[];
  /** One entry per missing input (id from `ids`, else the position), German reason. */
  excluded: Exclusion[];
  /** Notes for the reader, e.g. about missing values. */
  warnings: string[];
}

/** Options every standardisation accepts. */
export interface StandardizeCommonOptions {
  /** 1 (default): higher raw value = more disadvantage; -1: mirror so that high still means more disadvantage. */
  direction?: Direction;
  /** Area ids in input order, used to name areas in `excluded` and in error messages. */
  ids?: ArrayLike<string>;
  /** The column the values come from, recorded in `excluded`. */
  column?: string;
}

export function missingWarning(fn: string, missing: number, total: number): string[] {
  return missing > 0 ? [`${fn}: ${missing} von ${total} Werten fehlen; sie bleiben fehlend und gehen nicht in die Parameter ein`] : [];
}

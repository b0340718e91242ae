import type { NeighbourhoodContextRow } from "./neighbourhoodContext.js";

/**
 * Where a conspicuous area stands among its neighbours:
 * - "allein": no neighbour is conspicuous (an island in an inconspicuous surrounding: targeted, small-scale help);
 * - "im Verbund": at least half of the neighbours are conspicuous (plan measures across area boundaries);
 * - "am Rand eines Verbunds": some, but fewer than half, are.
 */
export type NeighbourhoodPosition = "allein" | "im Verbund" | "am Rand eines Verbunds";

/** One conspicuous area of {@link neighbourhoodPositions}. */
export interface NeighbourhoodPositionRow {
  area: string;
  /** Number of neighbours (0 for an area without neighbours). */
  neighbours: number;
  /** How many of them are conspicuous themselves. */
  flaggedNeighbours: number;
  position: NeighbourhoodPosition;
}

/**
 * The position of a conspicuous area from its neighbour counts: "allein" when no neighbour is conspicuous,
 * "im Verbund" when at least half are (2 · flagged ≥ neighbours), else "am Rand eines Verbunds". An area without
 * neighbours stands "allein".
 *
 * @example
 * neighbourhoodPosition(0, 5); // "allein"
 * neighbourhoodPosition(2, 4); // "im Verbund"
 * neighbourhoodPosition(1, 4); // "am Rand eines Verbunds"
 */
export function neighbourhoodPosition(flaggedNeighbours: number, neighbours: number): NeighbourhoodPosition {
  const fn = "neighbourhoodPosition";
  if (!Number.isInteger(neighbours) || neighbours < 0) throw new Error(`${fn}: neighbours muss eine ganze Zahl ≥ 0 sein, angegeben ist ${String(neighbours)}`);
  if (!Number.isInteger(flaggedNeighbours) || flaggedNeighbours < 0 || flaggedNeighbours > neighbours) {
    throw new Error(`${fn}: flaggedNeighbours muss eine ganze Zahl von 0 bis neighbours (${neighbours}) sein, angegeben ist ${String(flaggedNeighbours)}`);
  }
  if (flaggedNeighbours === 0) return "allein";
  return flaggedNeighbours * 2 >= neighbours ? "im Verbund" : "am Rand eines Verbunds";
}

/**
 * The position of every conspicuous area of a {@link neighbourhoodContext} result ("allein", "im Verbund", "am
 * Rand eines Verbunds", see {@link neighbourhoodPosition}), one row per area in the order of the context.
 *
 * @example
 * const context = neighbourhoodContext(rows, weights, { id: "sozialraum_id", flag: "auffaellig" });
 * neighbourhoodPositions(context); // [{ area: "010203", neighbours: 5, flaggedNeighbours: 3, position: "im Verbund" }, …]
 */
export function neighbourhoodPositions(context: ReadonlyArray<NeighbourhoodContextRow>): NeighbourhoodPositionRow[] {
  const byArea = new Map<string, { neighbours: number; flagged: number }>();
  for (const row of context) {
    const entry = byArea.get(row.area) ?? { neighbours: 0, flagged: 0 };
    if (row.neighbour !== null) {
      entry.neighbours += 1;
      if (row.neighbourFlagged) entry.flagged += 1;
    }
    byArea.set(row.area, entry);
  }
  return [...byArea].map(([area, e]) => ({
    area,
    neighbours: e.neighbours,
    flaggedNeighbours: e.flagged,
    position: neighbourhoodPosition(e.flagged, e.neighbours),
  }));
}

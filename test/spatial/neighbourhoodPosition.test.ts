import { describe, expect, it } from "vitest";
import { neighbourhoodContext, neighbourhoodPosition, neighbourhoodPositions, weightsFromNeighbors } from "../../src/index.js";

describe("neighbourhoodPosition (rule of notebook 06)", () => {
  it("allein / am Rand eines Verbunds / im Verbund by the share of conspicuous neighbours", () => {
    expect(neighbourhoodPosition(0, 4)).toBe("allein");
    expect(neighbourhoodPosition(1, 4)).toBe("am Rand eines Verbunds"); // 2 · 1 = 2 < 4
    expect(neighbourhoodPosition(2, 4)).toBe("im Verbund"); // 2 · 2 = 4 ≥ 4: exactly half counts
    expect(neighbourhoodPosition(2, 5)).toBe("am Rand eines Verbunds"); // 4 < 5
    expect(neighbourhoodPosition(3, 5)).toBe("im Verbund");
    expect(neighbourhoodPosition(0, 0)).toBe("allein");
  });
  it("rejects impossible counts", () => {
    expect(() => neighbourhoodPosition(3, 2)).toThrow("neighbourhoodPosition: flaggedNeighbours muss eine ganze Zahl von 0 bis neighbours (2) sein, angegeben ist 3");
    expect(() => neighbourhoodPosition(0, -1)).toThrow("neighbourhoodPosition: neighbours muss eine ganze Zahl ≥ 0 sein, angegeben ist -1");
  });
});

describe("neighbourhoodPositions (hand calculation)", () => {
  // A row of five areas A–B–C–D–E (each touches its left and right neighbour) plus F without neighbours.
  // Conspicuous: A, B, D, F.
  //   A: neighbours B (flagged)          → 1 of 1 → im Verbund
  //   B: neighbours A (flagged), C       → 1 of 2 → im Verbund (exactly half)
  //   D: neighbours C, E                 → 0 of 2 → allein
  //   F: no neighbours                   → allein
  const w = weightsFromNeighbors({ A: ["B"], B: ["A", "C"], C: ["B", "D"], D: ["C", "E"], E: ["D"], F: [] });
  const rows = ["A", "B", "C", "D", "E", "F"].map((id) => ({ id, auffaellig: ["A", "B", "D", "F"].includes(id) }));
  const context = neighbourhoodContext(rows, w, { id: "id", flag: "auffaellig" });

  it("counts neighbours and conspicuous neighbours per conspicuous area, in the context's order", () => {
    expect(neighbourhoodPositions(context)).toEqual([
      { area: "A", neighbours: 1, flaggedNeighbours: 1, position: "im Verbund" },
      { area: "B", neighbours: 2, flaggedNeighbours: 1, position: "im Verbund" },
      { area: "D", neighbours: 2, flaggedNeighbours: 0, position: "allein" },
      { area: "F", neighbours: 0, flaggedNeighbours: 0, position: "allein" },
    ]);
  });
  it("gives the edge position when fewer than half of the neighbours are conspicuous", () => {
    const w3 = weightsFromNeighbors({ X: ["P", "Q", "R"], P: ["X"], Q: ["X"], R: ["X"] });
    const rows3 = [{ id: "X", f: 1 }, { id: "P", f: 1 }, { id: "Q", f: 0 }, { id: "R", f: 0 }];
    const x = neighbourhoodPositions(neighbourhoodContext(rows3, w3, { id: "id", areas: ["X"] }));
    // X's neighbours P, Q, R; only P conspicuous? With `areas`, neighbourFlagged marks neighbours in `areas`: none.
    expect(x).toEqual([{ area: "X", neighbours: 3, flaggedNeighbours: 0, position: "allein" }]);
    const y = neighbourhoodPositions(neighbourhoodContext(rows3, w3, { id: "id", flag: "f" }));
    // flag "f": X and P conspicuous. X: 1 of 3 → am Rand eines Verbunds; P: its only neighbour X is flagged → im Verbund.
    expect(y).toEqual([
      { area: "X", neighbours: 3, flaggedNeighbours: 1, position: "am Rand eines Verbunds" },
      { area: "P", neighbours: 1, flaggedNeighbours: 1, position: "im Verbund" },
    ]);
  });
});

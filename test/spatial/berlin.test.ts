import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { contiguityWeights, readGal } from "../../src/spatial/index.js";
import { describeShared, sharedPath } from "../helpers/shared-data.js";
import { referencePath } from "./helpers.js";

// R spdep 1.2.7 poly2nb(sf::st_read(<geojson>), queen = TRUE / FALSE), written by
// test/reference/spatial/berlin_contiguity.R as GAL files with PLR_ID labels.
describeShared("contiguity of the 542 Berlin Planungsräume equals R spdep poly2nb", () => {
  const geojson = JSON.parse(readFileSync(sharedPath("berlin-mss-2021/lor_planungsraeume_2021_542_wgs84.geojson"), "utf8"));
  for (const kind of ["queen", "rook"] as const) {
    it(`${kind}: link for link`, () => {
      const ours = contiguityWeights(geojson, { kind, idProperty: "PLR_ID" });
      const spdep = readGal(readFileSync(referencePath(`berlin_${kind}.gal`), "utf8"));
      expect(ours.n).toBe(542);
      expect(ours.ids).toEqual(spdep.ids);
      for (const id of ours.ids) expect(ours.neighbors[id], id).toEqual(spdep.neighbors[id]);
      expect(ours.indices.length).toBe(kind === "queen" ? 3238 : 2946);
      expect(ours.islands).toEqual([]);
      expect(ours.components).toBe(1);
      expect(ours.symmetric).toBe(true);
    });
  }
});

import { formatGermanNumber } from "../io/formatGermanNumber.js";
import type { CooperationNetwork, NetworkAreaRow } from "./cooperationNetwork.js";

/** Options of {@link conspicuousPoorlyNetworked}: the thresholds of "kaum vernetzt". */
export interface PoorlyNetworkedOptions {
  /** Minimum density inside the area (default 0.1: one in ten possible pairs inside the area cooperates). */
  minDensity?: number;
  /** Minimum share of the area's actors with at least one active partner (default 0.5). */
  minConnectedShare?: number;
}

/** One auffälliger Sozialraum with its network measures and verdict. */
export interface PoorlyNetworkedRow {
  id: string;
  name: string;
  /** Target groups for which the area is auffällig (as given, in order of first mention). */
  groups: string[];
  actors: number;
  cooperationsInside: number;
  cooperationsAcross: number;
  density: number | null;
  connectedShare: number | null;
  facilitiesWithoutPartner: string[];
  /** True: "auffällig, aber kaum vernetzt". */
  poorlyNetworked: boolean;
  /** German reason, e.g. "Dichte 0,10 unter 0,20". */
  reason: string;
}

/** Result of {@link conspicuousPoorlyNetworked}. */
export interface PoorlyNetworkedResult {
  /** One row per auffälliger Sozialraum, in the order of the network's area list. */
  rows: PoorlyNetworkedRow[];
  /** Ids of the areas "auffällig, aber kaum vernetzt", in area order. */
  poorlyNetworked: string[];
  minDensity: number;
  minConnectedShare: number;
}


/**
 * Names the Sozialräume that are **auffällig, aber kaum vernetzt**: auffällig for at least one target group (the
 * verdict of the classification, passed as plain rows `{ id, group }`) and, in the cooperation network, below
 * either threshold:
 *
 *   kaum vernetzt ⇔ n < 2  or  Dichte < minDensity  or  Anteil vernetzter Akteure < minConnectedShare
 *
 * with Dichte = m / (n·(n−1)/2) of the area's active pairs (see {@link cooperationNetwork}) and Anteil vernetzter
 * Akteure = actors with at least one active partner anywhere / n. Defaults: minDensity 0.1, minConnectedShare
 * 0.5. The share of connected actors is the main criterion (most facilities and actors work alone); the density
 * adds areas whose actors cooperate only outside the area, hardly with each other. Both thresholds are
 * conventions of this package, not of a published standard: state them when reporting, and vary them.
 *
 * @throws Error naming the id when an auffälliger Sozialraum is not in the network's area list.
 * @example
 * conspicuousPoorlyNetworked(net, [{ id: "010301", group: "children" }, { id: "010306", group: "children" }]);
 * // { poorlyNetworked: ["010306"], rows: [{ id: "010301", poorlyNetworked: false, … }, …] }
 */
export function conspicuousPoorlyNetworked(
  network: CooperationNetwork,
  conspicuous: ReadonlyArray<{ id: string; group?: string }>,
  options: PoorlyNetworkedOptions = {},
): PoorlyNetworkedResult {
  const minDensity = options.minDensity ?? 0.1;
  const minConnectedShare = options.minConnectedShare ?? 0.5;
  for (const [k, v] of Object.entries({ minDensity, minConnectedShare })) {
    if (!(v >= 0 && v <= 1)) throw new Error(`conspicuousPoorlyNetworked: ${k} muss zwischen 0 und 1 liegen, ist ${v}`);
  }
  const groups = new Map<string, string[]>();
  const known = new Set(network.rows.map((r) => r.id));
  for (const c of conspicuous) {
    if (!known.has(c.id)) throw new Error(`conspicuousPoorlyNetworked: auffälliger Sozialraum "${c.id}" ist nicht in der Gebietsliste des Netzwerks`);
    const list = groups.get(c.id) ?? [];
    if (c.group !== undefined && !list.includes(c.group)) list.push(c.group);
    groups.set(c.id, list);
  }
  const rows = network.rows.filter((r) => groups.has(r.id)).map((r) => verdict(r, groups.get(r.id) ?? [], minDensity, minConnectedShare));
  return { rows, poorlyNetworked: rows.filter((r) => r.poorlyNetworked).map((r) => r.id), minDensity, minConnectedShare };
}

function verdict(r: NetworkAreaRow, groups: string[], minDensity: number, minShare: number): PoorlyNetworkedRow {
  const reasons: string[] = [];
  if (r.actors < 2) reasons.push(r.actors === 0 ? "keine Akteure" : "nur ein Akteur");
  else {
    if ((r.density as number) < minDensity) reasons.push(`Dichte ${formatGermanNumber(r.density as number, { decimals: 2 })} unter ${formatGermanNumber(minDensity, { decimals: 2 })}`);
    if ((r.connectedShare as number) < minShare) reasons.push(`Anteil vernetzter Akteure ${formatGermanNumber(r.connectedShare as number, { decimals: 2 })} unter ${formatGermanNumber(minShare, { decimals: 2 })}`);
  }
  return {
    id: r.id,
    name: r.name,
    groups,
    actors: r.actors,
    cooperationsInside: r.cooperationsInside,
    cooperationsAcross: r.cooperationsAcross,
    density: r.density,
    connectedShare: r.connectedShare,
    facilitiesWithoutPartner: r.facilitiesWithoutPartner,
    poorlyNetworked: reasons.length > 0,
    reason: reasons.length > 0 ? reasons.join("; ") : "vernetzt",
  };
}

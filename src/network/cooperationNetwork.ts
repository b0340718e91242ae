import { UndirectedGraph } from "graphology";
import { undirectedDensity } from "graphology-metrics/graph/density.js";
import { DataError, quoteValue, type DataProblem } from "../table/dataError.js";
import type { Actor } from "./readActors.js";
import type { Cooperation } from "./readCooperations.js";

/** A facility as the network needs it: id, name, type and the Sozialraum it lies in (null: outside all). */
export interface NetworkFacility {
  id: string;
  name: string;
  type: string;
  areaId: string | null;
  lon?: number | null;
  lat?: number | null;
}

/** A node of the network: a facility or a local actor. */
export interface NetworkNode {
  id: string;
  name: string;
  /** "Einrichtung" or "lokaler Akteur". */
  kind: "Einrichtung" | "lokaler Akteur";
  /** Facility type or actor kind (Kita, Schule, …). */
  type: string;
  areaId: string | null;
  lon: number | null;
  lat: number | null;
  /** Number of partners with at least one active cooperation. */
  partners: number;
}

/** A pair of partners with their cooperations (one edge of the graph, undirected). */
export interface NetworkEdge {
  source: string;
  target: string;
  /** Ids and topics of the pair's cooperations, in file order. */
  cooperations: string[];
  topics: string[];
  /** At least one of them is active. */
  active: boolean;
  /** The partners lie in different Sozialräume (or one outside all). */
  crossesBorder: boolean;
}

/** One row per Sozialraum (input order). */
export interface NetworkAreaRow {
  id: string;
  name: string;
  /** Facilities, local actors and both together (n) in the area. */
  facilities: number;
  localActors: number;
  actors: number;
  /** Active partner pairs with both partners in the area (m). */
  cooperationsInside: number;
  /** Active partner pairs with one partner in the area and one elsewhere. */
  cooperationsAcross: number;
  /** Pairs (inside or across) whose cooperations have all ended (aktiv = nein). */
  inactivePairs: number;
  /** Possible pairs inside the area: n·(n−1)/2. */
  possiblePairs: number;
  /** m / (n·(n−1)/2); null when the area has fewer than two actors. */
  density: number | null;
  /** Actors of the area with at least one active partner (anywhere), and their share of n (null when n = 0). */
  connectedActors: number;
  connectedShare: number | null;
  /** Other Sozialräume with at least one active tie, by id; `linkedAreaCount` = their number. */
  linkedAreas: string[];
  linkedAreaCount: number;
  /** Facilities of the area without any active cooperation, by id. */
  facilitiesWithoutPartner: string[];
}

/** Input of {@link cooperationNetwork}. */
export interface CooperationNetworkInput {
  /** The Sozialräume, in the order of the result rows: ids or `{ id, name }`. */
  areas: ReadonlyArray<string | { id: string; name?: string }>;
  facilities: readonly NetworkFacility[];
  actors: readonly Actor[];
  cooperations: readonly Cooperation[];
}

/** Result of {@link cooperationNetwork}. */
export interface CooperationNetwork {
  rows: NetworkAreaRow[];
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  city: {
    actors: number;
    activeCooperations: number;
    inactiveCooperations: number;
    /** Active partner pairs, of them across Sozialraum borders; density of the whole network. */
    activePairs: number;
    crossBorderPairs: number;
    density: number | null;
    facilitiesWithoutPartner: number;
  };
  /** German notes on what was not placed in a Sozialraum (nothing is dropped silently). */
  notes: string[];
}


/**
 * The cooperation network of facilities and local actors (Vernetzung) and its measures per Sozialraum.
 *
 * Nodes are the facilities and the local actors; an undirected edge joins two partners with at least one
 * cooperation (several cooperations of one pair are one edge). Only **active** cooperations count for the
 * measures; pairs whose cooperations have all ended are counted as `inactivePairs` and kept in `edges`.
 * Per Sozialraum with n actors and m active pairs inside it:
 *
 *   Dichte = m / (n·(n−1)/2)      (graphology-metrics `undirectedDensity`; null for n < 2)
 *
 * i.e. the share of possible partner pairs inside the area that actually cooperate (Wasserman & Faust 1994,
 * ch. 4.2). Ties to other Sozialräume are the active pairs with one partner outside; `linkedAreas` names the
 * areas they lead to. A facility without partner has no active cooperation at all. Facilities outside every
 * Sozialraum stay in the network (their ties count as ties across borders) and are named in `notes`.
 *
 * @throws DataError (German) naming file, row, column and value: a cooperation partner that is neither a
 *   facility nor an actor, an actor id that is also a facility id, an actor in a Sozialraum not in `areas`.
 * @example
 * const net = cooperationNetwork({ areas: ["01", "02"], facilities, actors, cooperations });
 * net.rows[0]; // { id: "01", actors: 4, cooperationsInside: 3, possiblePairs: 6, density: 0.5, … }
 */
export function cooperationNetwork(input: CooperationNetworkInput): CooperationNetwork {
  const fn = "cooperationNetwork";
  const areas = input.areas.map((a) => (typeof a === "string" ? { id: a, name: a } : { id: a.id, name: a.name ?? a.id }));
  const areaIds = new Set(areas.map((a) => a.id));
  const graph = new UndirectedGraph<NetworkNode, NetworkEdge>();
  const problems: DataProblem[] = [];
  for (const f of input.facilities) {
    const areaId = f.areaId !== null && areaIds.has(f.areaId) ? f.areaId : null;
    graph.mergeNode(f.id, { id: f.id, name: f.name, kind: "Einrichtung", type: f.type, areaId, lon: f.lon ?? null, lat: f.lat ?? null, partners: 0 });
  }
  for (const a of input.actors) {
    if (graph.hasNode(a.id)) problems.push({ file: a.file, row: a.row, column: "akteur_id", value: a.id, message: `Kennung ist auch eine Einrichtung: ${quoteValue(a.id)}` });
    else if (!areaIds.has(a.areaId)) problems.push({ file: a.file, row: a.row, column: "sozialraum_id", value: a.areaId, message: `Sozialraum nicht in der Gebietsliste: ${quoteValue(a.areaId)}` });
    else graph.addNode(a.id, { id: a.id, name: a.name, kind: "lokaler Akteur", type: a.kind, areaId: a.areaId, lon: a.lon, lat: a.lat, partners: 0 });
  }
  for (const c of input.cooperations) {
    for (const [column, id] of [["akteur_a", c.a], ["akteur_b", c.b]] as const) {
      if (!graph.hasNode(id)) problems.push({ file: c.file, row: c.row, column, value: id, message: `unbekannter Partner (weder Einrichtung noch Akteur): ${quoteValue(id)}` });
    }
  }
  if (problems.length > 0) throw new DataError(fn, problems);

  for (const c of input.cooperations) {
    const area = (id: string) => graph.getNodeAttribute(id, "areaId");
    graph.updateEdge(c.a, c.b, (e) => ({
      source: e.source ?? c.a,
      target: e.target ?? c.b,
      cooperations: [...(e.cooperations ?? []), c.id],
      topics: [...(e.topics ?? []), c.topic],
      active: (e.active ?? false) || c.active,
      crossesBorder: area(c.a) === null || area(c.a) !== area(c.b),
    }));
  }
  graph.forEachNode((id) => {
    const partners = graph.filterNeighbors(id, (n) => graph.getEdgeAttribute(id, n, "active")).length;
    graph.setNodeAttribute(id, "partners", partners);
  });
  const nodes = graph.mapNodes((_id, attr) => ({ ...attr }));
  const edges = graph.mapEdges((_e, attr) => ({ ...attr }));
  const rows = areas.map((a) => areaRow(a, nodes, edges));
  const activeEdges = edges.filter((e) => e.active);
  const outside = nodes.filter((n) => n.areaId === null);
  return {
    rows,
    nodes,
    edges,
    city: {
      actors: nodes.length,
      activeCooperations: input.cooperations.filter((c) => c.active).length,
      inactiveCooperations: input.cooperations.filter((c) => !c.active).length,
      activePairs: activeEdges.length,
      crossBorderPairs: activeEdges.filter((e) => e.crossesBorder).length,
      density: nodes.length >= 2 ? undirectedDensity(nodes.length, activeEdges.length) : null,
      facilitiesWithoutPartner: nodes.filter((n) => n.kind === "Einrichtung" && n.partners === 0).length,
    },
    notes: outside.length > 0 ? [`${outside.length} Einrichtung(en) liegen in keinem Sozialraum der Gebietsliste und zählen nur als Partner über Grenzen: ${outside.map((n) => n.id).join(", ")}`] : [],
  };
}

function areaRow(area: { id: string; name: string }, nodes: readonly NetworkNode[], edges: readonly NetworkEdge[]): NetworkAreaRow {
  const members = nodes.filter((n) => n.areaId === area.id);
  const inArea = new Set(members.map((n) => n.id));
  const areaOf = new Map(nodes.map((n) => [n.id, n.areaId]));
  const touching = edges.filter((e) => inArea.has(e.source) || inArea.has(e.target));
  const inside = touching.filter((e) => e.active && inArea.has(e.source) && inArea.has(e.target)).length;
  const across = touching.filter((e) => e.active && !(inArea.has(e.source) && inArea.has(e.target)));
  const linked = new Set<string>();
  for (const e of across) {
    const other = areaOf.get(inArea.has(e.source) ? e.target : e.source);
    if (other) linked.add(other);
  }
  const n = members.length;
  const connected = members.filter((m) => m.partners > 0).length;
  const linkedAreas = [...linked].sort();
  return {
    id: area.id,
    name: area.name,
    facilities: members.filter((m) => m.kind === "Einrichtung").length,
    localActors: members.filter((m) => m.kind === "lokaler Akteur").length,
    actors: n,
    cooperationsInside: inside,
    cooperationsAcross: across.length,
    inactivePairs: touching.filter((e) => !e.active).length,
    possiblePairs: n >= 2 ? (n * (n - 1)) / 2 : 0, // not (0·−1)/2 = −0
    density: n >= 2 ? undirectedDensity(n, inside) : null,
    connectedActors: connected,
    connectedShare: n > 0 ? connected / n : null,
    linkedAreas,
    linkedAreaCount: linkedAreas.length,
    facilitiesWithoutPartner: members.filter((m) => m.kind === "Einrichtung" && m.partners === 0).map((m) => m.id),
  };
}

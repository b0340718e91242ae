import type { Rng } from "../inference/random.js";
import type { FacilityRow } from "./facilities.js";
import { pointIn } from "./facilities.js";
import { pointInRing } from "./geometry.js";
import type { CityPartition } from "./partition.js";
import { pick } from "./sampling.js";
import type { SyntheticArea } from "./syntheticArea.js";

/** One row of data/akteure.csv (a local actor of the cooperation network). */
export interface ActorRow {
  akteur_id: string;
  name: string;
  art: string;
  sozialraum_id: string;
  lon: number;
  lat: number;
}

/** One row of data/kooperationen.csv. */
export interface CooperationRow {
  kooperation_id: string;
  akteur_a: string;
  akteur_b: string;
  thema: string;
  /** Start month YYYY-MM. */
  seit: string;
  aktiv: "ja" | "nein";
}

/** What was planted in the network (for data/README.md and for checking analyses against it). */
export interface NetworkPlan {
  /** Deprived Sozialräume with a Quartiersmanagement: dense networks with ties to neighbouring areas. */
  wellNetworked: string[];
  /** The most deprived Sozialräume without: one active cooperation, most facilities work alone. */
  poorlyNetworked: string[];
  /** Facilities elsewhere that were given no cooperation at all. */
  isolatedFacilities: string[];
}

interface Node {
  id: string;
  type: string;
  area: SyntheticArea;
}

const TOPIC: Record<string, string[]> = {
  Kita: ["Sprachförderung", "Elternarbeit"],
  Jugendzentrum: ["Offene Jugendarbeit", "Ferienprogramm"],
  Familienzentrum: ["Familienbildung", "Elternberatung"],
  Seniorentreff: ["Seniorenarbeit", "Besuchsdienst"],
  Beratungsstelle: ["Beratung vor Ort", "Sprechstunde im Quartier"],
  Schule: ["Schulsozialarbeit", "Offener Ganztag"],
  Verein: ["Sport und Bewegung", "Freizeitangebote"],
  Kirchengemeinde: ["Nachbarschaftshilfe", "Mittagstisch"],
  Moscheegemeinde: ["Integration", "Hausaufgabenhilfe"],
  Quartiersmanagement: ["Quartiersentwicklung", "Stadtteilfest"],
  Wohnungsbaugesellschaft: ["Wohnumfeld", "Mieterberatung"],
  Initiative: ["Nachbarschaft", "Gemeinschaftsgarten"],
};
const CLUBS = ["TuS", "SV", "Sportfreunde", "Turnverein", "Bürgerverein", "Kulturverein"];
const SAINTS = ["St. Antonius", "St. Remigius", "St. Stephanus", "St. Joseph", "Herz Jesu", "St. Maria"];
const KIND_ORDER = ["Schule", "Verein", "Kirchengemeinde", "Moscheegemeinde", "Initiative", "Quartiersmanagement", "Wohnungsbaugesellschaft"];

/**
 * Plants the cooperation network of the synthetic city (data/akteure.csv, data/kooperationen.csv) from its own
 * random stream. Local actors: a Grundschule in every regular Sozialraum, Vereine, Kirchengemeinden, in deprived
 * areas Moscheegemeinden; small areas have none. Planted structure:
 * - Sozialräume with a planted deprivation centre (`deprivedHotspots`) get a Quartiersmanagement linked to every
 *   actor of the area, a Wohnungsbaugesellschaft, a dense network and ties to the rest of their Stadtteil;
 * - the 3 most deprived (2018) other regular Sozialräume with at least two facilities and no Beratungsstelle get one active cooperation
 *   and one that has ended ("auffällig, aber kaum vernetzt"); nothing else reaches them;
 * - 4 facilities elsewhere get no cooperation at all;
 * - elsewhere pairs inside an area cooperate with probability 0.35 (0.45 besides the hub in the well networked ones); Familienzentren work with the Kitas of their
 *   Stadtteil, Jugendzentren with its schools, Beratungsstellen with facilities across the city (ties across
 *   Sozialraum borders); about 12 % of these cooperations have ended (aktiv = nein).
 */
export function plantNetwork(
  rng: Rng,
  areas: readonly SyntheticArea[],
  facilities: readonly FacilityRow[],
  partition: CityPartition,
  cellsOf: (area: SyntheticArea) => number[],
  deprivedHotspots: ReadonlySet<string>,
): { akteure: ActorRow[]; kooperationen: CooperationRow[]; plan: NetworkPlan } {
  const regular = areas.filter((a) => !a.small);
  const well = regular.filter((a) => a.hotspots.some((h) => deprivedHotspots.has(h)));
  const facilityArea = (f: FacilityRow): SyntheticArea => {
    const a = areas.find((x) => pointInRing([f.lon, f.lat], x.ring));
    if (!a) throw new Error(`plantNetwork: Einrichtung ${f.einrichtung_id} liegt in keinem Sozialraum`);
    return a;
  };
  const facilityNodes: Node[] = facilities.map((f) => ({ id: f.einrichtung_id, type: f.typ, area: facilityArea(f) }));
  const counselling = new Set(facilityNodes.filter((n) => n.type === "Beratungsstelle").map((n) => n.area.id));
  const poorly = [...regular]
    // At least two facilities, so that "most facilities work alone" can show.
    .filter((a) => !well.includes(a) && !counselling.has(a.id) && facilityNodes.filter((n) => n.area === a).length >= 2)
    .sort((x, y) => y.deprivation[2018] - x.deprivation[2018] || x.id.localeCompare(y.id))
    .slice(0, 3);
  const role = (a: SyntheticArea): "well" | "poorly" | "other" => (well.includes(a) ? "well" : poorly.includes(a) ? "poorly" : "other");

  const akteure = placeActors(rng, regular, role, partition, cellsOf);
  const actorNodes: Node[] = akteure.map((r) => ({ id: r.akteur_id, type: r.art, area: areas.find((a) => a.id === r.sozialraum_id) as SyntheticArea }));
  const nodes = [...facilityNodes, ...actorNodes];
  const candidates = facilityNodes.filter((n) => role(n.area) === "other" && (n.type === "Kita" || n.type === "Seniorentreff"));
  const isolated = new Set<string>();
  while (isolated.size < 4) isolated.add(pick(rng, candidates).id);

  const out: Array<Omit<CooperationRow, "kooperation_id">> = [];
  const pairs = new Set<string>();
  const cooperate = (x: Node, y: Node, options: { active?: boolean; topic?: string; repeat?: boolean } = {}): void => {
    if (x.id === y.id || isolated.has(x.id) || isolated.has(y.id)) return;
    const key = x.id < y.id ? `${x.id}|${y.id}` : `${y.id}|${x.id}`;
    if (pairs.has(key) && !options.repeat) return;
    pairs.add(key);
    const active = options.active ?? rng.next() >= 0.12;
    const year = active ? 2008 + rng.int(11) : 2003 + rng.int(10);
    const kitaSchool = [x.type, y.type].sort().join("|") === "Kita|Schule";
    const topic = options.topic ?? (kitaSchool ? "Übergang Kita–Grundschule" : pick(rng, TOPIC[pick(rng, [x.type, y.type])] ?? ["Kooperation"]));
    out.push({ akteur_a: x.id, akteur_b: y.id, thema: topic, seit: `${year}-${String(1 + rng.int(12)).padStart(2, "0")}`, aktiv: active ? "ja" : "nein" });
  };
  const inArea = (a: SyntheticArea): Node[] => nodes.filter((n) => n.area === a);
  const open = (n: Node): boolean => role(n.area) !== "poorly";

  for (const a of regular) {
    const members = inArea(a);
    if (role(a) === "poorly") {
      const school = members.find((n) => n.type === "Schule") as Node;
      const kita = members.find((n) => n.type === "Kita") ?? members.find((n) => n.type === "Kirchengemeinde") as Node;
      cooperate(school, kita, { active: true, topic: "Übergang Kita–Grundschule" });
      const ended = members.find((n) => n.type !== "Schule" && n !== kita && n.type !== "Kirchengemeinde");
      const church = members.find((n) => n.type === "Kirchengemeinde");
      if (ended && church) cooperate(ended, church, { active: false, topic: "Mittagstisch" });
      continue;
    }
    if (role(a) === "well") {
      const qm = members.find((n) => n.type === "Quartiersmanagement") as Node;
      for (const n of members) cooperate(qm, n, { active: true, topic: n.type === "Wohnungsbaugesellschaft" ? "Wohnumfeld" : "Quartiersentwicklung" });
      const school = members.find((n) => n.type === "Schule") as Node;
      cooperate(qm, school, { active: true, topic: "Elternarbeit", repeat: true });
      const teil = nodes.filter((n) => n.area !== a && n.area.stadtteilId === a.stadtteilId && open(n) && n.type !== "Quartiersmanagement");
      for (let k = 0; k < 3 && teil.length > 0; k++) cooperate(qm, pick(rng, teil), { active: true, topic: "Stadtteilkonferenz" });
    }
    const p = role(a) === "well" ? 0.45 : 0.35;
    for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) if (rng.next() < p) cooperate(members[i], members[j]);
  }
  for (const f of nodes.filter((n) => open(n))) {
    const teil = (type: string) => nodes.filter((n) => n.type === type && n.area.stadtteilId === f.area.stadtteilId && n.area !== f.area && open(n));
    if (f.type === "Familienzentrum") for (const k of teil("Kita")) if (rng.next() < 0.5) cooperate(f, k, { topic: "Familienbildung" });
    if (f.type === "Jugendzentrum") for (const s of teil("Schule")) if (rng.next() < 0.5) cooperate(f, s, { topic: "Offene Jugendarbeit" });
    if (f.type === "Beratungsstelle") {
      const elsewhere = nodes.filter((n) => n.area !== f.area && open(n) && n.type !== "Beratungsstelle");
      const k = 2 + rng.int(3);
      for (let i = 0; i < k; i++) cooperate(f, pick(rng, elsewhere), { topic: pick(rng, TOPIC.Beratungsstelle) });
    }
  }
  const kooperationen = out.map((c, i) => ({ kooperation_id: `K${String(i + 1).padStart(3, "0")}`, ...c }));
  return {
    akteure,
    kooperationen,
    plan: { wellNetworked: well.map((a) => a.id), poorlyNetworked: poorly.map((a) => a.id).sort(), isolatedFacilities: [...isolated].sort() },
  };
}

/** The local actors, sorted by Sozialraum and kind, with ids A001, A002, … */
function placeActors(
  rng: Rng,
  regular: readonly SyntheticArea[],
  role: (a: SyntheticArea) => "well" | "poorly" | "other",
  partition: CityPartition,
  cellsOf: (area: SyntheticArea) => number[],
): ActorRow[] {
  const used = new Set<string>();
  const unique = (name: string): string => {
    let n = name;
    for (let k = 2; used.has(n); k++) n = `${name} ${k}`;
    used.add(n);
    return n;
  };
  const rows: Array<Omit<ActorRow, "akteur_id">> = [];
  for (const a of regular) {
    const kinds: string[] = ["Schule"];
    if (role(a) === "poorly") kinds.push("Verein", "Kirchengemeinde");
    else {
      if (role(a) === "well" || rng.next() < 0.6) kinds.push("Verein");
      if (rng.next() < 0.5) kinds.push("Kirchengemeinde");
      if (a.deprivation[2018] > 0.5 && rng.next() < 0.5) kinds.push("Moscheegemeinde");
      if (rng.next() < 0.2) kinds.push("Initiative");
      if (role(a) === "well") kinds.push("Quartiersmanagement", "Wohnungsbaugesellschaft");
    }
    for (const art of kinds) {
      const name = {
        Schule: `Grundschule ${a.name}`,
        Verein: `${pick(rng, CLUBS)} ${a.stadtteilName}`,
        Kirchengemeinde: rng.next() < 0.5 ? `Kath. Kirchengemeinde ${pick(rng, SAINTS)} ${a.stadtteilName}` : `Ev. Kirchengemeinde ${a.stadtteilName}`,
        Moscheegemeinde: `Moscheegemeinde ${a.stadtteilName}`,
        Initiative: `Nachbarschaftsinitiative ${a.name}`,
        Quartiersmanagement: `Quartiersmanagement ${a.name}`,
        Wohnungsbaugesellschaft: `Mieterbüro ${a.name}`,
      }[art] as string;
      const [lon, lat] = pointIn(rng, a, partition, cellsOf(a));
      rows.push({ name: unique(name), art, sozialraum_id: a.id, lon, lat });
    }
  }
  rows.sort((x, y) => x.sozialraum_id.localeCompare(y.sozialraum_id) || KIND_ORDER.indexOf(x.art) - KIND_ORDER.indexOf(y.art) || x.name.localeCompare(y.name, "de"));
  return rows.map((r, i) => ({ akteur_id: `A${String(i + 1).padStart(3, "0")}`, ...r }));
}

import type { Rng } from "../inference/random.js";
import { pick } from "./sampling.js";
import type { SyntheticArea } from "./syntheticArea.js";

/** One row of data/stadtteiltreffen.csv (a local observation from a district meeting). */
export interface ObservationRow {
  /** ISO date YYYY-MM-DD. */
  datum: string;
  sozialraum_id: string;
  zielgruppe: "children" | "working-age" | "elderly" | "context";
  quelle: string;
  text: string;
  /** Tags separated by "|". */
  tags: string;
  bedarf: "hoch" | "mittel" | "niedrig";
}

/** An observation plus what was planted: does the area's data back it up? */
export interface PlantedObservation extends ObservationRow {
  befund: "von Daten gestützt" | "ohne Datenbefund";
}

type Group = ObservationRow["zielgruppe"];
interface Template {
  text: string;
  tags: string;
  bedarf: ObservationRow["bedarf"];
}

const BACKED: Record<Group, Template[]> = {
  children: [
    { text: "Viele Kinder kommen ohne Frühstück in die Grundschule, die Schulsozialarbeit ist überlastet.", tags: "Kinderarmut|Schule|Ernährung", bedarf: "hoch" },
    { text: "Eltern finden keinen Kita-Platz, die Wartelisten sind länger als ein Jahr.", tags: "Kita|Betreuung", bedarf: "hoch" },
    { text: "Jugendliche treffen sich abends am Busbahnhof, es fehlt ein offener Treff.", tags: "Jugend|Treffpunkt", bedarf: "mittel" },
    { text: "Hoher Förderbedarf bei der Sprachentwicklung in den Kitas.", tags: "Sprache|Kita|Bildung", bedarf: "hoch" },
    { text: "Viele Familien können Klassenfahrten und Vereinsbeiträge nicht bezahlen.", tags: "Kinderarmut|Teilhabe", bedarf: "mittel" },
  ],
  "working-age": [
    { text: "Viele Langzeitarbeitslose suchen Hilfe bei Behördenpost und Anträgen.", tags: "Arbeitslosigkeit|Beratung", bedarf: "hoch" },
    { text: "Die Schuldnerberatung hat Wartezeiten von drei Monaten.", tags: "Schulden|Beratung", bedarf: "hoch" },
    { text: "Alleinerziehende finden keine Arbeit, weil Betreuung in Randzeiten fehlt.", tags: "Alleinerziehende|Arbeit|Betreuung", bedarf: "mittel" },
    { text: "Junge Erwachsene ohne Ausbildungsplatz hängen im Quartier herum.", tags: "Ausbildung|Jugendarbeitslosigkeit", bedarf: "mittel" },
  ],
  elderly: [
    { text: "Ältere Menschen mit kleiner Rente meiden Angebote, die etwas kosten.", tags: "Altersarmut|Teilhabe", bedarf: "mittel" },
    { text: "Bei der Tafel melden sich immer mehr Rentnerinnen und Rentner.", tags: "Altersarmut|Grundversorgung", bedarf: "hoch" },
    { text: "Ältere Nachbarn trauen sich abends nicht mehr aus dem Haus.", tags: "Sicherheit|Teilhabe", bedarf: "mittel" },
  ],
  context: [
    { text: "Leerstand und Vermüllung im Quartier, es gibt Konflikte in der Nachbarschaft.", tags: "Wohnumfeld|Nachbarschaft", bedarf: "mittel" },
    { text: "Viele neu zugezogene Familien sprechen kaum Deutsch, Sprachkurse sind ausgebucht.", tags: "Integration|Sprache", bedarf: "mittel" },
  ],
};

const SILENT: Record<Group, Template> = {
  elderly: { text: "Viele Hochbetagte leben allein, der nächste Treffpunkt ist ohne Auto kaum erreichbar.", tags: "Vereinsamung|Mobilität", bedarf: "mittel" },
  children: { text: "Jugendliche haben keinen Treffpunkt, der letzte Bus fährt um 20 Uhr.", tags: "Jugend|Mobilität|Treffpunkt", bedarf: "mittel" },
  context: { text: "Gefährliche Schulwege an der Hauptstraße, Eltern fordern Tempo 30.", tags: "Verkehr|Sicherheit", bedarf: "niedrig" },
  "working-age": { text: "Pflegende Angehörige sind überlastet und finden keine Entlastungsangebote.", tags: "Pflege|Beratung", bedarf: "mittel" },
};

const rate = (num: number, den: number): number => (den > 0 ? num / den : 0);
/** The 2018 indicator that backs an observation for each target group. */
const GROUP_RATE: Record<Group, (a: SyntheticArea) => number> = {
  children: (a) => rate(a.counts[2018].sgb2_unter_15, a.counts[2018].ew_0_5 + a.counts[2018].ew_6_14),
  "working-age": (a) => rate(a.counts[2018].sgb2_personen, a.counts[2018].einwohner - a.counts[2018].ew_65_plus),
  elderly: (a) => rate(a.counts[2018].grundsicherung_65_plus, a.counts[2018].ew_65_plus),
  context: (a) => rate(a.counts[2018].migrationshintergrund, a.counts[2018].einwohner),
};

function source(rng: Rng, group: Group, a: SyntheticArea): string {
  const options: Record<Group, string[]> = {
    children: ["Jugendhilfeplanung", "Schulsozialarbeit", `Stadtteilkonferenz ${a.stadtteilName}`],
    "working-age": [`Stadtteilkonferenz ${a.stadtteilName}`, `Quartiersbüro ${a.name}`, "Arbeitskreis Beschäftigung"],
    elderly: ["Seniorenbeirat", `Stadtteilkonferenz ${a.stadtteilName}`],
    context: ["Bürgersprechstunde", `Quartiersbüro ${a.name}`],
  };
  return pick(rng, options[group]);
}

function date(rng: Rng): string {
  const d = new Date(Date.UTC(2018, 1, 1) + rng.int(500) * 86_400_000);
  const wd = d.getUTCDay();
  if (wd === 0 || wd === 6) d.setUTCDate(d.getUTCDate() + (wd === 6 ? 2 : 1)); // meetings are on weekdays
  return d.toISOString().slice(0, 10);
}

/**
 * The ~20 observations of data/stadtteiltreffen.csv: 14 in Sozialräume whose 2018 data show the problem (among
 * the highest rates of the target group's indicator), 6 in Sozialräume where the data show nothing (lower half
 * of the latent deprivation) — local knowledge the indicators miss.
 */
export function plantObservations(rng: Rng, areas: SyntheticArea[]): PlantedObservation[] {
  const regular = areas.filter((a) => !a.small);
  const out: PlantedObservation[] = [];
  const used = new Set<string>();
  const backedPlan: Group[] = ["children", "children", "children", "children", "children", "working-age", "working-age", "working-age", "working-age", "elderly", "elderly", "elderly", "context", "context"];
  const templateUse = new Map<Group, number>();
  for (const group of backedPlan) {
    const top = [...regular].sort((x, y) => GROUP_RATE[group](y) - GROUP_RATE[group](x) || x.id.localeCompare(y.id)).slice(0, 8);
    const free = top.filter((a) => !used.has(`${a.id}/${group}`));
    const a = pick(rng, free);
    used.add(`${a.id}/${group}`);
    const k = templateUse.get(group) ?? 0;
    templateUse.set(group, k + 1);
    const t = BACKED[group][k % BACKED[group].length];
    out.push({ datum: date(rng), sozialraum_id: a.id, zielgruppe: group, quelle: source(rng, group, a), ...t, befund: "von Daten gestützt" });
  }
  const calm = [...regular].sort((x, y) => x.deprivation[2018] - y.deprivation[2018] || x.id.localeCompare(y.id)).slice(0, Math.floor(regular.length / 2));
  const silentPlan: Group[] = ["elderly", "children", "context", "working-age", "elderly", "children"];
  for (const group of silentPlan) {
    const free = calm.filter((a) => !used.has(`${a.id}/${group}`));
    const a = pick(rng, free);
    used.add(`${a.id}/${group}`);
    out.push({ datum: date(rng), sozialraum_id: a.id, zielgruppe: group, quelle: source(rng, group, a), ...SILENT[group], befund: "ohne Datenbefund" });
  }
  return out.sort((x, y) => x.datum.localeCompare(y.datum) || x.sozialraum_id.localeCompare(y.sozialraum_id));
}

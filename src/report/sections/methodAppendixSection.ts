import type { ClassScheme } from "../../classify/assignClass.js";
import { DEFAULT_VERDICT_RULE } from "../../classify/conspicuousness.js";
import { berlinMssDynamic, berlinMssStatus } from "../../classify/schemes.js";
import { TARGET_GROUP_LABELS, isTargetGroup } from "../../indicators/targetGroups.js";
import { normalQuantile } from "../../indicators/normalQuantile.js";
import { formatGermanNumber } from "../../io/formatGermanNumber.js";
import type { ResolvedAnalysisConfig } from "../../analysis/analysisConfig.js";
import type { ReportSection, ReportTable } from "../section.js";
import { MAD_CONSTANT } from "../../standardize/robustZ.js";
import type { SensitivityAnalysis } from "../../audit/compositeIndexVariants.js";
import { DEFAULT_SEED } from "../../inference/defaultSeed.js";

/** Parameters of the optional analysis steps, as used (missing fields are reported as the library defaults). */
export interface MethodAppendixOptions {
  /** The sensitivity analysis (its recorded parameters are used) or its parameters. */
  sensitivity?: SensitivityAnalysis | { seed?: number; draws?: number; thresholdShift?: number };
  /** Spatial autocorrelation (Moran's I, LISA). */
  spatial?: { weights?: string; transform?: "R" | "B" | "none"; permutations?: number; seed?: number; alpha?: number; fdr?: boolean; denominator?: "n" | "n-1" };
  /** Segregation and mix indices. */
  mix?: { permutations?: number; seed?: number; threshold?: number; alpha?: number; atkinsonB?: number };
  /** Need versus supply (2SFCA). */
  supply?: { radiusKm?: number; decay?: "none" | "gaussian" | "steps"; per?: number };
  /** Anchor id (default "methodenanhang"). */
  id?: string;
}

/** "value" or "value (Voreinstellung)" when the caller did not set it. */
const used = <T>(given: T | undefined, dflt: T, show: (v: T) => string = String) => (given === undefined ? `${show(dflt)} (Voreinstellung)` : show(given));

/**
 * The German method appendix of a report: every formula of the analysis — rate, Wilson interval, empirical
 * Bayes, z-score variants, robust z, percentile ranks and normal scores, composite index, class boundaries,
 * conspicuousness rule, ranking, Moran's I and LISA, segregation indices, 2SFCA, the sensitivity analysis and
 * the provenance record — with the parameters actually used (from the resolved configuration and the options;
 * library defaults are marked "Voreinstellung") and the source of each method. Tables: formulas with
 * parameters and sources, the indicator catalogue (numerator, base, unit, direction, minimum base, source),
 * and the class boundaries.
 *
 * @example
 * const section = methodAppendixSection(result.parameters, { sensitivity: analysisSensitivity(result) });
 */
export function methodAppendixSection(config: ResolvedAnalysisConfig, options: MethodAppendixOptions = {}): ReportSection {
  const fn = "methodAppendixSection";
  if (!config || !config.standardization || !config.statusIndex) throw new Error(`${fn}: erwartet wird eine aufgelöste Analysekonfiguration (resolveAnalysisConfig oder result.parameters)`);
  const conf = config.confidence;
  const zConf = normalQuantile((1 + conf) / 2);
  const mean = config.standardization.mean;
  const sd = config.standardization.sd;
  const labelOf = (id: string) => config.indicators.find((d) => d.id === id)?.label ?? id;
  const indexText = (spec: Array<{ id: string; weight: number }>) => spec.map((s) => `${labelOf(s.id)} (Gewicht ${formatGermanNumber(s.weight)})`).join(", ");
  const rule = { ...DEFAULT_VERDICT_RULE, ...config.verdictRule };
  const sens = sensitivityParameters(options.sensitivity);
  const sp = options.spatial ?? {};
  const mx = options.mix ?? {};
  const su = options.supply ?? {};
  /** Steps whose options are absent were not part of this analysis: their defaults are shown as such. */
  const notRun = (given: unknown, text: string) => (given === undefined ? `nicht Teil dieser Analyse; Voreinstellungen: ${text}` : text);

  const rows: Array<{ schritt: string; formel: string; parameter: string; quelle: string }> = [
    {
      schritt: "Anteil (Rate)",
      formel: "p̂ = Σ Zähler / Σ Bezugsgröße; Wert = p̂ · 100 (%) bzw. · 1000 (‰)",
      parameter: `Indikatoren siehe Tabelle „Indikatorenkatalog“; Mindesteinwohnerzahl ${formatGermanNumber(config.minimumPopulation)}; Werte mit Bezugsgröße unter der Mindestbezugsgröße gehen nicht in z-Werte und Indizes ein`,
      quelle: "Indikatorenkatalog (Sozialbericht Leverkusen 2019; MSS Berlin 2021, Indikatorenheft)",
    },
    {
      schritt: "Wilson-Intervall",
      formel: "(p̂ + z²/(2n) ∓ z · √(p̂(1 − p̂)/n + z²/(4n²))) / (1 + z²/n), z = Φ⁻¹((1 + Niveau)/2)",
      parameter: `Konfidenzniveau ${formatGermanNumber(conf * 100)} %, z = ${formatGermanNumber(zConf, { decimals: 6 })}`,
      quelle: "Wilson (1927), JASA 22, 209–212; Newcombe (1998), Stat. Med. 17, 857–872; wie R prop.test(correct = FALSE)",
    },
    {
      schritt: "Empirical-Bayes-Glättung",
      formel: "b = Σk/Σn; s² = Σ nᵢ(rᵢ − b)²/Σn; a = max(0, s² − b/n̄); EBᵢ = b + a(rᵢ − b)/(a + b/nᵢ)",
      parameter: "in der Hauptanalyse nicht verwendet (Rohanteile); Variante „Empirical-Bayes-Glättung“ der Sensitivitätsanalyse, Prior über die Gebiete im Index",
      quelle: "Marshall (1991), Applied Statistics 40, 283–294; wie R spdep EBest",
    },
    {
      schritt: "z-Wert",
      formel: "z = d · (x − m) / s; ungewichtet m = Σx/n, gewichtet m = Σwx/Σw; s² = Σw(x − m)²/Σw (Grundgesamtheit) oder /(Σw − 1) (Stichprobe)",
      parameter: `Mittelwert ${mean === "weighted" ? "gewichtet mit Einwohnern" : "ungewichtet"}, Standardabweichung ${sd === "population" ? "Grundgesamtheit (Divisor n)" : "Stichprobe (Divisor n − 1)"}; d = +1 (hoch = ungünstig) oder −1 (gespiegelt)`,
      quelle: "MSS Berlin 2021, Indikatorenheft S. 41 (ungewichtet, Grundgesamtheit)",
    },
    {
      schritt: "Robuster z-Wert",
      formel: `z = d · (x − Median) / (${formatGermanNumber(MAD_CONSTANT)} · Median|x − Median|)`,
      parameter: `Konstante ${formatGermanNumber(MAD_CONSTANT)}; in der Sensitivitätsanalyse (Variante „robuste z-Werte“, auch für die Summe)`,
      quelle: "Hampel (1974), JASA 69, 383–393; wie R mad()",
    },
    {
      schritt: "Perzentilrang, Normal-Score",
      formel: "PR = 100 · (r − ½)/n (r aufsteigender Rang, Bindungen gemittelt); Normal-Score = Φ⁻¹(PR/100)",
      parameter: "in der Sensitivitätsanalyse (Varianten „Perzentilränge“, „Normal-Scores“); Summe als Normal-Score klassiert",
      quelle: "Hazen-Plotting-Position; rangbasierte inverse Normaltransformation (Beasley, Erickson & Allison 2009, Behav. Genet. 39)",
    },
    {
      schritt: "Status-Index",
      formel: "Summe = Σⱼ wⱼ zⱼ; Index = (Summe − m_Summe) / s_Summe (Summe gleich standardisiert wie die Indikatoren)",
      parameter: indexText(config.statusIndex.indicators),
      quelle: "MSS Berlin 2021, Indikatorenheft S. 41/45",
    },
    ...(config.dynamicIndex
      ? [{
          schritt: "Dynamik-Index",
          formel: "wie der Status-Index, mit den Veränderungen der Anteile in Prozentpunkten (aktuelles Jahr − Vergleichsjahr)",
          parameter: `${indexText(config.dynamicIndex.indicators)}; ${config.years.previous}–${config.years.current}`,
          quelle: "MSS Berlin 2021, Indikatorenheft S. 45",
        }]
      : []),
    {
      schritt: "Klassen",
      formel: `Status: ${schemeText(berlinMssStatus)}${config.dynamicIndex ? `; Dynamik: ${schemeText(berlinMssDynamic)}` : ""}`,
      parameter: "Grenzen wie MSS Berlin; in der Sensitivitätsanalyse um ± " + formatGermanNumber(sens.thresholdShift) + " verschoben",
      quelle: berlinMssStatus.source ?? "MSS Berlin 2021",
    },
    {
      schritt: "Auffälligkeit je Indikator",
      formel: `auffällig: z > ${formatGermanNumber(config.thresholds.flag)}; stark auffällig: z > ${formatGermanNumber(config.thresholds.strong)} (Wert genau auf der Schwelle: nicht markiert)`,
      parameter: `Schwellen ${formatGermanNumber(config.thresholds.flag)} und ${formatGermanNumber(config.thresholds.strong)}; Kontextindikatoren ohne Bewertung`,
      quelle: "Sozialbericht Leverkusen 2019 (Auffälligkeit ab einer Standardabweichung)",
    },
    {
      schritt: "Bewertung je Zielgruppe",
      formel: "stark auffällig, wenn " + (rule.strongIfAnyStrong ? "ein Indikator stark auffällig ist oder " : "") +
        `mindestens ${formatGermanNumber(rule.strongMinFlags)} Indikatoren auffällig sind; auffällig ab ${rule.minFlags === 1 ? "einem auffälligen Indikator" : `${formatGermanNumber(rule.minFlags)} auffälligen Indikatoren`}; sonst unauffällig`,
      parameter: `minFlags ${formatGermanNumber(rule.minFlags)}, strongMinFlags ${formatGermanNumber(rule.strongMinFlags)}, strongIfAnyStrong ${rule.strongIfAnyStrong ? "ja" : "nein"}`,
      quelle: "Regel der Sozialberichterstattung (Leverkusen 2019), einstellbar",
    },
    {
      schritt: "Rangfolge",
      formel: "Rang 1 = höchster Status-Index (größte Benachteiligung); Bindungen erhalten den besten Rang (1, 2, 2, 4)",
      parameter: "Gebiete ohne Status-Index ohne Rang",
      quelle: "Wettkampf-Rangfolge (R rank(−x, ties.method = \"min\"))",
    },
    {
      schritt: "Moran's I",
      formel: "I = n/S₀ · Σᵢ Σⱼ wᵢⱼ zᵢ zⱼ / Σᵢ zᵢ², z = x − x̄, E[I] = −1/(n − 1); Pseudo-p = (M + 1)/(R + 1)",
      parameter: notRun(options.spatial, `Gewichte ${used(sp.weights, "Queen-Nachbarschaft")}, Transformation ${used(sp.transform, "R", transformText)}, Permutationen ${used(sp.permutations, 999)}, Startwert ${used(sp.seed, DEFAULT_SEED)}`),
      quelle: "Moran (1950); Cliff & Ord (1981); wie R spdep moran.test und PySAL esda",
    },
    {
      schritt: "LISA (lokales Moran's I)",
      formel: "Iᵢ = zᵢ/m₂ · Σⱼ wᵢⱼ zⱼ, m₂ = Σ z²/" + (sp.denominator === "n-1" ? "(n − 1)" : "n") + "; bedingte Permutation; Quadranten HH, LL, HL, LH",
      parameter: notRun(options.spatial, `Signifikanzniveau ${used(sp.alpha, 0.05, (v) => formatGermanNumber(v))}, Permutationen ${used(sp.permutations, 999)}, Startwert ${used(sp.seed, DEFAULT_SEED)}, FDR-Korrektur ${used(sp.fdr, false, (v) => (v ? "ja (Benjamini–Hochberg)" : "nein"))}`),
      quelle: "Anselin (1995), Geogr. Analysis 27, 93–115; wie R spdep localmoran",
    },
    {
      schritt: "Segregation (eine Gruppe)",
      formel: "D = Σᵢ tᵢ|pᵢ − P|/(2TP(1 − P)); G = ΣᵢΣⱼ tᵢtⱼ|pᵢ − pⱼ|/(2T²P(1 − P)); H = Σᵢ tᵢ(E − Eᵢ)/(ET); xPx = Σᵢ (xᵢ/X)(xᵢ/tᵢ); " +
        `A = 1 − P/(1 − P) · |Σᵢ (1 − pᵢ)^(1−b) pᵢ^b tᵢ/(PT)|^(1/(1−b))`,
      parameter: notRun(options.mix, `Atkinson b = ${used(mx.atkinsonB, 0.5, (v) => formatGermanNumber(v))}; Permutationstest: ${used(mx.permutations, 999)} Ziehungen, Startwert ${used(mx.seed, DEFAULT_SEED)}`),
      quelle: "Duncan & Duncan (1955); Massey & Denton (1988), Social Forces 67, 281–315; wie PySAL segregation",
    },
    {
      schritt: "Durchmischung (mehrere Gruppen)",
      formel: "D = Σᵢ Σₖ tᵢ|pᵢₖ − Pₖ|/(2TI), I = Σₖ Pₖ(1 − Pₖ); lokal dᵢ = ½ Σₖ |pᵢₖ − Pₖ|, χ²ᵢ = Σₖ (xᵢₖ − tᵢPₖ)²/(tᵢPₖ)",
      parameter: notRun(options.mix, `Markierung bei dᵢ ≥ ${used(mx.threshold, 0.1, (v) => formatGermanNumber(v))} und p < ${used(mx.alpha, 0.05, (v) => formatGermanNumber(v))} (χ² mit K − 1 Freiheitsgraden)`),
      quelle: "Sakoda (1981); Reardon & Firebaugh (2002), Sociol. Methodology 32",
    },
    {
      schritt: "Erreichbarkeit (2SFCA)",
      formel: "Rⱼ = Sⱼ / Σₖ Pₖ W(dₖⱼ) (dₖⱼ ≤ d₀); Aᵢ = Σⱼ Rⱼ W(dᵢⱼ); ausgegeben als Aᵢ · c (c = Bezugszahl, z. B. je 1.000 Einwohner)",
      parameter: notRun(options.supply, `Radius d₀ = ${used(su.radiusKm, 2, (v) => `${formatGermanNumber(v)} km`)}, Distanzabfall ${used(su.decay, "none", decayText)}, je ${used(su.per, 1000, (v) => `${formatGermanNumber(v)} Einwohner`)}; Haversine-Distanz`),
      quelle: "Luo & Wang (2003), Env. Plan. B 30, 865–884; Luo & Qi (2009), Health & Place 15, 1100–1107",
    },
    {
      schritt: "Sensitivitätsanalyse",
      formel: "je Variante eine Entscheidung geändert; je Gebiet Medianrang, 5–95-%-Rangintervall (R-Quantil Typ 7), Klassenstabilität; Spearman ρ der Rangfolgen",
      parameter: notRun(options.sensitivity, `Varianten: Mittelwert/SD, Normierung, Gewichte (je Indikator verdoppelt), Klassengrenzen ± ${formatGermanNumber(sens.thresholdShift)}, Empirical-Bayes, je ein Indikator weggelassen; Monte Carlo: ${sens.draws === 0 ? "keine Ziehungen" : `${formatGermanNumber(sens.draws)} Ziehungen, Startwert ${sens.seed}`}, Zähler ~ Binomial(Bezugsgröße, beobachteter Anteil)`),
      quelle: "Saisana, Saltelli & Tarantola (2005), JRSS A 168(2); OECD/JRC Handbook on Constructing Composite Indicators (2008), Kap. 7",
    },
    {
      schritt: "Nachvollziehbarkeit",
      formel: "SHA-256 jeder Eingabedatei; Fingerabdruck = SHA-256 über Version, Eingaben und Parameter (JSON mit sortierten Schlüsseln)",
      parameter: "gleiche Eingaben, Parameter und Startwerte ergeben byte-gleiche Ergebnisse",
      quelle: "FIPS 180-4 (SHA-256)",
    },
  ];

  const catalogue = config.indicators.map((d) => ({
    indikator: d.label,
    kennung: d.id,
    zielgruppe: isTargetGroup(d.targetGroup) ? TARGET_GROUP_LABELS[d.targetGroup] : d.targetGroup,
    zaehler: [d.numerator].flat().join(" + "),
    bezug: [d.denominator].flat().join(" + "),
    einheit: d.unit,
    richtung: d.direction === 1 ? "hoch = ungünstig" : "hoch = günstig",
    mindestbasis: d.minimumBase ?? 0,
    quelle: d.source,
  }));
  const classRows = [
    ...classTableRows("Status-Index", berlinMssStatus),
    ...(config.dynamicIndex ? classTableRows("Dynamik-Index", berlinMssDynamic) : []),
  ];
  const tables: ReportTable[] = [
    {
      title: "Formeln und Parameter",
      columns: [
        { key: "schritt", label: "Schritt" },
        { key: "formel", label: "Formel" },
        { key: "parameter", label: "Verwendete Parameter" },
        { key: "quelle", label: "Quelle" },
      ],
      rows,
    },
    {
      title: "Indikatorenkatalog",
      columns: [
        { key: "indikator", label: "Indikator" },
        { key: "kennung", label: "Kennung" },
        { key: "zielgruppe", label: "Zielgruppe" },
        { key: "zaehler", label: "Zähler" },
        { key: "bezug", label: "Bezugsgröße" },
        { key: "einheit", label: "Einheit" },
        { key: "richtung", label: "Richtung" },
        { key: "mindestbasis", label: "Mindestbezugsgröße", decimals: 0 },
        { key: "quelle", label: "Quelle" },
      ],
      rows: catalogue,
    },
    {
      title: "Klassengrenzen",
      columns: [
        { key: "index", label: "Index" },
        { key: "klasse", label: "Klasse" },
        { key: "code", label: "Nummer" },
        { key: "bereich", label: "Bereich" },
      ],
      rows: classRows,
    },
  ];
  return {
    id: options.id ?? "methodenanhang",
    title: "Methodenanhang",
    paragraphs: [
      "Dieser Anhang nennt jede Formel der Analyse mit den tatsächlich verwendeten Parametern und ihrer Quelle. " +
        "Parameter, die nicht ausdrücklich gesetzt wurden, sind als „Voreinstellung“ gekennzeichnet.",
      `Schreibweise: x Rohwert eines Indikators, n Zahl der gültigen Gebiete, d Richtung (+1: hoch = ungünstig), w Gewicht, ` +
        "Φ⁻¹ Quantilfunktion der Standardnormalverteilung, tᵢ Einwohner und xᵢ Gruppengröße in Gebiet i, T und X Summen der Stadt, P = X/T.",
      `Analysejahr ${config.years.current}${config.years.previous !== null ? `, Vergleichsjahr ${config.years.previous}` : ""}; ` +
        `Mindesteinwohnerzahl ${formatGermanNumber(config.minimumPopulation)}; Konfidenzniveau ${formatGermanNumber(conf * 100)} %.`,
    ],
    tables,
  };
}

function sensitivityParameters(s: MethodAppendixOptions["sensitivity"]): { seed: number; draws: number; thresholdShift: number } {
  if (s && "methods" in s) {
    const m = s.methods.parameters as { thresholdShift?: number };
    const c = (s.monteCarlo?.parameters ?? {}) as { seed?: number; draws?: number };
    return { seed: c.seed ?? DEFAULT_SEED, draws: s.monteCarlo ? c.draws ?? 0 : 0, thresholdShift: m.thresholdShift ?? 0.25 };
  }
  const p = (s ?? {}) as { seed?: number; draws?: number; thresholdShift?: number };
  return { seed: p.seed ?? DEFAULT_SEED, draws: p.draws ?? 1000, thresholdShift: p.thresholdShift ?? 0.25 };
}

function schemeText(scheme: ClassScheme): string {
  return classTableRows("", scheme).map((r) => `${r.klasse} ${r.bereich}`).join(", ");
}

function classTableRows(index: string, scheme: ClassScheme): Array<{ index: string; klasse: string; code: number; bereich: string }> {
  let lower: { value: number; strict: boolean } | null = null;
  return scheme.classes.map((c) => {
    const upper = c.below !== undefined ? `< ${formatGermanNumber(c.below)}` : c.atMost !== undefined ? `≤ ${formatGermanNumber(c.atMost)}` : "";
    const low = lower === null ? "" : lower.strict ? `> ${formatGermanNumber(lower.value)}` : `≥ ${formatGermanNumber(lower.value)}`;
    const bereich = low && upper ? `x ${low} und x ${upper}` : low ? `x ${low}` : `x ${upper}`;
    if (c.below !== undefined) lower = { value: c.below, strict: false };
    else if (c.atMost !== undefined) lower = { value: c.atMost, strict: true };
    return { index, klasse: c.label, code: c.code, bereich };
  });
}

function transformText(t: "R" | "B" | "none"): string {
  return t === "R" ? "zeilenstandardisiert" : t === "B" ? "binär" : "unverändert";
}

function decayText(d: "none" | "gaussian" | "steps"): string {
  return d === "none" ? "keiner (klassisches 2SFCA)" : d === "gaussian" ? "Gauß" : "Stufen (E2SFCA)";
}

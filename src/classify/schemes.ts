import { checkClassScheme, type ClassScheme } from "./assignClass.js";

const MSS_SOURCE =
  "Senatsverwaltung für Stadtentwicklung, Bauen und Wohnen Berlin: Monitoring Soziale Stadtentwicklung 2021, Indikatorenheft S. 41/45";

/**
 * Berlin MSS status index classes: hoch x < −1, mittel −1 ≤ x ≤ 1, niedrig 1 < x ≤ 1.5, sehr niedrig x > 1.5
 * (a high index value means a low social status).
 */
export const berlinMssStatus: ClassScheme = checkClassScheme({
  id: "berlin-mss-status",
  label: "Status-Index (MSS Berlin)",
  source: MSS_SOURCE,
  classes: [
    { label: "hoch", code: 1, below: -1 },
    { label: "mittel", code: 2, atMost: 1 },
    { label: "niedrig", code: 3, atMost: 1.5 },
    { label: "sehr niedrig", code: 4 },
  ],
});

/** Berlin MSS dynamic index classes: positiv x < −1, stabil −1 ≤ x ≤ 1, negativ x > 1. */
export const berlinMssDynamic: ClassScheme = checkClassScheme({
  id: "berlin-mss-dynamic",
  label: "Dynamik-Index (MSS Berlin)",
  source: MSS_SOURCE,
  classes: [
    { label: "positiv", code: 1, below: -1, symbol: "+" },
    { label: "stabil", code: 2, atMost: 1, symbol: "+/-" },
    { label: "negativ", code: 3, symbol: "-" },
  ],
});

/** Thresholds for conspicuous ("auffällige") z-values. */
export interface ConspicuousnessThresholds {
  /** z above this is "auffällig" (default 1). */
  flag?: number;
  /** z above this is "stark auffällig" (default 1.5). */
  strong?: number;
}

/** Default thresholds: z > 1 auffällig, z > 1.5 stark auffällig. */
export const DEFAULT_THRESHOLDS: Readonly<Required<ConspicuousnessThresholds>> = Object.freeze({ flag: 1, strong: 1.5 });

/**
 * The per-indicator levels as a class scheme: unauffällig z ≤ flag, auffällig flag < z ≤ strong,
 * stark auffällig z > strong.
 *
 * @example
 * assignClass(1.7, conspicuousnessScheme()).label;              // "stark auffällig"
 * assignClass(1.7, conspicuousnessScheme({ strong: 2 })).label; // "auffällig"
 */
export function conspicuousnessScheme(thresholds: ConspicuousnessThresholds = {}): ClassScheme {
  const flag = thresholds.flag ?? DEFAULT_THRESHOLDS.flag;
  const strong = thresholds.strong ?? DEFAULT_THRESHOLDS.strong;
  if (!Number.isFinite(flag) || !Number.isFinite(strong) || strong < flag) {
    throw new Error(`conspicuousnessScheme: Option "thresholds" muss endlich sein mit strong ≥ flag, angegeben: flag ${flag}, strong ${strong}`);
  }
  return checkClassScheme({
    id: "conspicuousness",
    label: "Auffälligkeit",
    classes: [
      { label: "unauffällig", code: 0, atMost: flag },
      { label: "auffällig", code: 1, atMost: strong },
      { label: "stark auffällig", code: 2 },
    ],
  });
}

/** Schemes by id, as the CLI's `--scheme` names them. */
export const classSchemes: Readonly<Record<string, ClassScheme>> = Object.freeze({
  [berlinMssStatus.id]: berlinMssStatus,
  [berlinMssDynamic.id]: berlinMssDynamic,
});

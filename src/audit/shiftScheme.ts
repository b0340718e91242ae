import { checkClassScheme, type ClassScheme } from "../classify/assignClass.js";

/** The scheme with every bound moved by `shift` (the same scheme when 0). */
export function shiftScheme(scheme: ClassScheme, shift: number): ClassScheme {
  if (shift === 0) return scheme;
  return checkClassScheme({
    ...scheme,
    id: `${scheme.id}${shift > 0 ? "+" : ""}${shift}`,
    classes: scheme.classes.map((c) => ({
      ...c,
      ...(c.below !== undefined ? { below: c.below + shift } : {}),
      ...(c.atMost !== undefined ? { atMost: c.atMost + shift } : {}),
    })),
  });
}

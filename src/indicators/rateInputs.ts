/**
 * Checks the event and population arrays of a rate smoother (internal helper).
 * Events must be finite and ≥ 0, populations finite and > 0, both of the same length.
 */
export function checkRateInputs(fn: string, events: readonly number[], population: readonly number[]): void {
  if (!Array.isArray(events) || !Array.isArray(population)) {
    throw new TypeError(`${fn}: events und population müssen Listen von Zahlen sein`);
  }
  if (events.length !== population.length) {
    throw new RangeError(`${fn}: events (${events.length}) und population (${population.length}) sind verschieden lang`);
  }
  if (events.length === 0) throw new RangeError(`${fn}: keine Gebiete`);
  for (let i = 0; i < events.length; i++) {
    const k = events[i];
    const n = population[i];
    if (typeof n !== "number" || !Number.isFinite(n) || n <= 0) {
      throw new RangeError(`${fn}: population an Position ${i} muss eine positive Zahl sein, angegeben ist ${String(n)}`);
    }
    if (typeof k !== "number" || !Number.isFinite(k) || k < 0) {
      throw new RangeError(`${fn}: events an Position ${i} muss eine nicht negative Zahl sein, angegeben ist ${String(k)}`);
    }
  }
}

/** Σ values (plain loop; the inputs are small and already checked). */
export function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

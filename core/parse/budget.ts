/**
 * A time budget for one parse. The parser runs on every chart edit, so no input may
 * hold it for more than 50 ms: past the budget, extraction stops and the encounter
 * says which text was not read. Parsing is synchronous, so one module-level budget
 * is enough.
 */
const now = (): number => globalThis.performance?.now?.() ?? Date.now();

let deadline = Number.POSITIVE_INFINITY;
let exceeded = false;

export function startBudget(ms: number): void {
  deadline = now() + ms;
  exceeded = false;
}

/** True once the budget is spent (and from then on, without asking the clock again). */
export function overBudget(): boolean {
  if (exceeded) return true;
  // Ordinary notes run without a time limit: no need to read the clock for them.
  if (deadline === Number.POSITIVE_INFINITY) return false;
  if (now() > deadline) exceeded = true;
  return exceeded;
}

export function budgetExceeded(): boolean {
  return exceeded;
}

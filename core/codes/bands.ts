/**
 * Size-band lookup shared by every family that picks a code from a measurement
 * (shave removal, excision, malignant destruction, vascular lesion area, …).
 *
 * CPT size bands are written to one decimal (≤0.5 / 0.6-1.0 / 1.1-2.0 …), so a
 * measurement is rounded to one decimal before lookup, and a value exactly on a
 * boundary belongs to the lower band (1.0 → 0.6-1.0; 2.05 → 2.1 → 2.1-3.0).
 */

export interface SizeBand<T> {
  /** Inclusive upper bound after rounding to one decimal; omit on the open-ended top band. */
  max?: number;
  value: T;
}

/** Round half up to one decimal, immune to binary noise (2.05 → 2.1, not 2.0). */
export function roundToTenth(value: number): number {
  return Math.round(value * 10 + 1e-9) / 10;
}

/**
 * The band a measurement falls in, or undefined for a missing, negative or
 * non-finite measurement (the rule then asks for it instead of guessing).
 * Bands must be ordered by ascending `max`, the open-ended band last.
 */
export function lookupBand<T>(value: number | undefined, bands: readonly SizeBand<T>[]): T | undefined {
  if (value === undefined || !Number.isFinite(value) || value < 0) return undefined;
  const rounded = roundToTenth(value);
  for (const band of bands) {
    if (band.max === undefined || rounded <= band.max) return band.value;
  }
  return undefined;
}

/** Build bands from upper bounds and the codes in the same order (one more code than bounds = open top band). */
export function bandsOf<T>(upperBounds: readonly number[], values: readonly T[]): SizeBand<T>[] {
  if (values.length !== upperBounds.length && values.length !== upperBounds.length + 1) {
    throw new Error(`bands: ${values.length} values for ${upperBounds.length} bounds`);
  }
  return values.map((value, i) => (i < upperBounds.length ? { max: upperBounds[i], value } : { value }));
}

/** Lesion diameter bands of excision (11400-11646) and malignant destruction (17260-17286): ≤0.5 / 0.6-1.0 / 1.1-2.0 / 2.1-3.0 / 3.1-4.0 / >4.0 cm. */
export const SIX_DIAMETER_BOUNDS_CM = [0.5, 1.0, 2.0, 3.0, 4.0] as const;

/** Shave removal (11300-11313) bands: ≤0.5 / 0.6-1.0 / 1.1-2.0 / >2.0 cm. */
export const FOUR_DIAMETER_BOUNDS_CM = [0.5, 1.0, 2.0] as const;

/** Human label of a band, e.g. "1.1-2.0 cm", for findings. */
export function bandLabel(value: number | undefined, upperBounds: readonly number[], unit = 'cm'): string | undefined {
  if (value === undefined || !Number.isFinite(value) || value < 0) return undefined;
  const rounded = roundToTenth(value);
  let lower: number | undefined;
  for (const max of upperBounds) {
    if (rounded <= max) return lower === undefined ? `≤${max.toFixed(1)} ${unit}` : `${(lower + 0.1).toFixed(1)}-${max.toFixed(1)} ${unit}`;
    lower = max;
  }
  return `>${(lower ?? 0).toFixed(1)} ${unit}`;
}

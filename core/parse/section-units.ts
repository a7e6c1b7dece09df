import { parseObjectMap } from './memo';
import type { Section } from './sections';
import { type Unit, unitsOf } from './units';

/**
 * A section's units, split once: the procedure reader and the problem list both walk the assessment/plan.
 * Keyed by the Section object, which lives for one parse only (the map is emptied when the next parse starts).
 * Callers must not change the units.
 */
const split = parseObjectMap<Section, Unit[]>();

export function sectionUnits(section: Section): Unit[] {
  let units = split.get(section);
  if (!units) {
    units = unitsOf(section.text, section.start);
    split.set(section, units);
  }
  return units;
}

import { describe, expect, it } from 'vitest';
import { parseNote } from '../../../core/parse';

// Misreads found by probing visit notes in styles the golden corpus lacks; each case is one general phrasing.

describe('protective equipment is not a treated site', () => {
  it.each([
    ['Genital shielding: yes'],
    ['Genital shield: in place'],
    ['Groin protection: yes'],
    ['Genitals shielded, goggles on.'],
    ['Shield over the genitals and UV goggles worn.'],
  ])('%s', (line) => {
    const e = parseNote(`Date of Service: 11/10/2026\nNB-UVB phototherapy, whole body, for plaque psoriasis. Dose 820 mJ/cm2.\n${line}\n`);
    const photo = e.procedures.filter((p) => p.kind === 'phototherapy');
    expect(photo).toHaveLength(1);
    expect(photo[0]?.site?.key).not.toBe('genitalia');
  });

  it('still reads a treated site named in a treatment-area field', () => {
    const e = parseNote('Date of Service: 11/10/2026\nExcimer laser 308 nm for psoriasis.\nTreatment area: R elbow, 40 sq cm.\nGenital shielding: n/a\n');
    expect(e.procedures.find((p) => p.kind === 'laser-psoriasis')?.site?.key).toBe('elbow');
  });
});

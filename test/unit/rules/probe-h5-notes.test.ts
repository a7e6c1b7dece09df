import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { Settings } from '../../../core/model';
import { parseNote } from '../../../core/parse';

// Probe h5 (visit notes in styles the golden corpus lacks, round 3), coded end to end: exact lines.

const linesOf = (text: string) =>
  codeEncounter(parseNote(text), Settings.parse({})).lines.map(
    (l) => `${l.code}${l.modifiers.map((m) => `-${m}`).join('')}${l.units > 1 ? ` x${l.units}` : ''}${l.billing === 'self-pay' ? ' self-pay' : ''}`,
  );

describe('a repeat I&D of the same site inside the first one’s global period', () => {
  const note = (dos: string, today: string) =>
    `Visit date: ${dos}\nSeen 11/20/2026: I&D of a 2 cm fluctuant abscess L axilla (simple, no packing) = 10060.\n\nProcedure: ${today}\n`;
  it.each([
    ['11/25/2026', 'repeat incision and drainage, L axilla, same site; pus expressed, no packing.', ['10060-76']],
    // Past the 10-day global: a new I&D, no 76.
    ['12/05/2026', 'repeat incision and drainage, L axilla, same site; pus expressed, no packing.', ['10060']],
    // Not said to be the same site: the coder decides.
    ['11/25/2026', 'incision and drainage of a new fluctuant abscess of the R groin; pus expressed.', ['10060']],
  ])('%s: %s', (dos, today, lines) => {
    expect(linesOf(note(dos, today))).toEqual(lines);
  });
});

describe('an attending attestation restates the resident’s procedures', () => {
  it('adds no procedure, however long the attestation line', () => {
    const text =
      'Date of Service: 11/25/2026\nA/P:\n1. AK x7 scalp - LN2 cryo, all 7 treated.\n2. r/o BCC L upper back - shave bx, spec A.\n\n' +
      `ATTENDING ATTESTATION: I saw and examined the patient with the resident and discussed the plan. I was present for the key portions of the cryotherapy and the biopsy. I agree with the resident's note as documented above, including the AK cryotherapy x7 and the shave biopsy. ${'Signed. '.repeat(5)}\n`;
    expect(linesOf(text)).toEqual(['11102-59', '17000', '17003 x6', '88305']);
  });
});

describe('sizes the exam gives for the lesions the plan removes', () => {
  it('takes the one exam size at the same site and side, at two levels of detail', () => {
    const text =
      'Date of Service: 11/25/2026\nS: wants a spot off; itchy growth under breast.\nO: R inframammary fold: 1.2 cm inflamed crusted SK. L malar cheek: 0.5 cm tan waxy SK.\nA/P:\n1. ISK R inframammary fold, itchy and bleeding - shave removal.\n2. SK L cheek - itchy, irritated - shave removal.\n';
    expect(linesOf(text)).toEqual(['11302', '11310']);
  });
  it('leaves a plan removal without size when the exam gives two at that site', () => {
    const text =
      'Date of Service: 11/25/2026\nS: itchy growths.\nO: L cheek: 0.5 cm SK and 0.9 cm SK, both itchy.\nA/P:\n1. ISK L cheek, itchy - shave removal.\n';
    expect(linesOf(text)).toEqual([]);
  });
});

describe('numbered procedures of one class and a paring that was not done', () => {
  it('counts each numbered procedure; "no paring" is no 11056', () => {
    const text =
      'DOS 11/25/2026\nProcedure 1: Molluscum - cantharidin applied to all 12 lesions, occluded.\nProcedure 2: Warts - LN2 cryo to all 5 warts, 1 FTC each, no paring.\n';
    expect(linesOf(text)).toEqual(['17111']);
  });
});

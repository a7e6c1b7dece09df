import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { parseNote, parseSections } from '../../../core/parse';
import { plainSpaces } from '../../../core/parse/spaces';

/** What a note codes to, in short: "code xunits [modifiers] dx". */
const claim = (text: string) => codeEncounter(parseNote(text)).lines.map((l) => `${l.code} x${l.units} [${l.modifiers.join(',')}] ${l.dx.join(',')}`);

const NOTE = [
  'DOS: 03/02/2026',
  'Procedure: Excision, malignant',
  'Site: R forearm',
  'Lesion size: 1.1 cm; margins: 0.2 cm each side',
  'Repair: layered closure 3.0 cm',
  'Final pathology: squamous cell carcinoma in situ, margins clear.',
].join('\n');

describe('plainSpaces', () => {
  it.each([
    ['no-break space', 'Site:\u00a0R forearm', 'Site: R forearm'],
    ['narrow no-break space in a size', '1.1\u202fcm', '1.1 cm'],
    ['thin and ideographic spaces', 'a\u2009b\u3000c', 'a b c'],
    ['lone carriage returns (old Mac export)', 'A\rB\r\nC', 'A\nB\r\nC'],
  ])('%s', (_name, input, expected) => {
    const out = plainSpaces(input);
    expect(out).toBe(expected);
    // One code unit for one: spans into the text keep their offsets.
    expect(out.length).toBe(input.length);
  });

  it('a note pasted with no-break spaces codes exactly as the typed note', () => {
    const typed = claim(NOTE);
    expect(typed).toEqual(['11602 x1 [] D04.61', '12032 x1 [] D04.61', '88305 x1 [] D04.61']);
    expect(claim(NOTE.replace(/: /g, ':\u00a0').replace(/ cm/g, '\u00a0cm'))).toEqual(typed);
    expect(claim(NOTE.replace(/\n/g, '\r'))).toEqual(typed);
  });

  it('EMR sections get the same treatment, and spans point at the plain text', () => {
    const e = parseSections([{ name: 'Procedure', role: 'procedure', text: NOTE.replace(/: /g, ':\u00a0') }]);
    const p = e.procedures[0];
    expect(p?.kind).toBe('excision');
    const span = p?.span;
    expect(span && e.sections[span.section]?.slice(span.start, span.end)).toContain('Excision');
    expect(Object.values(e.sections).join('')).not.toContain('\u00a0');
  });
});

describe('no-break spaces and lone CRs at the other doors', () => {
  it('a stand-alone pathology report with lone CRs reads as the same report', async () => {
    const { readFileSync } = await import('node:fs');
    const { reportDocumentEncounter } = await import('../../../core/reconcile/report-document');
    const report = readFileSync('test/fixtures/notes/244-path-site-numbered-pas-ihc.txt', 'utf8').replace(/\n/g, '\r');
    const read = reportDocumentEncounter(report, parseNote(report));
    // Part 1 with its PAS stain, part 2 with its two IHC stains (as the LF file reads).
    expect(read?.pathology.map((r) => [r.specimenLabel, r.stains.length, r.ihc.length])).toEqual([
      ['1', 1, 0],
      ['2', 0, 2],
    ]);
  });

  it('the command line decodes a pasted note to plain spaces', async () => {
    const { decode } = await import('../../../cli/read-input');
    expect(decode(new TextEncoder().encode('Site:\u00a0R arm\rSize: 0.4\u202fcm')).text).toBe('Site: R arm\nSize: 0.4 cm');
  });
});

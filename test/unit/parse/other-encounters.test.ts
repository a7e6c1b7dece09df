import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { parseSections } from '../../../core/parse';

// Probe h13: a page listing two dated encounters keeps this visit's; without a page-level date it is the latest.

const OLD = 'Office Visit - 06/02/2026 - Signed\nDate of Service: 06/02/2026\nProcedures\nShave biopsy R cheek, specimen A to dermpath.\n';
const NEW = 'Office Visit - 11/20/2026 - Open\nDate of Service: 11/20/2026\nProcedures\nPunch biopsy 4 mm L shin, specimen A to dermpath.\n';
const code = (sections: { name: string; role: string; text: string }[]) => {
  const e = parseSections(sections);
  return [e.visit.dateOfService, ...codeEncounter(e).lines.map((l) => l.code)];
};

describe('notes of two dates on one page', () => {
  it('oldest first, no date of the page own: the latest encounter is the visit', () => {
    expect(code([{ name: 'Note', role: 'note', text: `Notes\n${OLD}${NEW}` }])).toEqual(['2026-11-20', '11104', '88305']);
  });

  it('the reader echoing the first encounter\'s date ("Date of service:" header) does not make it the visit', () => {
    expect(
      code([
        { name: 'header', role: 'header', text: 'Date of service: 06/02/2026' },
        { name: 'Note', role: 'note', text: `Notes\n${OLD}${NEW}` },
      ]),
    ).toEqual(['2026-11-20', '11104', '88305']);
  });

  it('newest first: still the latest', () => {
    expect(code([{ name: 'Note', role: 'note', text: `Notes\n${NEW}${OLD}` }])).toEqual(['2026-11-20', '11104', '88305']);
  });

  it('a date of service above the encounters (the page banner) names the visit, even an older one', () => {
    expect(code([{ name: 'Note', role: 'note', text: `Patient: Test, Patient-663\nDOS: 06/02/2026\nNotes\n${OLD}${NEW}` }])).toEqual([
      '2026-06-02',
      '11102',
      '88305',
    ]);
  });
});

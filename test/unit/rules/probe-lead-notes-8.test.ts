import { describe, expect, it } from 'vitest';
import { parseNote } from '../../../core/parse';
import { codeNote } from './note-harness';

// Misreads found by the lead's probe notes (session 8), coded end to end (parse → rules):
// exact lines (code-modifiers xunits), their diagnoses and the finding ids.

describe('a visit titled "Path results / follow-up" that quotes an earlier visit\'s results', () => {
  const note =
    'PATH RESULTS / FOLLOW-UP\nPatient: Test, Patient-720\nPath from 11/11/2026: (A) L cheek: superficial BCC. (B) R chest: dysplastic nevus, moderate atypia, margins involved.\nDiscussed results with pt in person.\nToday: ED&C x3 cycles of L cheek sBCC, lesion 0.8 cm, final defect 1.2 cm.\nR chest: re-excision scheduled in 2 weeks.\n';
  it("is a visit note: today's ED&C is coded and the quoted results are not billed again", () => {
    const r = codeNote(note);
    expect(r.lines).toEqual(['17281']);
    expect(r.dx).toEqual([['C44.319']]);
  });
  it('a title naming only the results still opens a report', () => {
    const e = parseNote('Date of Service: 11/20/2026\nPATH RESULTS\nA. Skin, L cheek, shave biopsy: superficial basal cell carcinoma.\n');
    expect(e.pathology.map((p) => [p.specimenLabel, p.behavior])).toEqual([['A', 'malignant']]);
  });
});

describe('a post-op visit told as "Follow-up after <surgery> <date> (<repair>)"', () => {
  const note =
    'Follow-up after Mohs of L nasal tip 11/10/2026 (bilobed flap repair). Sutures removed today. Well healed.\nNew issue: pink scaly papule R forearm, 8 mm, ? SCC. Shave bx performed, specimen A.\nAlso 3 AKs on L forearm treated with LN2.\n';
  it("bills no flap today, keeps the new lesion's site, and adds 79 in the flap's 90-day global (another site)", () => {
    const r = codeNote(note, { payer: 'medicare' });
    expect(r.lines).toEqual(['11102-79-XS', '17000-79', '17003 x2', '88305']);
    expect(r.findings).not.toContain('documentation/lesion-site');
    expect(r.findings).not.toContain('tissue-transfer/att-area');
    expect(r.findings.filter((f) => f === 'checks/global-period')).toHaveLength(2);
  });
  it.each([
    ['Shave bx (pt declined Mohs) of R cheek, spec A.', ['biopsy-tangential']],
    ['Excision of BCC R back (bx proven), excised diameter 1.6 cm, intermediate repair 4 cm.', ['excision', 'repair']],
    ['s/p excision 10/30/2026 (intermediate repair), healing well.', []],
  ])('a parenthesis reads with the clause before it: %s', (line, kinds) => {
    const e = parseNote(`Date of Service: 11/20/2026\n${line}\n`);
    expect(e.procedures.filter((p) => p.status === 'performed').map((p) => p.kind)).toEqual(kinds);
  });
});

import { describe, expect, it } from 'vitest';
import { codeNote } from './note-harness';

// Misreads left from session 7 (note7's closing list), coded end to end (parse → rules): exact lines, dx and finding ids.

describe('a biopsied lesion told only by its look, with a benign problem at another site on the next line', () => {
  const biopsy = 'Pink scaly papule left upper back, 6 mm. Consent obtained. Tangential biopsy performed and sent to dermatopathology.\n';
  it.each([
    ['SKs on the chest, left alone', 'Seborrheic keratoses, chest: benign, no treatment.\n'],
    ['SKs on the trunk, left alone', 'Seborrheic keratoses, trunk: benign, no treatment.\n'],
    ['SKs on the chest, no plan words', 'Seborrheic keratoses, chest.\n'],
    ['a cherry angioma on the R arm, reassured', 'Cherry angioma R arm - reassured.\n'],
  ])('%s → D49.2 with the "no clinical diagnosis" info', (_name, other) => {
    const r = codeNote(`Assessment and plan:\n${biopsy}${other}`, { pathology: 'in-house' });
    // Reference §13.1-13.2: each line points to its own lesion's dx; an undiagnosed lesion before pathology is D49.2.
    expect(r.lines).toEqual(['11102', '88305']);
    expect(r.dx).toEqual([['D49.2'], ['D49.2']]);
    expect(r.findings).toEqual(['diagnosis/before-pathology']);
  });

  it('the same without the consent sentence', () => {
    const r = codeNote(
      'Assessment and plan:\nPink scaly papule left upper back, 6 mm. Tangential biopsy performed, sent to path.\nSeborrheic keratoses, chest: benign, no treatment.\n',
    );
    expect(r.dx).toEqual([['D49.2'], ['D49.2']]);
  });

  it('a problem at the biopsied site that the plan does not leave alone is still what was sampled', () => {
    const r = codeNote('Assessment and plan:\nIrritated seborrheic keratosis, left upper back.\nTangential biopsy performed, sent to path.\n');
    expect(r.lines).toEqual(['11102', '88305']);
    expect(r.dx).toEqual([['L82.0'], ['L82.0']]);
  });
});

describe('a telehealth E/M with a documented modifier 95', () => {
  const visit = 'Video visit, patient at home.\nA/P:\n1. Acne vulgaris - continue doxycycline 100 mg daily, add adapalene gel qhs.\n';
  it.each([['E/M: 99213-95'], ['E/M 99213 with modifier 95'], ['Seen via telehealth, mod 95. Level 99213.']])(
    '%s → 99213-95 kept, an info asks to verify the payer',
    (em) => {
      const r = codeNote(`${visit}${em}\n`);
      // The reference is silent on telehealth modifiers: the documented one is the provider's, kept and flagged to verify.
      expect(r.lines).toEqual(['99213-95']);
      expect(r.dx).toEqual([['L70.0']]);
      expect(r.findings).toEqual(['evaluation/telehealth']);
    },
  );
  it('the finding is an info when the modifier was documented, a warning when none was', async () => {
    const { codeEncounter } = await import('../../../core/engine');
    const { Settings } = await import('../../../core/model');
    const { parseNote } = await import('../../../core/parse');
    const severity = (em: string) =>
      codeEncounter(parseNote(`Date of Service: 11/20/2026\n${visit}${em}\n`), Settings.parse({}))
        .findings.filter((f) => f.rule === 'evaluation/telehealth')
        .map((f) => f.severity);
    expect(severity('E/M: 99213-95')).toEqual(['info']);
    expect(severity('E/M: 99213')).toEqual(['warning']);
  });
});

describe('an I&D documented "simple" but packed', () => {
  it('codes 10061 (§14: packing is complicated) and a warning names the contradiction', async () => {
    const { codeEncounter } = await import('../../../core/engine');
    const { Settings } = await import('../../../core/model');
    const { parseNote } = await import('../../../core/parse');
    const d = codeEncounter(
      parseNote(
        'Date of Service: 11/20/2026\nA/P:\n1. Abscess R axilla, 2 cm, fluctuant and tender.\nProcedure: simple incision and drainage. Purulent material expressed, cavity irrigated and packed with iodoform gauze.\n',
      ),
      Settings.parse({}),
    );
    expect(d.lines.map((l) => [l.code, l.dx])).toEqual([['10061', ['L02.411']]]);
    expect(d.findings.filter((f) => f.rule === 'other-procedures/incision-drainage').map((f) => [f.severity, f.message])).toEqual([
      [
        'warning',
        'I&D (R axilla): the note calls the drainage simple but documents packing or loculations, which make it complicated (10061); 10061 was coded.',
      ],
    ]);
  });
});

describe('an Orders list restating the plan', () => {
  const plan =
    'Impression/Plan:\n1. r/o SCC, L dorsal hand -> punch bx 4 mm today, spec A, one 4-0 nylon.\n2. AK x2 R temple (L57.0) -> LN2 x2.\n\nOrders:\n  - Surgical pathology, in-house (A: L dorsal hand punch)\n  - Cryotherapy AKs x2 - done\n';
  it('codes the plan once, its biopsy keeps the impression, and the order line is no unread jar', async () => {
    const { codeEncounter } = await import('../../../core/engine');
    const { Settings } = await import('../../../core/model');
    const { parseNote } = await import('../../../core/parse');
    const e = parseNote(`Date of Service: 11/20/2026\n${plan}`);
    expect(e.procedures.map((p) => [p.kind, p.lesionLabels])).toEqual([
      ['biopsy-punch', ['1']],
      ['destruction-premalignant', ['2']],
    ]);
    const d = codeEncounter(e, Settings.parse({}));
    // §1.2 (punch 11104), §2.1 (two AKs: 17000 + 17003), §7.2 (one specimen), §13.2 (r/o SCC before pathology: D49.2).
    expect(d.lines.map((l) => `${l.code}${l.units > 1 ? ` x${l.units}` : ''} ${l.dx.join(',')}`)).toEqual([
      '11104 D49.2',
      '17000 L57.0',
      '17003 L57.0',
      '88305 D49.2',
    ]);
    expect(d.findings.map((f) => f.rule)).not.toContain('documentation/could-not-read');
    expect(d.findings.map((f) => f.rule)).not.toContain('diagnosis/before-pathology');
  });
});

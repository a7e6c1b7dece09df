import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { type ChartSnapshot, Settings } from '../../../core/model';
import { encounterFromSnapshot } from '../../../core/pipeline';
import { openDb } from '../../../core/store/db';
import { codeSnapshot, ingestSnapshot } from '../../../core/store/ingest';
import { DermLensStore } from '../../../core/store/repository';

const note = [
  'Patient: Doe, Jane   MRN: 900001',
  'DOB: 04/12/1957',
  'Date of Service: 03/02/2026',
  '',
  'ASSESSMENT & PLAN',
  '1. Neoplasm of uncertain behavior of skin - R forearm',
  '   Procedure: Shave biopsy',
  '   Location: R dorsal forearm',
  '   Specimen: A - sent to dermatopathology (in-house)',
  'Jane tolerated well.',
].join('\n');

function snapshot(text = note, url = 'https://firm.ema.md/ema/web/practice/staff#/practice/staff/patient/77/chart'): ChartSnapshot {
  return { adapter: 'generic', url, sections: [{ name: 'Note', role: 'note', text }], capturedAt: 1 };
}

const stores: DermLensStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) {
    s.db.close();
    await s.db.delete();
  }
});

describe('codeSnapshot', () => {
  it('keeps initials, never the name or MRN, in anything it returns', async () => {
    const r = await codeSnapshot(snapshot(), Settings.parse({}), 'salt');
    expect(r.patientInitials).toBe('J.D.');
    expect(r.patientKey).toMatch(/^[0-9a-f]{64}$/);
    const stored = JSON.stringify({ encounter: r.encounter, draft: r.draft });
    expect(stored).not.toMatch(/Jane|900001|04\/12\/1957/);
    expect(stored).toContain('Shave biopsy');
  });

  it('a banner with the name only in bold (no "Patient:" label) still gives initials and masks the name', async () => {
    const text = [
      'DOE, JANE A \u00b7 68 y.o. F \u00b7 DOB 04/12/1957',
      'Date of Service: 03/02/2026',
      '',
      'Procedure: Shave biopsy, R dorsal forearm, specimen A.',
    ].join('\n');
    const r = await codeSnapshot(snapshot(text), Settings.parse({}), 'salt');
    expect(r.patientInitials).toBe('J.D.');
    // No MRN: the name identifies the patient, the same key as a labeled "Patient: Doe, Jane".
    const labeled = await codeSnapshot(snapshot('Patient: Doe, Jane\nDate of Service: 03/02/2026\nProcedure: Shave biopsy.'), Settings.parse({}), 'salt');
    expect(r.patientKey).toBe(labeled.patientKey);
    expect(JSON.stringify(r.encounter)).not.toMatch(/DOE|JANE/);
  });

  it('masking keeps every section the same length as the chart text', async () => {
    const r = await codeSnapshot(snapshot(), Settings.parse({}), 'salt');
    const raw = encounterFromSnapshot(snapshot(), 'x').sections;
    expect(Object.keys(r.encounter.sections)).toEqual(Object.keys(raw));
    for (const [name, text] of Object.entries(raw)) expect(r.encounter.sections[name]).toHaveLength(text.length);
    expect(Object.values(r.encounter.sections).join('')).not.toContain('Doe');
  });

  it('the same chart read twice (another URL query) is the same encounter', async () => {
    const a = await codeSnapshot(snapshot(), Settings.parse({}), 'salt');
    const b = await codeSnapshot(snapshot(note, 'https://firm.ema.md/other?x=1'), Settings.parse({}), 'salt');
    expect(b.encounterId).toBe(a.encounterId);
  });

  it('a chart without a patient is keyed by its address (query dropped) and has no patientKey', async () => {
    const text = 'Procedure: Punch biopsy of the back, specimen A.';
    const a = await codeSnapshot(snapshot(text, 'http://localhost:5178/a.html?id=1'), Settings.parse({}), 'salt');
    const b = await codeSnapshot(snapshot(text, 'http://localhost:5178/a.html?id=2'), Settings.parse({}), 'salt');
    const c = await codeSnapshot(snapshot(text, 'http://localhost:5178/b.html'), Settings.parse({}), 'salt');
    expect(a.patientKey).toBeUndefined();
    expect(b.encounterId).toBe(a.encounterId);
    expect(c.encounterId).not.toBe(a.encounterId);
  });

  it('ingestSnapshot persists and the stored url has no query or hash', async () => {
    const store = new DermLensStore(openDb(`ingest-${Date.now()}`));
    stores.push(store);
    const r = await ingestSnapshot(store, snapshot(), Settings.parse({}), 42);
    const rec = await store.db.encounters.get(r.encounterId);
    expect(rec?.url).toBe('https://firm.ema.md/ema/web/practice/staff');
    expect(rec?.updatedAt).toBe(42);
    expect(await store.db.claimDrafts.get(r.encounterId)).toMatchObject({ codedAt: 42 });
  });
});

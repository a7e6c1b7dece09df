import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ChartSnapshot, Settings } from '../../../core/model';
import { openDb } from '../../../core/store/db';
import { ingestSnapshot } from '../../../core/store/ingest';
import { DermLensStore } from '../../../core/store/repository';
import { warmUpParser } from '../../../core/store/warm-up';

// As the background does at worker start (the parser's time budget and a cold start do not mix).
beforeAll(warmUpParser);

const visit = [
  'Patient: Doe, Jane   MRN: 900001',
  'Date of Service: 03/02/2026',
  '',
  'ASSESSMENT & PLAN',
  '1. Neoplasm of uncertain behavior of skin - R forearm',
  '   Procedure: Shave biopsy',
  '   Location: R dorsal forearm',
  '   Lesion size: 0.6 cm',
  '   Specimen: A - sent to dermatopathology (in-house)',
].join('\n');

const report = [
  'Patient: Doe, Jane   MRN: 900001',
  '',
  'DERMATOPATHOLOGY REPORT (in-house)',
  'Collected: 03/02/2026   Signed: 03/04/2026',
  'SPECIMEN A: Skin, right dorsal forearm, shave biopsy',
  'FINAL DIAGNOSIS:',
  'A. BASAL CELL CARCINOMA, NODULAR TYPE.',
].join('\n');

const snap = (text: string, url: string): ChartSnapshot => ({ adapter: 'generic', url, sections: [{ name: 'Note', role: 'note', text }], capturedAt: 1 });

const stores: DermLensStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) {
    s.db.close();
    await s.db.delete();
  }
});

describe('cross-visit pathology (core/reconcile over the store)', () => {
  it('a result read later completes the earlier visit: its held 88305 becomes ready, and the change is reported', async () => {
    const store = new DermLensStore(openDb(`recon-${Date.now()}`));
    stores.push(store);
    const settings = Settings.parse({});
    const first = await ingestSnapshot(store, snap(visit, 'http://localhost/visit'), settings, Date.parse('2026-03-02T15:00:00Z'));
    const held = first.draft.lines.filter((l) => l.code === '88305').map((l) => l.status);
    expect(held).toEqual(['held-for-pathology']);

    const second = await ingestSnapshot(store, snap(report, 'http://localhost/path'), settings, Date.parse('2026-03-05T15:00:00Z'));
    expect(second.encounterId).not.toBe(first.encounterId);
    expect(second.updated).toEqual([first.encounterId]);
    // The report's own document bills nothing for a specimen taken at the earlier visit.
    expect(second.draft.lines.filter((l) => l.code === '88305')).toEqual([]);
    const visitView = await store.encounterView(first.encounterId);
    expect(visitView?.draft?.lines.filter((l) => l.code === '88305').map((l) => l.status)).toEqual(['ready']);
    expect((await store.auditLog(first.encounterId)).map((e) => e.action)).toEqual(['coded', 'coded']);
  });

  it('another patient’s report never links', async () => {
    const store = new DermLensStore(openDb(`recon2-${Date.now()}`));
    stores.push(store);
    const settings = Settings.parse({});
    const first = await ingestSnapshot(store, snap(visit, 'http://localhost/visit'), settings);
    const other = await ingestSnapshot(store, snap(report.replace('Doe, Jane   MRN: 900001', 'Roe, Rick   MRN: 900777'), 'http://localhost/path'), settings);
    expect(other.updated).toEqual([]);
    const visitView = await store.encounterView(first.encounterId);
    expect(visitView?.draft?.lines.filter((l) => l.code === '88305').map((l) => l.status)).toEqual(['held-for-pathology']);
  });
});

describe('document identity', () => {
  it('a result page dated like the visit is its own record and does not replace the visit', async () => {
    const store = new DermLensStore(openDb(`recon3-${Date.now()}`));
    stores.push(store);
    const settings = Settings.parse({});
    const first = await ingestSnapshot(store, snap(visit, 'http://localhost/visit'), settings);
    const page = report.replace('Patient: Doe, Jane   MRN: 900001', 'Patient: Doe, Jane   MRN: 900001\nDate of Service: 03/02/2026');
    const second = await ingestSnapshot(store, snap(page, 'http://localhost/visit'), settings);
    expect(second.encounterId).not.toBe(first.encounterId);
    expect(await store.db.encounters.count()).toBe(2);
    const visitView = await store.encounterView(first.encounterId);
    expect(visitView?.record.encounter.procedures.length).toBeGreaterThan(0);
  });
});

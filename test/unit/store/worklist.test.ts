import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { PathologyReport } from '../../../core/model';
import type { DermLensStore } from '../../../core/store/repository';
import { dropStores, freshStore, saveVisit } from './helpers';

afterEach(dropStores);

const NOW = Date.parse('2026-04-01T12:00:00Z');
const report = (label: string, behavior: PathologyReport['behavior'], signedDate?: string): PathologyReport => ({
  specimenLabel: label,
  diagnosisText: `${behavior} lesion`,
  behavior,
  specimenType: 'skin',
  stains: [],
  ihc: [],
  readBy: 'in-house',
  ...(signedDate ? { signedDate } : {}),
});

const summary = async (store: DermLensStore) => (await store.worklist(NOW)).items.map((i) => [i.kind, i.encounterId, i.label ?? '', i.ageDays]);

describe('worklist', () => {
  it('pending: a specimen without a result is listed only past the aging limit (default 14 days)', async () => {
    const store = freshStore();
    await saveVisit(store, { id: 'old', dateOfService: '2026-03-17' }); // 15 days
    await saveVisit(store, { id: 'edge', dateOfService: '2026-03-18' }); // 14 days: not yet
    await saveVisit(store, { id: 'nodate' });
    expect(await summary(store)).toEqual([['pending', 'old', 'A', 15]]);
  });

  it('the aging limit follows Settings.pathologyAgingDays', async () => {
    const store = freshStore();
    await store.saveSettings({ pathologyAgingDays: 7 });
    await saveVisit(store, { id: 'v', dateOfService: '2026-03-24' }); // 8 days
    const list = await store.worklist(NOW);
    expect(list.agingDays).toBe(7);
    expect(list.items.map((i) => [i.kind, i.detail])).toEqual([['pending', 'No result 8 days after the visit (limit 7)']]);
  });

  it('unbilled: a resulted specimen with no billed interpretation, whatever its age', async () => {
    const store = freshStore();
    await saveVisit(store, { id: 'u', dateOfService: '2026-03-30', specimens: [{ label: 'B', status: 'unbilled', site: 'left cheek' }] });
    await saveVisit(store, { id: 'b', dateOfService: '2026-01-01', specimens: [{ label: 'A', status: 'billed' }] });
    const list = await store.worklist(NOW);
    expect(list.items).toEqual([
      expect.objectContaining({
        kind: 'unbilled',
        encounterId: 'u',
        label: 'B',
        site: 'left cheek',
        ageDays: 2,
        patientInitials: 'J.D.',
        dateOfService: '2026-03-30',
      }),
    ]);
  });

  it('held: a claim with a held line names the held codes', async () => {
    const store = freshStore();
    await saveVisit(store, { id: 'h', dateOfService: '2026-03-31', codes: ['11102', '88305'], held: ['88305'], specimens: [{ label: 'A', status: 'billed' }] });
    await saveVisit(store, { id: 'r', dateOfService: '2026-03-31', codes: ['11102'], specimens: [] });
    const list = await store.worklist(NOW);
    expect(list.items.map((i) => [i.kind, i.encounterId, i.detail])).toEqual([['held', 'h', '1 held line(s): 88305']]);
  });

  it('malignant: listed until a later visit of the same patient is stored; benign never', async () => {
    const store = freshStore();
    const billed = [
      { label: 'A', status: 'billed' as const },
      { label: 'B', status: 'billed' as const },
    ];
    await saveVisit(store, {
      id: 'bx',
      patientKey: 'p1',
      dateOfService: '2026-03-01',
      specimens: billed,
      pathology: [report('A', 'malignant', '2026-03-05'), report('B', 'benign', '2026-03-05')],
    });
    await saveVisit(store, { id: 'bx2', patientKey: 'p2', dateOfService: '2026-03-02', specimens: billed, pathology: [report('A', 'in-situ')] });
    expect(await summary(store)).toEqual([
      ['malignant', 'bx2', 'A', 30],
      ['malignant', 'bx', 'A', 27],
    ]);
    // A visit of p1 after the sign-out date is the follow-up; one of another patient is not.
    await saveVisit(store, { id: 'excision', patientKey: 'p1', dateOfService: '2026-03-20', specimens: [] });
    await saveVisit(store, { id: 'other', patientKey: 'p3', dateOfService: '2026-03-25', specimens: [] });
    expect(await summary(store)).toEqual([['malignant', 'bx2', 'A', 30]]);
  });

  it('counts per kind, and an empty database gives an empty list', async () => {
    const empty = freshStore();
    expect(await empty.worklist(NOW)).toEqual({ items: [], counts: { unbilled: 0, pending: 0, held: 0, malignant: 0 }, agingDays: 14 });
    const store = freshStore();
    await saveVisit(store, {
      id: 'a',
      dateOfService: '2026-01-01',
      held: ['11102'],
      specimens: [
        { label: 'A', status: 'sent' },
        { label: 'B', status: 'unbilled' },
      ],
    });
    expect((await store.worklist(NOW)).counts).toEqual({ unbilled: 1, pending: 1, held: 1, malignant: 0 });
  });
});

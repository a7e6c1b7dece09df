/**
 * Coding never changes its input: the same Encounter object is shown in the panel, stored and coded
 * again under other settings, so a rule that edits a line's array in place must never reach an array
 * the encounter owns (a line's lesion labels are often a procedure's own array).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadEncounter } from '../../../cli/main';
import { codeEncounter } from '../../../core/engine';
import { Encounter, type EncounterInput, Settings } from '../../../core/model';
import { codeBatch } from '../../../core/reconcile';
import { encounterArb } from '../fuzz/arbitraries';
import { proc } from '../rules/harness';

const ROOT = resolve(__dirname, '../../..');

/** Freezes every object and array reachable from `value`, so any write throws (ES modules are strict). */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const SETTINGS = [
  Settings.parse({ payer: 'commercial', pathology: 'in-house' }),
  Settings.parse({ payer: 'medicare', pathology: 'in-house' }),
  Settings.parse({ payer: 'medicare', pathology: 'professional' }),
  Settings.parse({ payer: 'commercial', pathology: 'external' }),
];

/** A rule that threw (e.g. writing into a frozen input) surfaces as an "Internal error" finding. */
function internalErrors(draft: ReturnType<typeof codeEncounter>): string[] {
  return draft.findings.filter((f) => f.message.startsWith('Internal error')).map((f) => `${f.rule}: ${f.message}`);
}

/** Codes under every settings variant and checks the input is still equal to a copy taken before. */
function expectUnchanged(encounter: Encounter) {
  const before = structuredClone(encounter);
  for (const settings of SETTINGS) codeEncounter(encounter, settings);
  expect(encounter).toEqual(before);
  // Frozen too: catches a change that a later rule happens to undo.
  const frozen = deepFreeze(structuredClone(encounter));
  for (const settings of SETTINGS) expect(internalErrors(codeEncounter(frozen, settings))).toEqual([]);
}

// Three specimens read at one level share the procedure's lesion labels (no lesion label of their own).
const threeSpecimens: EncounterInput = {
  id: 'three-specimens',
  procedures: [
    proc({ id: 'b1', kind: 'biopsy-tangential', lesionLabels: ['1'], specimenLabel: 'A', site: { text: 'left cheek', key: 'cheek-left' } }),
    proc({ id: 'b2', kind: 'biopsy-tangential', lesionLabels: ['2'], specimenLabel: 'B', site: { text: 'back', key: 'back-upper' } }),
    proc({ id: 'b3', kind: 'biopsy-punch', lesionLabels: ['3'], specimenLabel: 'C', site: { text: 'right forearm', key: 'forearm-right' } }),
  ],
  specimens: [
    { label: 'A', procedureId: 'b1' },
    { label: 'B', procedureId: 'b2' },
    { label: 'C', procedureId: 'b3' },
  ],
  pathology: [
    { specimenLabel: 'A', diagnosisText: 'basal cell carcinoma, nodular', behavior: 'malignant' },
    { specimenLabel: 'B', diagnosisText: 'seborrheic keratosis', behavior: 'benign' },
    { specimenLabel: 'C', diagnosisText: 'dysplastic nevus, mild atypia', behavior: 'uncertain' },
  ],
};

describe('codeEncounter leaves its input unchanged', () => {
  it('several specimens of one pathology code: the combined line does not grow a procedure’s label array', () => {
    const encounter = Encounter.parse(threeSpecimens);
    const draft = codeEncounter(encounter, Settings.parse({ payer: 'commercial', pathology: 'in-house' }));
    // The case really combines specimens into one line, or it would not test the merge.
    const combined = draft.lines.find((l) => l.code === '88305');
    expect(combined?.units).toBe(3);
    expect(combined?.lesionLabels).toEqual(['1', '2', '3']);
    expect(encounter.procedures.map((p) => p.lesionLabels)).toEqual([['1'], ['2'], ['3']]);
    expectUnchanged(Encounter.parse(threeSpecimens));
  });

  it('coding the same encounter twice gives the same claim', () => {
    const encounter = Encounter.parse(threeSpecimens);
    const settings = Settings.parse({ payer: 'medicare', pathology: 'in-house' });
    expect(codeEncounter(encounter, settings)).toEqual(codeEncounter(encounter, settings));
  });
});

function files(dir: string, keep: (f: string) => boolean): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) out.push(...files(p, keep));
    else if (keep(p)) out.push(p);
  }
  return out;
}

describe('every fixture encounter is unchanged by coding', () => {
  const notes = [
    ...files(join(ROOT, 'test/fixtures/notes'), (f) => f.endsWith('.txt')),
    ...files(join(ROOT, 'bench/notes'), (f) => f.endsWith('.txt')),
    ...files(join(ROOT, 'test/fixtures/emr'), (f) => f.endsWith('.html')),
  ];
  it('has the fixture corpus to check', () => {
    expect(notes.length).toBeGreaterThan(200);
  });
  it.each(notes.map((f) => [f.slice(ROOT.length + 1), f]))('%s', (_name, file) => {
    expectUnchanged(loadEncounter(file as string));
  });

  const linked = readdirSync(join(ROOT, 'test/fixtures/linked')).filter((d) => statSync(join(ROOT, 'test/fixtures/linked', d)).isDirectory());
  it.each(linked)('linked batch %s', (dir) => {
    const path = join(ROOT, 'test/fixtures/linked', dir);
    const encounters = files(path, (f) => !f.endsWith('expected.json')).map((f) => loadEncounter(f));
    const before = structuredClone(encounters);
    for (const settings of SETTINGS)
      codeBatch(
        encounters.map((encounter) => ({ encounter })),
        settings,
      );
    expect(encounters).toEqual(before);
  });
});

describe('generated encounters are unchanged by coding', () => {
  it('300 generated encounters (many specimens, labels shared between procedures and specimens)', () => {
    fc.assert(
      fc.property(encounterArb, (encounter) => {
        expectUnchanged(encounter);
      }),
      { numRuns: 300, seed: 20_261_126 },
    );
  });
});

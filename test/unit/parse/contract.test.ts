import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Encounter } from '../../../core/model';
import { parseNote, parseSections, splitSections } from '../../../core/parse';
import { anyNote } from '../fuzz/arbitraries';

/**
 * The parser builds its Encounter as trusted internal data and no longer runs zod on every call (it cost ~7% of a
 * parse). This test is that check instead: over every fixture note and a sample of generated notes, the parser's
 * output must already be a valid Encounter with every default filled in, so `Encounter.parse` would change nothing.
 */

const ROOT = resolve(__dirname, '../../..');
const NOTE_DIRS = [join(ROOT, 'test/fixtures/notes'), join(ROOT, 'bench/notes')];
const notes = NOTE_DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') })),
);

function expectValid(e: Encounter): void {
  const checked = Encounter.safeParse(e);
  if (!checked.success) throw new Error(checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  expect(checked.data).toEqual(e);
}

describe('parser output is a valid Encounter without a zod pass', () => {
  it('has fixture notes to check', () => {
    expect(notes.length).toBeGreaterThan(100);
  });

  it('every fixture note, parsed whole', () => {
    for (const n of notes) expectValid(parseNote(n.text, { id: n.name }));
  });

  it('every fixture note, as adapter sections', () => {
    for (const n of notes) {
      const sections = splitSections(n.text).map((s) => ({ name: s.name, role: s.role, text: s.text }));
      expectValid(parseSections(sections, { id: n.name }));
    }
  });

  it('generated notes', () => {
    fc.assert(
      fc.property(anyNote, (text) => {
        expectValid(parseNote(text));
      }),
      { numRuns: 300, seed: 8 },
    );
  });

  it('shares no object between entries or with the next parse (as the zod copy guaranteed)', () => {
    const objects = (e: Encounter) => {
      const seen = new Set<object>();
      const walk = (v: unknown) => {
        if (!v || typeof v !== 'object') return;
        expect(seen.has(v), 'an object reachable twice').toBe(false);
        seen.add(v);
        for (const x of Object.values(v)) walk(x);
      };
      walk(e);
      return seen;
    };
    for (const n of notes.slice(0, 60)) {
      const first = objects(parseNote(n.text));
      for (const o of objects(parseNote(n.text))) expect(first.has(o)).toBe(false);
    }
  });
});

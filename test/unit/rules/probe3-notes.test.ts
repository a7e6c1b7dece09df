import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../../core/engine';
import { Settings, type SettingsInput } from '../../../core/model';
import { parseNote } from '../../../core/parse';

// Short notes in phrasings the golden corpus lacked, coded end to end (parse → rules): exact lines and finding ids.

function codeNote(text: string, settings: SettingsInput = {}) {
  const draft = codeEncounter(parseNote(text), Settings.parse(settings));
  return {
    lines: draft.lines.map((l) => `${l.code}${l.modifiers.map((m) => `-${m}`).join('')}${l.units > 1 ? ` x${l.units}` : ''}`),
    dx: draft.lines.map((l) => l.dx),
    findings: draft.findings.map((f) => f.rule),
    messages: draft.findings.map((f) => f.message),
  };
}

describe('a condition the ICD-10-CM subset does not code is handed to the coder', () => {
  it.each([
    ['incision and drainage of paronychia, R index finger. Fluctuant, purulent; pus expressed.', '10060-F6', 'paronychia'],
    ['I&D acute paronychia L great toe: lateral nail fold incised, purulent drainage.', '10060-TA', 'paronychia'],
    ['I&D of a felon, R thumb pulp, fluctuant; pus drained.', '10060-F5', 'felon'],
  ])('%s', (proc, line, word) => {
    const r = codeNote(`Date of Service: 11/10/2026\nProcedure: ${proc}\n`);
    expect(r.lines).toEqual([line]);
    expect(r.dx).toEqual([[]]);
    expect(r.findings).toContain('diagnosis/unmapped');
    expect(r.findings).toContain('diagnosis/missing');
    expect(r.messages.find((m) => m.includes(word))).toBeDefined();
  });

  it('an abscess the subset codes gets its code and no such finding', () => {
    const r = codeNote('Date of Service: 11/10/2026\nProcedure: I&D of abscess, R upper back; fluctuant, purulent drainage.\n');
    expect(r.lines).toEqual(['10060']);
    expect(r.dx).toEqual([['L02.212']]);
    expect(r.findings).not.toContain('diagnosis/unmapped');
  });
});

import { describe, expect, it } from 'vitest';
import { encounterFromHtml } from '../../../cli/html';
import { codeEncounter } from '../../../core/engine';
import { Encounter, type ProcedureKind, Settings } from '../../../core/model';
import { parseNote } from '../../../core/parse';
import { cpuMs, PER_INPUT_BUDGET_MS } from './targets';

/*
 * Inputs that once made one regex backtrack quadratically (a long run with no
 * sentence break, or a long digit run, before the word the regex looks for).
 * Each found by the fuzz targets; each must code in under the per-input budget.
 * The chart text is 20,000 characters: a pasted lab table or a hostile page can
 * be that long, and the background codes on every chart edit.
 */

const RUN = 20_000;
/** Runs before words that patterns once split cubically: short enough for the old code to fail in seconds, not hours. */
const CUBIC = 3_000;

async function fastest(run: () => unknown): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3 && best > PER_INPUT_BUDGET_MS; i++) best = Math.min(best, await cpuMs(run));
  return best;
}

function oneProcedure(kind: ProcedureKind, text: string, settings: Partial<Settings> = {}) {
  const encounter = Encounter.parse({
    procedures: [{ id: 'p1', kind, text, span: { section: 'note', start: 0, end: text.length } }],
    sections: { note: text },
  });
  return () => codeEncounter(encounter, Settings.parse(settings));
}

const engineCases: [string, () => unknown][] = [
  // core/codes/icd10.ts negation: /[^.;,]*\bnot (identified|seen|present)\b/ from every position of a long clause.
  ['biopsy text with a long clause (dx negation scan)', oneProcedure('biopsy-tangential', `shave biopsy ${'x '.repeat(RUN / 2)} left arm`)],
  ['paring text that is one long digit run (dx negation scan)', oneProcedure('paring', `paring ${'1'.repeat(RUN)}`)],
  // core/rules/repair.ts defect width: /(\d+(?:\.\d+)?)\s*(mm|cm)\s+(?:defect|wound)\s+width/ from every digit.
  ['repair text with a long digit run (defect width)', oneProcedure('repair', `layered closure ${'1'.repeat(RUN)} cm`)],
  // core/rules/injection.ts infusion time: /(\d+(?:\.\d+)?)\s*(hours?|…)/ from every digit.
  ['infusion text with a long digit run (infusion time)', oneProcedure('infusion', `infusion ${'1'.repeat(RUN)} minutes`)],
  // core/rules/other-procedures.ts debridement: /(\d+(?:\.\d+)?)\s*%\s*…bsa/ from every digit.
  ['debridement text with a long digit run (% BSA)', oneProcedure('debridement', `debridement ${'1'.repeat(RUN)}% bsa`)],
  // core/rules/phototherapy.ts declined wording: /[^.;\n]*\b(?:declin|…)\b[^.;\n]*/ from every position.
  // core/rules/other-procedures.ts nail service: /[^,;.\n]*\bnot\s+(?:done|…)/ from every position of a long clause.
  ['nail text with a long clause of "not" (service ruled out)', oneProcedure('nail', `nail avulsion ${'not '.repeat(RUN / 4)}`)],
  ['phototherapy text with a long clause (declined wording)', oneProcedure('phototherapy', `NB-UVB ${'x '.repeat(RUN / 2)} 2 minutes`)],
];

const noteCases: [string, string][] = [
  // core/rules/other-procedures.ts KOH read: /[^.\n]*\b(?:koh|…)\b[^.\n]*/ from every position of a long line.
  ['a note that is one long line of spaces (KOH sentence scan)', ' '.repeat(40_000)],
  ['a note that is one long digit run', '0'.repeat(40_000)],
  ['a note of "1 x " repeated (size reading)', '1 x '.repeat(10_000)],
  ['a note of blank lines', '  \n'.repeat(13_000)],
  // core/parse/visit.ts prose sentences: /[^.\n]+(?:\.(?!\d)|…)/ backtracked from every letter of a long word before a decimal.
  ['a note that is one long word ending in a decimal point', `${'A'.repeat(15_000)}O.7`],
  ['a procedure heading followed by a long rule of stars', `Procedure:${'*'.repeat(40_000)}x\nshave biopsy, specimen A`],
  // core/parse/visit.ts E/M reading: /e\s*\/?\s*m/ split a long whitespace run between its two \s* in every way (found by
  // the bench fuzz: a snapshot whose visit section ended in "E" before a pathology section of 5,000 tabs, 58 ms).
  ['an "E" before a long run of tabs (E/M code and level reading)', `Visit:\nspevigo E${'\t'.repeat(RUN)}x`],
  ['"Level of service" before a long run of spaces (E/M level reading)', `Level of service${' '.repeat(RUN)}x`],
  // Found by timing every regex literal in core/ on pumped runs, then the entry points on those runs inside notes (h29).
  // Three or more \s* around optional words (`\s*X?\s*Y?\s*`) split a run of spaces in every way: cubic, so these
  // runs are short (the old patterns took seconds on them). Each is written \s*(?:X\s*)?(?:Y\s*)? now.
  // core/parse/procedures.ts specimen word: /(?:specimen|…|bottle)\s*(?:#|no\.?|…)?\s*[:"'(]?\s*([A-Z]\d?)/.
  [
    '"specimen" before a long run of spaces in a procedure (specimen label)',
    `Procedure note:\nShave biopsy of left forearm lesion A specimen${' '.repeat(CUBIC)}\nSent to pathology.`,
  ],
  [
    '"bottle" before a long run of spaces in a procedure (specimen label)',
    `Procedure note:\nShave biopsy of left forearm bottle${' '.repeat(CUBIC)}\nSent to pathology.`,
  ],
  // core/parse/triggers.ts Mohs trigger: /stages?\s*(?:\||\t| {2,})\s*…blocks/.
  ['"stage" before a long run of spaces (Mohs trigger)', `Exam: scaly papule L cheek.\nstage${' '.repeat(CUBIC)}\nProcedure: LN2 x 3 to AKs.`],
  // core/parse/visit.ts telehealth modifier: /(?:modifiers?|mod\.?)\s*[:#]?\s*-?\s*(95|93|GT)/.
  [
    '"modifier" before a long run of spaces (telehealth modifier)',
    `Assessment and Plan:\n1. Seborrheic keratosis modifier${' '.repeat(CUBIC)} - reassured.\nE/M: 99213`,
  ],
  // core/parse/visit.ts total time and MDM: /spent\s+(?:…)?(?:\s+word){0,7}\s*(?:[:=]|was|of)?\s*(\d{1,3})…/, /mdm\s*(?:level|…)?\s*[:=]?\s*…/.
  ['"spent" before a long run of spaces (total time)', `Exam: scaly papule L cheek.\nspent${' '.repeat(CUBIC)}\nProcedure: LN2 x 3 to AKs.`],
  ['"MDM" before a long run of spaces (MDM level)', `Exam: scaly papule L cheek.\nmdm${' '.repeat(CUBIC)}\nProcedure: LN2 x 3 to AKs.`],
  // core/parse/visit.ts place of service: /pos\s*[:#-]?\s*(?:[a-z ]{0,30}\(?\s*)?(\d{2})/ (and its "office" twin, quadratic).
  ['"POS" before a long run of spaces (place of service code)', `Exam: scaly papule L cheek.\nPOS${' '.repeat(500)}\nProcedure: LN2 x 3 to AKs.`],
  [
    '"POS" before a long run of blank lines in a pathology report (place of service)',
    `Pathology report:\nSpecimen A: left forearm, shave POS${'\n'.repeat(CUBIC / 2)}\nDiagnosis: basal cell carcinoma.`,
  ],
  // core/parse/visit.ts birth date and banner visit cell: /dob\s*[:#-]?\s*(date)/, /(?:visit|seen|…)\s*[:#]?\s*(?=\d)/.
  ['"DOB" before a long run of tabs (birth date)', `Exam: scaly papule L cheek.\nDOB${'\t'.repeat(RUN)}\nProcedure: LN2 x 3 to AKs.`],
  ['"born" before a long run of spaces (birth date)', `Exam: scaly papule L cheek.\nborn${' '.repeat(RUN)}\nProcedure: LN2 x 3 to AKs.`],
  ['"seen" before a long run of spaces (visit date cell)', `Exam: scaly papule L cheek.\nseen${' '.repeat(RUN)}\nProcedure: LN2 x 3 to AKs.`],
  // core/parse/index.ts post-op reading: /following\s+([^\n;(]{3,80}?)\s+…(date)/ tried every split of the run; now not tried without a date.
  [
    'a post-op visit with "following" before a long run of tabs (post-op surgery)',
    `Reason for visit: suture removal\nfollowing${'\t'.repeat(CUBIC)}excision of BCC.`,
  ],
];

const page = (body: string) => `<!DOCTYPE html><html><head><title>EMA | Visit</title></head><body>${body}</body></html>`;

const pageCases: [string, string][] = [
  // core/emr/block-text.ts line cleanup: /(?:\s*\|\s*)+$/ gave each space between two bars to either bar's \s*, so a
  // line of bars that did not end the line was tried every way: exponential (22 empty cells took 0.9 s, 30 took minutes).
  [
    'a table row with 22 empty cells between two filled ones (trailing bars)',
    page(`<h2>Procedure</h2><table><tr><td>Site</td>${'<td></td>'.repeat(22)}<td>L arm</td></tr></table>`),
  ],
  ['a paragraph of 30 bars before a word (trailing bars)', page(`<h2>Procedure</h2><p>Shave biopsy left arm ${'| '.repeat(30)}x</p>`)],
];

describe('no input makes one regex backtrack: each codes in under the per-input budget', () => {
  it.each(engineCases)('engine: %s', async (_name, run) => {
    expect(await fastest(run)).toBeLessThan(PER_INPUT_BUDGET_MS);
  });

  it.each(noteCases)('parse + code: %s', async (_name, note) => {
    const ms = await fastest(() => codeEncounter(parseNote(note)));
    expect(ms).toBeLessThan(PER_INPUT_BUDGET_MS);
  });

  it.each(pageCases)('saved page + code: %s', async (_name, html) => {
    const ms = await fastest(() => codeEncounter(encounterFromHtml(html, 'slow.html', (raw) => `hash:${raw.length}`)));
    expect(ms).toBeLessThan(PER_INPUT_BUDGET_MS);
  });

  it.each([
    ['E/M: 99213', '99213'],
    ['E / M 99214-25', '99214'],
    ['Level of service: 99212', '99212'],
    ['Established patient, E/M level 3', '99213'],
  ])('the E/M reading still reads %j once its whitespace is unambiguous', (line, code) => {
    expect(codeEncounter(parseNote(`A/P: Acne vulgaris - start tretinoin.\n${line}\n`)).lines.map((l) => l.code)).toContain(code);
  });

  it('the KOH read is still found once the scan is anchored to sentence starts', () => {
    const draft = codeEncounter(parseNote('Exam: scaly annular plaque L thigh.\nKOH prep performed in office and read: positive for hyphae.'));
    expect(draft.lines.map((l) => l.code)).toContain('87220');
    const none = codeEncounter(parseNote('Exam: scaly annular plaque L thigh.\nKOH previously negative at outside lab.'));
    expect(none.lines.map((l) => l.code)).not.toContain('87220');
  });
});

import { describe, expect, it } from 'vitest';
import { Settings } from '../../../core/model';
import { registry } from '../../../core/rules/registry';
import { expectedAnswer, grade, parseAnswer } from '../../../entrypoints/trainer/quiz';
import { createTrainerModel, searchRules } from '../../../entrypoints/trainer/trainer-model';
import { line } from './fixtures';

describe('quiz answers', () => {
  it('parses codes with modifiers and units, sums repeats, order-free', () => {
    expect(parseAnswer('99213-25, 11900; J3301 x2\n88305, 88305')).toEqual({ lines: ['11900', '88305 x2', '99213-25', 'J3301 x2'], problems: [] });
    expect(parseAnswer('11103×3').lines).toEqual(['11103 x3']);
  });
  it('names what it cannot read', () => {
    expect(parseAnswer('11102, biopsy').problems).toEqual(['"biopsy" is not a code like 11102, 99213-25 or J3301 x2']);
  });
  it('grades against the engine claim: missing and extra lines', () => {
    const expected = expectedAnswer([line('11104'), line('11103'), line('88305'), line('88305')]);
    expect(expected).toEqual(['11104', '11103', '88305 x2']);
    expect(grade(parseAnswer('11104, 11103, 88305 x2').lines, expected)).toEqual({ correct: true, missing: [], extra: [] });
    expect(grade(parseAnswer('11102, 11103, 88305').lines, expected)).toEqual({ correct: false, missing: ['11104', '88305 x2'], extra: ['11102', '88305'] });
  });
});

describe('trainer model', () => {
  const cases = [
    { id: 'a', title: 'A', teaches: 't', note: 'Date of Service: 03/02/2026\nnothing billable here' },
    { id: 'b', title: 'B', teaches: 't', note: 'Date of Service: 03/02/2026\nE/M: 99213' },
  ];

  it('what-if re-codes on every edit of the note, with the page settings', () => {
    const m = createTrainerModel(cases, Settings.parse({}));
    const first = m.coded.value.draft;
    expect(first?.encounterId).toBe('trainer');
    m.noteText.value = `${m.noteText.value}\nmore text`;
    expect(m.coded.value.draft).not.toBe(first);
    m.openCase('b');
    expect(m.tab.value).toBe('what-if');
    expect(m.noteText.value).toBe(cases[1]?.note);
  });

  it('rule search matches by code, family and words, and the family filter narrows it', () => {
    const byCode = searchRules(registry, '11104');
    expect(byCode.length).toBeGreaterThan(0);
    expect(byCode.every((r) => JSON.stringify(r).includes('11104'))).toBe(true);
    expect(searchRules(registry, '').length).toBe(registry.length);
    expect(searchRules(registry, 'zzzz-no-such-rule')).toEqual([]);
    const m = createTrainerModel(cases);
    m.family.value = 'biopsy';
    expect(m.rules.value.every((r) => r.family === 'biopsy')).toBe(true);
    expect(m.rules.value.length).toBeGreaterThan(0);
  });

  it('quiz: check scores, next moves on and clears', () => {
    const m = createTrainerModel(cases);
    m.quizAnswer.value = m.quizExpected.value.join(', ');
    m.checkQuiz();
    expect(m.quizGrade.value?.correct).toBe(true);
    expect(m.quizScore.value).toEqual({ right: 1, asked: 1 });
    m.nextQuiz();
    expect(m.quizCase.value?.id).toBe('b');
    expect(m.quizAnswer.value).toBe('');
    m.quizAnswer.value = 'not-a-code';
    m.checkQuiz();
    expect(m.quizGrade.value?.correct).toBe(false);
    expect(m.quizScore.value).toEqual({ right: 1, asked: 2 });
  });

  it('ruleCases lists, per rule, the cases it acts in; what-if lines open and close', () => {
    const withEm = [
      { id: 'em', title: 'E/M only', teaches: 't', note: 'Date of Service: 03/02/2026\nE/M: 99213' },
      { id: 'none', title: 'Nothing', teaches: 't', note: 'Date of Service: 03/02/2026\nno billable service' },
    ];
    const m = createTrainerModel(withEm);
    const acting = [...m.ruleCases.value.entries()].filter(([, titles]) => titles.includes('E/M only'));
    expect(acting.length).toBeGreaterThan(0);
    for (const [id] of acting) expect(m.ruleCases.value.get(id)).not.toContain('Nothing');
    m.toggleLine(0);
    expect([...m.expanded.value]).toEqual([0]);
    m.openCase('none');
    expect([...m.expanded.value]).toEqual([]);
  });
});

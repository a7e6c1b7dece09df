import { describe, expect, it } from 'vitest';
import type { NewLine } from '../../../../core/rules/draft-line';
import { L } from '../harness';
import { check } from './checks-harness';

describe('checks/add-on-parent and checks/add-on-modifiers', () => {
  const cases: { name: string; lines: NewLine[]; findings: string[] }[] = [
    { name: '11102 + 11103 → fine', lines: [{ code: '11102' }, { code: '11103', units: 2 }], findings: [] },
    { name: '11103 alone → no parent', lines: [{ code: '11103' }], findings: ['checks/add-on-parent'] },
    { name: '11105 with 11102 only → not a listed parent', lines: [{ code: '11102' }, { code: '11105' }], findings: ['checks/add-on-parent'] },
    { name: '17003 with 17000 → fine', lines: [{ code: '17000' }, { code: '17003', units: 3 }], findings: [] },
    { name: '17003 with 17004 → no parent', lines: [{ code: '17004' }, { code: '17003' }], findings: ['checks/add-on-parent'] },
    { name: '17315 with 17313 → fine', lines: [{ code: '17313' }, { code: '17315' }], findings: [] },
    { name: '11103-59 → flagged, not stripped', lines: [{ code: '11102' }, { code: '11103', modifiers: ['59'] }], findings: ['checks/add-on-modifiers'] },
    { name: '17312-51 → flagged', lines: [{ code: '17311' }, { code: '17312', modifiers: ['51'] }], findings: ['checks/add-on-modifiers'] },
    { name: 'primary code with 59 is not an add-on problem', lines: [{ code: '11102', modifiers: ['59'] }], findings: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = check(c.lines, { visit: { dateOfService: '2025-03-01' } });
      expect(r.findings).toEqual(c.findings);
      expect(r.lines).toEqual(c.lines.map((l) => L(`${l.code}${(l.modifiers ?? []).map((m) => `-${m}`).join('')}${l.units ? ` x${l.units}` : ''}`)));
    });
  }

  it('errors name the parents', () => {
    const r = check([{ code: '11103', lesionLabels: ['B'] }]);
    expect(r.draft.findings[0]).toMatchObject({ severity: 'error', target: 'B' });
    expect(r.draft.findings[0]?.message).toBe('Add-on 11103 (B) has no primary code on the claim; it is reported only with 11102, 11104, 11106.');
  });
});

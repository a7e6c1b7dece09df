import { X12Parser } from 'node-x12';
import { describe, expect, it } from 'vitest';
import { claimToX12, claimToX12Segments, lineControlNumber } from '../../../core/export/x12';
import { sampleDraft } from './sample';

/** Wraps service-line segments in a minimal ISA/GS/ST envelope so a real X12 parser reads them. */
function envelope(body: string[]): string {
  const isa = 'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260611*1200*^*00501*000000001*0*T*:';
  const st = ['ST*837*0001*005010X222A1', ...body];
  return [isa, 'GS*HC*SENDER*RECEIVER*20260611*1200*1*X*005010X222A1', ...st, `SE*${st.length + 1}*0001`, 'GE*1*1', 'IEA*1*000000001']
    .map((s) => `${s}~`)
    .join('\n');
}

interface Seg {
  tag: string;
  elements: { value: string }[];
}

function parse(text: string): Seg[] {
  const segments = text
    .trim()
    .split('~')
    .map((s) => s.trim())
    .filter(Boolean);
  const interchange = new X12Parser(true).parse(envelope(segments)) as unknown as {
    functionalGroups: { transactions: { segments: Seg[] }[] }[];
  };
  return interchange.functionalGroups[0]?.transactions[0]?.segments ?? [];
}

const el = (s: Seg | undefined, i: number) => s?.elements[i - 1]?.value;

describe('claimToX12 (837P service lines)', () => {
  const text = claimToX12({ draft: sampleDraft() }, { fees: { '11102': 120.5, '11103': 60 } });
  const segs = parse(text);
  const sv1 = segs.filter((s) => s.tag === 'SV1');

  it('parses as X12, one SV1 per ready insurance line (held and self-pay left out)', () => {
    expect(sv1).toHaveLength(5);
    expect(segs.filter((s) => s.tag === 'LX').map((s) => el(s, 1))).toEqual(['1', '2', '3', '4', '5']);
    expect(segs.map((s) => s.tag)).toEqual(['HI', ...Array.from({ length: 5 }, () => ['LX', 'SV1', 'DTP', 'REF']).flat()]);
  });

  it('HI: principal ABK then ABF, ICD-10-CM without the dot', () => {
    const hi = segs.find((s) => s.tag === 'HI');
    expect(hi?.elements.map((e) => e.value)).toEqual(['ABK:L570', 'ABF:C44311', 'ABF:L821', 'ABF:D225', 'ABF:L918', 'ABF:L910']);
  });

  it('SV1: HC:code:modifiers, charge, UN, units, pointers', () => {
    expect([1, 2, 3, 4, 7].map((i) => el(sv1[0], i))).toEqual(['HC:99213:25', '0', 'UN', '1', '1:2']);
    expect([1, 2, 4, 7].map((i) => el(sv1[1], i))).toEqual(['HC:11102:59', '120.5', '1', '2']);
    expect([1, 2, 4, 7].map((i) => el(sv1[2], i))).toEqual(['HC:11103', '120', '2', '3:4']);
    expect(el(sv1[3], 1)).toBe('HC:11200:XS:RT:E1:GA');
    expect(el(sv1[4], 1)).toBe('HC:J3301');
  });

  it('DTP*472 service date and REF*6R line control numbers', () => {
    const dtp = segs.filter((s) => s.tag === 'DTP');
    expect(dtp.every((s) => el(s, 1) === '472' && el(s, 2) === 'D8' && el(s, 3) === '20260610')).toBe(true);
    expect(segs.filter((s) => s.tag === 'REF').map((s) => [el(s, 1), el(s, 2)])).toEqual([1, 2, 3, 4, 5].map((n) => ['6R', `VISIT0610TXTL${n}`]));
  });

  it('includeHeld puts the held line on the claim', () => {
    expect(claimToX12Segments({ draft: sampleDraft() }, { includeHeld: true }).filter((s) => s.startsWith('SV1*'))).toHaveLength(6);
  });

  it('no delimiter ever leaks from data; no DTP without a date; nothing for an empty claim', () => {
    expect(lineControlNumber('a*b~c:d', 3)).toBe('ABCDL3');
    const undated = claimToX12Segments({ draft: { ...sampleDraft(), dateOfService: undefined } });
    expect(undated.some((s) => s.startsWith('DTP'))).toBe(false);
    expect(claimToX12({ draft: { ...sampleDraft(), lines: [] } })).toBe('');
  });

  it('one segment per line, each ending with ~', () => {
    expect(text.endsWith('~\n')).toBe(true);
    expect(
      text
        .trim()
        .split('\n')
        .every((l) => /^[A-Z0-9]{2,3}\*.*~$/.test(l)),
    ).toBe(true);
  });
});

describe('claimToX12: an impossible date is never sent', () => {
  it('2026-02-30 gives no DTP segment', () => {
    const segs = claimToX12Segments({ draft: { ...sampleDraft(), dateOfService: '2026-02-30' } });
    expect(segs.some((s) => s.startsWith('DTP'))).toBe(false);
  });
});

describe('claimDiagnoses: the 12-diagnosis limit', () => {
  it('keeps 12 claim diagnoses and reports the rest as overflow', async () => {
    const { claimDiagnoses } = await import('../../../core/export/claim-lines');
    const { line } = await import('./sample');
    const codes = Array.from({ length: 14 }, (_, i) => `L${String(10 + i)}.0`);
    const lines = [0, 4, 8, 12].map((k) => line('11102', { dx: codes.slice(k, k + 4) }));
    const dx = claimDiagnoses(lines);
    expect(dx.codes).toHaveLength(12);
    expect(dx.overflow).toEqual(['L22.0', 'L23.0']);
    expect(dx.pointers[3]).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { encounterIdentity, initialsOf, nameOnly, safeUrl, sha256Hex } from '../../../core/store/identity';

describe('identity', () => {
  it('sha256Hex matches a known digest', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('same patient + date → same encounter; another date → another encounter, same patientKey', async () => {
    const a = await encounterIdentity('salt-1', 'Doe, Jane', '2026-03-02', 'http://x/a');
    const b = await encounterIdentity('salt-1', '  doe,   JANE ', '2026-03-02', 'http://x/b');
    const c = await encounterIdentity('salt-1', 'Doe, Jane', '2026-03-09', 'http://x/a');
    expect(b).toEqual(a);
    expect(c.encounterId).not.toBe(a.encounterId);
    expect(c.patientKey).toBe(a.patientKey);
  });

  it('another install salt → unrelated hashes', async () => {
    const a = await encounterIdentity('salt-1', 'Doe, Jane', '2026-03-02', '');
    const b = await encounterIdentity('salt-2', 'Doe, Jane', '2026-03-02', '');
    expect(b.patientKey).not.toBe(a.patientKey);
    expect(a.patientKey).toMatch(/^[0-9a-f]{64}$/);
    expect(a.patientKey).not.toContain('doe');
  });

  it('no patient → keyed by address, no patientKey (never linked)', async () => {
    const a = await encounterIdentity('s', undefined, '2026-03-02', 'http://x/a');
    expect(a.patientKey).toBeUndefined();
    expect(a.encounterId).toBe(await sha256Hex('s\u0000url\u0000http://x/a'));
  });

  it.each([
    ['Doe, Jane', 'J.D.'],
    ['Jane Q. Doe', 'J.D.'],
    ['Sample, Avery   MRN: DEMO-100482', 'A.S.'],
    ['María José García-López', 'M.G.'],
    ['DEMO-100482', undefined],
    ['', undefined],
  ])('initialsOf(%j) = %j', (input, expected) => {
    expect(initialsOf(input)).toBe(expected);
  });

  it('nameOnly drops what a banner glues after the name', () => {
    expect(nameOnly('Doe, Jane | DOB 01/02/1950')).toBe('Doe, Jane');
    expect(nameOnly('12345')).toBeUndefined();
  });

  it('safeUrl drops query and fragment (hash routes can carry patient ids)', () => {
    expect(safeUrl('https://firm.ema.md/ema/web/practice/staff?x=1#/practice/staff/patient/123/chart')).toBe('https://firm.ema.md/ema/web/practice/staff');
    expect(safeUrl('not a url')).toBe('');
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractIdentity, patientNameOf } from '../../../core/parse/identity';

const NOTES = resolve(__dirname, '../../fixtures/notes');

describe('patientNameOf', () => {
  it('reads the name field as extractIdentity does', () => {
    expect(patientNameOf('Patient: Doe, Jane A.\nDOB: 01/02/1950\n')).toBe('jane doe');
    expect(patientNameOf('PATIENT.......: Smith, John    MRN: 12345\n')).toBe('john smith');
    // An id in the name field is no name.
    expect(patientNameOf('Patient: 12345\n')).toBeUndefined();
    expect(extractIdentity('Patient: 12345\n').mrn).toBe('12345');
    // Prose after "Patient" is no name.
    expect(patientNameOf('Patient tolerated the procedure well.')).toBeUndefined();
    expect(patientNameOf('')).toBeUndefined();
  });

  it('gives the same name as extractIdentity on every fixture note', () => {
    const files = readdirSync(NOTES).filter((f) => f.endsWith('.txt'));
    expect(files.length).toBeGreaterThan(50);
    for (const f of files) {
      const text = readFileSync(join(NOTES, f), 'utf8');
      expect(patientNameOf(text), f).toBe(extractIdentity(text).name);
    }
  });
});

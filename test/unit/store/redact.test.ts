import { describe, expect, it } from 'vitest';
import { redactText } from '../../../core/store/redact';

describe('redactText', () => {
  const header = 'Patient: Doe, Jane   MRN: 900001\nDOB: 04/12/1957\nDate of Service: 03/02/2026\n';

  it('masks labelled identifiers and keeps the length (spans stay valid)', () => {
    const out = redactText(header);
    expect(out).toHaveLength(header.length);
    expect(out).not.toContain('Jane');
    expect(out).not.toContain('900001');
    expect(out).not.toContain('04/12/1957');
    expect(out).toContain('Date of Service: 03/02/2026');
  });

  it('masks the known name wherever it appears, in either order', () => {
    const text = 'Jane Doe was seen. Ms. Doe agreed to biopsy of the back.';
    const out = redactText(text, ['Doe, Jane']);
    expect(out).not.toMatch(/Jane|Doe/);
    expect(out).toContain('agreed to biopsy of the back.');
    expect(out).toHaveLength(text.length);
  });

  it('leaves clinical text alone', () => {
    const text = 'Procedure: Shave biopsy\nLocation: L upper back\nSpecimen: A\n11102 documented';
    expect(redactText(text, ['900001'])).toBe(text);
  });

  it('a page read without line breaks is not wiped out after a DOB label', () => {
    const text = 'DOB: 01/17/1961 Sex: F Procedure: Punch biopsy of R forearm';
    expect(redactText(text)).toContain('Procedure: Punch biopsy of R forearm');
  });

  it('masks phone numbers and account numbers', () => {
    const out = redactText('Phone: (555) 010-2233\nAcct #: A-99812\n');
    expect(out).not.toContain('010-2233');
    expect(out).not.toContain('A-99812');
  });
});

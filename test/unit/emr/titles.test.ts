import { describe, expect, it, vi } from 'vitest';
import { composePatient, dateOfServiceIn, identityFromText, mergeIdentity } from '../../../core/emr/identity';
import { normalizeTitle, roleOfNormalizedTitle, roleOfTitle } from '../../../core/emr/titles';

describe('roleOfTitle', () => {
  it.each([
    ['Procedure', 'procedure'],
    ['Procedures', 'procedure'],
    ['PROCEDURE NOTE', 'procedure'],
    ['Procedure Documentation', 'procedure'],
    ['Assessment and Plan', 'assessment'],
    ['Assessment & Plan:', 'assessment'],
    ['A/P', 'assessment'],
    ['Imp/Plan', 'assessment'],
    ['Assessments', 'assessment'],
    ['Pathology', 'pathology'],
    ['Path Report', 'pathology'],
    ['Final Diagnosis', 'pathology'],
    ['Lab Result - Surgical Pathology', 'pathology'],
    ['Charges', 'charges'],
    ['Billing', 'charges'],
    ['Billing Information:', 'charges'],
    ['Visit Codes', 'charges'],
    ['Visit Code(s)', 'charges'],
    ['Level of Service', 'visit'],
    ['HPI', 'other'],
    ['Physical Exam', 'other'],
    ['Sign-off', 'other'],
    ['Follow Up', 'other'],
  ])('%j is a %s title', (title, role) => {
    expect(roleOfTitle(title)).toBe(role);
  });

  // One title for every alternative of the screen-title table (EXTRA), through the first-word
  // prefilter that keeps the table's patterns off ordinary short texts.
  it.each([
    ['Surgical Pathology', 'pathology'],
    ['Skin pathology report (final)', 'pathology'],
    ['Dermatopathology', 'pathology'],
    ['Derm Pathology Report', 'pathology'],
    ['Lab Results: Skin Pathology', 'pathology'],
    ['Final Pathologic Diagnosis', 'pathology'],
    ['Path / Labs', 'pathology'],
    ['Path Result', 'pathology'],
    ['Lab & Path Results', 'pathology'],
    ['Results Review', 'pathology'],
    ['Dermatopathology Report', 'pathology'],
    ['Surgical Pathology Result', 'pathology'],
    ['Microscopic Description', 'pathology'],
    ['Procedure Notes / Orders', 'procedure'],
    ['Procedures / Treatments', 'procedure'],
    ['In-office Procedures Performed', 'procedure'],
    ['In Office Procedure Performed', 'procedure'],
    ['Skin Procedures', 'procedure'],
    ['Surgical Procedures', 'procedure'],
    ['Impression / Plan', 'assessment'],
    ['Assessments/Plans', 'assessment'],
    ['a / p', 'assessment'],
    ['Diagnoses and Orders', 'assessment'],
    ['Plan of Care', 'assessment'],
    ['Plan of Treatment', 'assessment'],
    ['Treatment Plan', 'assessment'],
    ['Impression and Recommendations', 'assessment'],
    ['Clinical Impression', 'assessment'],
    ['Diagnoses & Orders', 'assessment'],
    ['Procedures Performed Today', 'procedure'],
    ['Skin Surgery', 'procedure'],
    ['Dermatologic Surgery', 'procedure'],
    ['Pathology - Final', 'pathology'],
    ['Diagnosis (Final)', 'pathology'],
    ['Charge Entry', 'charges'],
    ['Encounter Charges', 'charges'],
    ['Services Rendered', 'charges'],
    ['Entered Charges', 'charges'],
    ['Charges Entered', 'charges'],
    ['Procedure Codes', 'charges'],
    ['CPT / HCPCS', 'charges'],
    ['Sign-off - Billing', 'charges'],
    ['Billing / Coding', 'charges'],
    ['Bill', 'charges'],
    ['Claim Lines', 'charges'],
    ['Charge Review', 'charges'],
    ['Level of Service and Charges', 'charges'],
    ['Sign Off and Checkout', 'other'],
    ['Checkout', 'other'],
    ['Patient Banner', 'header'],
    ['Visit Header', 'header'],
    ['Encounter Summary', 'header'],
    ['Visit Summary', 'header'],
  ])('screen title %j is a %s title', (title, role) => {
    expect(roleOfTitle(title)).toBe(role);
  });

  it.each(['Procedure: shave biopsy of the left forearm', 'Discussed risks and benefits', 'Save', 'Results Processed Date', ''])(
    '%j is not a section title',
    (text) => {
      expect(roleOfTitle(text)).toBeUndefined();
    },
  );
});

describe('roleOfNormalizedTitle', () => {
  it.each(['Procedure', 'Assessment & Plan:', '** PATHOLOGY **', 'Visit Code(s)', 'Sign-off', 'L forearm', '', 'Results Processed Date'])(
    'of the normalized %j is roleOfTitle of the raw text',
    (raw) => {
      expect(roleOfNormalizedTitle(normalizeTitle(raw))).toBe(roleOfTitle(raw));
    },
  );
});

describe('identity helpers', () => {
  it.each([
    ['Doe, Jane', '123456', 'Doe, Jane   MRN: 123456'],
    ['Patient: Doe, Jane', 'MRN: 123456', 'Doe, Jane   MRN: 123456'],
    ['Doe, Jane, F', 'Acc No. 77001', 'Doe, Jane   MRN: 77001'],
    ['DOE, JANE', 'ID #900311', 'DOE, JANE   MRN: 900311'],
    ['Doe, Jane', undefined, 'Doe, Jane'],
    [undefined, '123456', 'MRN: 123456'],
    [undefined, undefined, undefined],
  ])('composePatient(%j, %j) = %j', (name, id, expected) => {
    expect(composePatient(name, id)).toBe(expected);
  });

  it.each([
    ['DOS: 03/10/2026', '03/10/2026'],
    ['Date of Service: 2026-03-10', '2026-03-10'],
    ['Encounter Date: Mar 10, 2026', 'Mar 10, 2026'],
    ['Appt: (07/24/2026 10:30 am, Same Day)', '07/24/2026'],
    ['DOB: 01/01/1950', undefined],
  ])('dateOfServiceIn(%j) = %j', (text, expected) => {
    expect(dateOfServiceIn(text)).toBe(expected);
  });

  it('reads labeled identity and never takes prose or a DOB for it', () => {
    expect(identityFromText('Patient: Test, Patient-380   MRN: 900380   DOB: 01/02/1960\nDOS: 06/01/2026')).toEqual({
      patient: 'Test, Patient-380   MRN: 900380',
      dateOfService: '06/01/2026',
    });
    expect(identityFromText('Patient tolerated the procedure well.\nDOB: 01/02/1960')).toEqual({});
  });

  it.each([
    ['Patient: Test, Patient-381  MRN: 900381  Visit: 06/04/2026', 'Test, Patient-381   MRN: 900381', '06/04/2026'],
    ['Patient Name: Patient-381 Test | DOB: 01/02/1950 | Date of Encounter: 06/04/2026', 'Patient-381 Test', '06/04/2026'],
    ['Name: Test, Patient-381   Chart #: 900381   Encounter: 06/04/2026 Office Visit', 'Test, Patient-381   MRN: 900381', '06/04/2026'],
    ['Patient ID: A900381  Seen on: 06/04/2026', 'MRN: A900381', '06/04/2026'],
    ['Patient: Test, Patient-381 DOB 01/02/1950 Procedure Date: 06/04/2026', 'Test, Patient-381', '06/04/2026'],
    // Another date's label is not the date of service.
    ['Patient: Test, Patient-381  Last visit: 01/02/2025  Visit: 06/04/2026', 'Test, Patient-381', '06/04/2026'],
    ['Patient: Test, Patient-381  Previous encounter: 01/02/2025', 'Test, Patient-381', undefined],
  ])('identityFromText(%j)', (text, patient, dateOfService) => {
    const id = identityFromText(text);
    expect(id.patient).toBe(patient);
    expect(id.dateOfService).toBe(dateOfService);
  });
});

describe('mergeIdentity', () => {
  it('earlier sources win, later ones fill the gaps; a fallback function runs only while a gap remains', () => {
    const unused = vi.fn(() => ({ patient: 'Other, Patient', dateOfService: '01/01/2020' }));
    expect(mergeIdentity({ patient: 'Doe, Jane' }, { dateOfService: '03/10/2026', patient: 'Ignored' }, unused)).toEqual({
      patient: 'Doe, Jane',
      dateOfService: '03/10/2026',
    });
    expect(unused).not.toHaveBeenCalled();
    const fill = vi.fn(() => ({ patient: 'Late, Name', dateOfService: '04/01/2026' }));
    expect(mergeIdentity({ patient: 'Doe, Jane' }, fill)).toEqual({ patient: 'Doe, Jane', dateOfService: '04/01/2026' });
    expect(fill).toHaveBeenCalledTimes(1);
  });
});

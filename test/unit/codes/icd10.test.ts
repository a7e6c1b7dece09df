import { describe, expect, it } from 'vitest';
import {
  allIcd10,
  billableChildren,
  fixedMappedCodes,
  histologiesInText,
  histologyFromText,
  isBillable,
  isHeader,
  normalizeIcd10,
  type ResolveInput,
  resolveDx,
  siteConflict,
  title,
} from '../../../core/codes/icd10';

describe('ICD-10-CM table', () => {
  it('loads the FY2026 subset with headers marked', () => {
    expect(allIcd10().length).toBeGreaterThan(900);
    expect(isBillable('C44.1121')).toBe(true);
    expect(isHeader('C44.112')).toBe(true);
    expect(isBillable('C44.112')).toBe(false);
    expect(isHeader('L72.1')).toBe(true);
    expect(isBillable('L72.11')).toBe(true);
    expect(isHeader('L74.51')).toBe(true);
    expect(isBillable('D49.2')).toBe(true);
    expect(isBillable('Z41.1')).toBe(true);
    expect(isBillable('L02.217')).toBe(true);
  });
  it('gives official titles', () => {
    expect(title('D49.2')).toBe('Neoplasm of unspecified behavior of bone, soft tissue, and skin');
    expect(title('C44.1121')).toBe('Basal cell carcinoma of skin of right upper eyelid, including canthus');
    expect(title('Q99.9')).toBeUndefined();
  });
  it('normalizes spelling', () => {
    expect(normalizeIcd10(' c44612 ')).toBe('C44.612');
    expect(normalizeIcd10('L80')).toBe('L80');
    expect(normalizeIcd10('hello')).toBeUndefined();
  });
  it('maps text only to billable FY2026 codes', () => {
    const codes = fixedMappedCodes();
    expect(codes.length).toBeGreaterThan(50);
    expect(codes.filter((c) => !isBillable(c))).toEqual([]);
  });
  it('lists billable children of a header', () => {
    expect(billableChildren('C44.61')).toEqual(['C44.611', 'C44.612', 'C44.619']);
    expect(billableChildren('L72.1')).toEqual(['L72.11', 'L72.12']);
  });
});

describe('histologyFromText', () => {
  const cases: [string, string | undefined][] = [
    ['Basal cell carcinoma, nodular type', 'bcc'],
    ['Squamous cell carcinoma in situ (Bowen disease)', 'carcinoma-in-situ'],
    ['SCC, well differentiated', 'scc'],
    ['Melanoma in situ, lentigo maligna type', 'melanoma-in-situ'],
    ['Malignant melanoma, superficial spreading, Breslow 0.4 mm', 'melanoma'],
    ['Compound dysplastic nevus with moderate atypia; negative for melanoma', 'nevus'],
    ['Irritated seborrheic keratosis', 'inflamed-seborrheic-keratosis'],
    ['seborrheic-keratosis', 'seborrheic-keratosis'],
    ['Actinic keratosis, hypertrophic', 'actinic-keratosis'],
    ['Verruca vulgaris', 'common-wart'],
    ['Acrochordon', 'skin-tag'],
    ['Epidermal inclusion cyst, ruptured', 'epidermal-cyst'],
    ['Merkel cell carcinoma', 'merkel'],
    ['Dermatofibroma', 'benign-skin-neoplasm'],
    ['Spongiotic dermatitis', 'code:L30.9'],
    ['Onychomycosis, great toenails', 'code:B35.1'],
    ['Poison ivy dermatitis, widespread', 'code:L23.7'],
    ['Vitiligo, generalized', 'code:L80'],
    ['palmoplantar pustulosis (L40.3) - failed clobetasol', 'code:L40.3'],
    ['Pustulosis palmaris et plantaris', 'code:L40.3'],
    ['Alopecia areata, patchy', 'code:L63.9'],
    ['Seborrheic dermatitis, face/scalp', 'code:L21.9'],
    ['Seb derm of scalp, flaring', 'code:L21.9'],
    ['Psoriasis, plaque type - start clobetasol', 'psoriasis-vulgaris'],
    ['Plaque psoriasis', 'psoriasis-vulgaris'],
    ['seb. derm, nasolabial folds', 'code:L21.9'],
    ['pink papule', undefined],
    ['History of melanoma, full skin exam', 'code:Z85.820'],
    ['hx of multiple BCCs', 'code:Z85.828'],
    ['h/o MIS L back 2022', 'code:Z86.006'],
    // probe h28: a melanoma in situ's history is never Z85.820.
    ['History of melanoma in situ - no recurrence', 'code:Z86.006'],
    ['Total body skin exam, no lesions of concern', 'code:Z12.83'],
    ['Inflamed cyst, upper back', 'code:L72.9'],
    ['PILAR (TRICHILEMMAL) CYST.', 'pilar-cyst'],
    ['Epidermoid (infundibular) cyst, ruptured', 'epidermal-cyst'],
    ['Seborrheic keratosis, irritated type', 'inflamed-seborrheic-keratosis'],
    ['Solar lentigo', 'code:L81.4'],
    ['Lentigo maligna', 'melanoma-in-situ'],
    ['Scar; no residual basal cell carcinoma', 'code:L90.5'],
    ['I&D of fluctuant abscess with purulent drainage', 'abscess'],
    ['Hidradenitis suppurativa flare, abscess L axilla', 'hidradenitis'],
    ['No residual tumor identified', undefined],
  ];
  for (const [text, h] of cases) it(`${text} → ${h}`, () => expect(histologyFromText(text)).toBe(h));
});

describe('histologiesInText: a history of two cancers told together (probe h28)', () => {
  it.each([
    ['History of melanoma in situ and BCC - no recurrence on exam', ['code:Z86.006', 'code:Z85.828']],
    ['History of melanoma and BCC, no recurrence', ['code:Z85.820', 'code:Z85.828']],
    ['Hx of SCC in situ - no recurrence', ['code:Z86.007']],
  ])('%s', (text, codes) => expect(histologiesInText(text)).toEqual(codes));
});

describe('resolveDx', () => {
  const cases: { name: string; input: ResolveInput; codes: string[]; missing?: string[]; unresolved?: boolean }[] = [
    { name: 'BCC right forearm', input: { histology: 'bcc', siteKey: 'forearm', laterality: 'right' }, codes: ['C44.612'] },
    { name: 'BCC left forearm uses 9 for left in C44', input: { histology: 'bcc', siteKey: 'forearm', laterality: 'left' }, codes: ['C44.619'] },
    { name: 'SCC right upper eyelid', input: { histology: 'scc', siteKey: 'upper-eyelid', laterality: 'right' }, codes: ['C44.1221'] },
    { name: 'BCC left lower eyelid via subsite', input: { histology: 'bcc', siteKey: 'eyelid', laterality: 'left', subsite: 'lower' }, codes: ['C44.1192'] },
    {
      name: 'BCC eyelid side known, upper/lower not → unspecified eyelid + ask',
      input: { histology: 'bcc', siteKey: 'eyelid', laterality: 'right' },
      codes: ['C44.111'],
      missing: ['eyelid-part'],
    },
    { name: 'BCC nose', input: { histology: 'bcc', siteKey: 'nasal-ala' }, codes: ['C44.311'] },
    { name: 'SCC cheek', input: { histology: 'scc', siteKey: 'cheek', laterality: 'left' }, codes: ['C44.329'] },
    { name: 'BCC scalp stops at 5 characters', input: { histology: 'bcc', siteKey: 'scalp' }, codes: ['C44.41'] },
    { name: 'BCC back', input: { histology: 'bcc', siteKey: 'back' }, codes: ['C44.519'] },
    { name: 'BCC breast', input: { histology: 'bcc', siteKey: 'breast' }, codes: ['C44.511'] },
    { name: 'SCC leg, no side → unspecified side + ask', input: { histology: 'scc', siteKey: 'shin' }, codes: ['C44.721'], missing: ['laterality'] },
    { name: 'Melanoma left upper arm uses 2 for left', input: { histology: 'melanoma', siteKey: 'upper-arm', laterality: 'left' }, codes: ['C43.62'] },
    { name: 'Melanoma nose has its own code', input: { histology: 'melanoma', siteKey: 'nose' }, codes: ['C43.31'] },
    { name: 'MIS nose → other parts of face', input: { histology: 'melanoma-in-situ', siteKey: 'nose' }, codes: ['D03.39'] },
    { name: 'MIS back splits trunk', input: { histology: 'melanoma-in-situ', siteKey: 'back' }, codes: ['D03.59'] },
    { name: 'SCCIS trunk is single code', input: { histology: 'carcinoma-in-situ', siteKey: 'chest' }, codes: ['D04.5'] },
    { name: 'Nevus right lower eyelid', input: { histology: 'nevus', siteKey: 'lower-eyelid', laterality: 'right' }, codes: ['D22.112'] },
    { name: 'Nevus trunk', input: { histology: 'nevus', siteKey: 'abdomen' }, codes: ['D22.5'] },
    { name: 'Merkel right thigh', input: { histology: 'merkel', siteKey: 'thigh', laterality: 'right' }, codes: ['C4A.71'] },
    { name: 'Dermatofibroma left leg', input: { histology: 'benign-skin-neoplasm', siteKey: 'calf', laterality: 'left' }, codes: ['D23.72'] },
    {
      name: 'Bilateral forearm AK-free nevus → both sides',
      input: { histology: 'nevus', siteKey: 'forearm', laterality: 'bilateral' },
      codes: ['D22.61', 'D22.62'],
    },
    { name: 'No site → unspecified site + ask', input: { histology: 'bcc' }, codes: ['C44.91'], missing: ['site'] },
    { name: 'Shoulder is upper limb in ICD', input: { histology: 'bcc', siteKey: 'shoulder', laterality: 'right' }, codes: ['C44.612'] },
    { name: 'Hip is lower limb in ICD', input: { histology: 'melanoma', siteKey: 'hip', laterality: 'left' }, codes: ['C43.72'] },
    { name: 'Sebaceous carcinoma eyelid', input: { histology: 'sebaceous-carcinoma', siteKey: 'upper-eyelid', laterality: 'left' }, codes: ['C44.1391'] },
    { name: 'Sebaceous carcinoma elsewhere → other specified', input: { histology: 'sebaceous-carcinoma', siteKey: 'scalp' }, codes: ['C44.49'] },
    { name: 'SK', input: { histology: 'seborrheic-keratosis', siteKey: 'back' }, codes: ['L82.1'] },
    { name: 'Pilar cyst never the L72.1 header', input: { histology: 'pilar-cyst', siteKey: 'scalp' }, codes: ['L72.11'] },
    { name: 'Primary hyperhidrosis axilla', input: { histology: 'hyperhidrosis-primary', siteKey: 'axilla' }, codes: ['L74.510'] },
    { name: 'Primary hyperhidrosis palms', input: { histology: 'hyperhidrosis-primary', siteKey: 'palm' }, codes: ['L74.512'] },
    { name: 'Lipoma right arm', input: { histology: 'lipoma', siteKey: 'forearm', laterality: 'right' }, codes: ['D17.21'] },
    { name: 'Abscess right thigh', input: { histology: 'abscess', siteKey: 'thigh', laterality: 'right' }, codes: ['L02.415'] },
    { name: 'Abscess back', input: { histology: 'abscess', siteKey: 'upper-back' }, codes: ['L02.212'] },
    { name: 'Abscess flank (FY2026 code)', input: { histology: 'abscess', siteKey: 'flank' }, codes: ['L02.217'] },
    { name: 'Furuncle buttock', input: { histology: 'furuncle', siteKey: 'buttock' }, codes: ['L02.32'] },
    { name: 'Carbuncle left axilla', input: { histology: 'carbuncle', siteKey: 'axilla', laterality: 'left' }, codes: ['L02.432'] },
    { name: 'Abscess scalp → head except face', input: { histology: 'abscess', siteKey: 'scalp' }, codes: ['L02.811'] },
    { name: 'Abscess hand, no side → unspecified hand + ask', input: { histology: 'abscess', siteKey: 'palm' }, codes: ['L02.519'], missing: ['laterality'] },
    { name: 'Abscess, no site → unspecified + ask', input: { histology: 'abscess' }, codes: ['L02.91'], missing: ['site'] },
    { name: 'Named condition: vitiligo', input: { histology: 'code:L80', siteKey: 'hand' }, codes: ['L80'] },
    { name: 'Penis skin is outside the subset', input: { histology: 'scc', siteKey: 'penis' }, codes: [], unresolved: true },
    { name: 'Axilla melanoma: site not settled → ask', input: { histology: 'melanoma', siteKey: 'axilla' }, codes: [], unresolved: true },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = resolveDx(c.input);
      expect(r.codes).toEqual(c.codes);
      expect(r.missing).toEqual(c.missing ?? []);
      expect(Boolean(r.unresolved)).toBe(Boolean(c.unresolved));
      for (const code of r.codes) expect(isBillable(code)).toBe(true);
    });
  }
});

describe('siteConflict', () => {
  it('flags a left code for a right lesion', () => {
    expect(siteConflict('C44.619', 'forearm', 'right')).toMatch(/left/);
  });
  it('flags a face code on a back lesion', () => {
    expect(siteConflict('C44.319', 'back', undefined)).toMatch(/site/);
  });
  it('accepts a matching code', () => {
    expect(siteConflict('D22.5', 'back', undefined)).toBeUndefined();
    expect(siteConflict('C44.1121', 'upper-eyelid', 'right')).toBeUndefined();
  });
});

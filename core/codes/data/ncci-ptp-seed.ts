import type { PtpEditInput } from '../ncci';

/**
 * NCCI practitioner PTP rows the coding reference establishes (§11.3). They come
 * from secondary sources and are mostly historical, so every row says so; the
 * current CMS file (`dermlens data import-ncci`) replaces this table when loaded.
 * Policy-level bundles (§11.2: biopsy + excision of the same lesion, repair with
 * small benign excisions, ATT with excision…) are enforced by the family rules.
 */
export const NCCI_PTP_SEED_VERSION = 'seed-2026.1';

/** 17260-17266, 17270-17276, 17280-17286: malignant destruction by site group and diameter (reference §2.3). */
const MALIGNANT_DESTRUCTION = [17260, 17270, 17280].flatMap((base) => Array.from({ length: 7 }, (_, i) => String(base + i)));

/**
 * Reference §11.3: "17000, 17004 | several of 17260-17286 | 1 | AAPC on NCCI v11.0 (Jan 2005)".
 * The source names the range, not the rows, so every code of the range is seeded as a
 * historical indicator-1 row: a premalignant and a malignant destruction on different
 * lesions take XS/59, the same lesion bundles. Exact rows are unverified (confidence S).
 */
const premalignantVsMalignantDestruction: PtpEditInput[] = ['17000', '17004'].flatMap((column1) =>
  MALIGNANT_DESTRUCTION.map(
    (column2): PtpEditInput => ({
      column1,
      column2,
      effective: '2005-01-01',
      deleted: null,
      modifierIndicator: 1,
      rationale: 'Premalignant and malignant destruction: separately reportable on different lesions with a modifier',
      source: 'Reference §11.3: range per AAPC on NCCI v11.0 (Jan 2005); exact rows unverified',
      confidence: 'S',
      historical: true,
    }),
  ),
);

export const ncciPtpSeed: PtpEditInput[] = [
  ...premalignantVsMalignantDestruction,
  {
    column1: '17000',
    column2: '11900',
    effective: '1998-04-01',
    deleted: null,
    modifierIndicator: 1,
    rationale: 'Premalignant destruction and intralesional injection: separately reportable on different lesions with a modifier',
    source: 'Reference §11.3: row shown with effective date 1998-04-01 (medicarepaymentandreimbursement.com, 2016)',
    confidence: 'S',
    historical: true,
  },
  {
    column1: '17000',
    column2: '11901',
    effective: '1998-04-01',
    deleted: null,
    modifierIndicator: 1,
    rationale: 'Premalignant destruction and intralesional injection (more than 7 lesions): separately reportable on different lesions with a modifier',
    source: 'Reference §11.3: same page, 1998-04-01',
    confidence: 'S',
    historical: true,
  },
  {
    column1: '17110',
    column2: '11400',
    effective: '1999-01-01',
    deleted: null,
    modifierIndicator: 1,
    rationale: 'Mutually exclusive: benign destruction and benign excision of the same lesion',
    source: 'Reference §11.3: same page, 1999-01-01 ("mutually exclusive")',
    confidence: 'S',
    historical: true,
  },
  {
    column1: '17000',
    column2: '11200',
    effective: null,
    deleted: null,
    modifierIndicator: 1,
    rationale: 'Mutually exclusive: 17000 is the comprehensive code; skin-tag removal on a different lesion takes a modifier',
    source: 'Reference §11.3: AAPC reader Q&A (modifier allowed; effective date not given)',
    confidence: 'S',
    historical: true,
  },
  {
    column1: '17311',
    column2: '17313',
    effective: '2014-04-01',
    deleted: null,
    modifierIndicator: 1,
    rationale: 'Mutually exclusive first-stage Mohs codes: a second tumor on the same day takes 59/XS (column order not verified)',
    source: 'Reference §11.3 and §6.4: NCCI v20.1 (April 2014), via AAPC',
    confidence: 'S',
    historical: true,
  },
];

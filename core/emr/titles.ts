import { roleOfHeading } from '../parse/headings';
import type { SnapshotRole } from './define-adapter';

/**
 * Section titles as EMR screens print them. The parser's own heading table is the base,
 * so a title the adapter splits on is one the parser understands; the extra entries are
 * screen titles that a typed note rarely uses ("Final Diagnosis" opens a pathology report,
 * "Sign-off" is athenaOne's billing stage).
 */
const EXTRA: [SnapshotRole, RegExp][] = [
  // "Lab Result - Surgical Pathology", "Skin pathology report (final)": a short title naming surgical/skin pathology.
  ['pathology', /^(?:lab\s+results?\s*[-–:]\s*)?(?:surgical|skin|dermato|derm)\s*patholog(?:y|ic)\b[^.]{0,40}$/],
  [
    'pathology',
    /^(?:final\s+(?:pathologic(?:al)?\s+)?diagnos[ie]s|diagnosis\s*\(final\)|(?:surgical\s+)?pathology\s*[-–:]\s*final|path(?:ology)?\s*\/\s*labs?|path\s+result|lab\s*(?:&|and|\/)\s*path(?:ology)?\s+results?|results?\s+review|dermatopathology\s+report|surgical\s+pathology\s+(?:report|result)|microscopic\s+description)$/,
  ],
  [
    'procedure',
    /^(?:procedure\s+documentation|procedure\s+notes?\s*\/\s*orders|procedures?\s*\/\s*treatments?|in[- ]office\s+procedures?\s+performed|procedures?\s+performed\s+today|skin\s+procedures?|surgical\s+procedures?|(?:skin|dermatologic)\s+surgery)$/,
  ],
  [
    'assessment',
    /^(?:impressions?\s+(?:and|&)\s+recommendations?|clinical\s+impressions?|assessments?\s*\/\s*plans?|diagnos[ie]s\s+(?:and|&)\s+orders|plan\s+of\s+(?:care|treatment)|treatment\s+plan|assessments)$/,
  ],
  [
    'charges',
    /^(?:billing\s+information|entered\s+charges|charges?\s+entered|charge\s+entry|encounter\s+charges|services\s+rendered|visit\s+codes?(?:\s*\(s\))?|visit\s+code\(s\)|procedure\s+codes?|cpt\s*\/\s*hcpcs|sign[- ]?off\s*(?:-|–|:)?\s*billing|billing\s*\/\s*coding|bill|claim\s+lines?|charge\s+review|level\s+of\s+service\s+and\s+charges)$/,
  ],
  // athenaOne's last Exam stage: its own subsections (Level of Service, Billing) carry the codes.
  ['other', /^(?:sign[- ]?off|sign[- ]?off\s+(?:and|&)\s+checkout|checkout)$/],
  ['header', /^(?:patient\s+banner|visit\s+header|encounter\s+summary|visit\s+summary)$/],
];

/**
 * The first words EXTRA's titles can start with. The content script asks about every short
 * text of the page; on a fresh page each of EXTRA's patterns is compiled (and recompiled to
 * machine code after a few uses) the first time it runs, so most texts ("L forearm", "0.4 cm")
 * should fail one small test instead of seven large ones. Keep in step with EXTRA (the
 * titles test runs every EXTRA alternative through roleOfTitle).
 */
const EXTRA_START =
  /^(?:lab|surgical|skin|derm|final|path|results?|microscopic|procedure|in[- ]office|imp|clinical|treatment|assessment|diagnos|plan|billing|entered|charge|services|visit|cpt|sign|bill|claim|level|checkout|patient|encounter)/;

/** A screen title → the snapshot role it stands for, or undefined when it is not a section title. */
export function roleOfTitle(raw: string): SnapshotRole | undefined {
  return roleOfNormalizedTitle(normalizeTitle(raw));
}

/** roleOfTitle of a text already through normalizeTitle. */
export function roleOfNormalizedTitle(t: string): SnapshotRole | undefined {
  if (t.length === 0 || t.length > 60) return undefined;
  if (EXTRA_START.test(t)) for (const [role, re] of EXTRA) if (re.test(t)) return role;
  const parsed = roleOfHeading(t);
  switch (parsed) {
    case undefined:
      return undefined;
    case 'procedure':
    case 'pathology':
    case 'assessment':
    case 'charges':
    case 'visit':
    case 'header':
      return parsed;
    default:
      // History, exam, follow-up…: a section of its own (so it does not run into the one before), role 'other'.
      return 'other';
  }
}

export function normalizeTitle(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/\u00a0/g, ' ')
    .replace(/^[\s*#=_\d.)]+/, '')
    .replace(/[\s*#=_:\-–—.]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

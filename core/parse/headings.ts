/**
 * Section titles a note or a screen uses, and the role each stands for. Apart from sections.ts (which splits a
 * note at them) because the content script reads screen titles with them and must stay small.
 */

export type SectionRole = 'header' | 'history' | 'exam' | 'assessment' | 'procedure' | 'pathology' | 'charges' | 'visit' | 'other' | 'note';

const HEADINGS: [SectionRole, RegExp][] = [
  [
    'header',
    /^(?:patient\s+(?:info(?:rmation)?|demographics|details)|visit\s+(?:info(?:rmation)?|details)|encounter\s+(?:info(?:rmation)?|details)|demographics)$/,
  ],
  [
    'history',
    /^(?:chief\s+complaints?|cc|hx|h\/o|reason\s+for\s+(?:visit|consult(?:ation)?|appointment|referral)|hpi|history\s+of\s+(?:the\s+)?present\s+illness|interval\s+history|(?:past\s+)?medical\s+history|pmhx?|past\s+surgical\s+history|psh|surgical\s+history|social\s+history|family\s+history|(?:current\s+)?medications?|meds|allergies|ros|review\s+of\s+systems|history|(?:past\s+)?(?:derm(?:atologic(?:al)?)?|skin)\s+(?:cancer\s+)?history|problem\s+list|subjective|oncologic\s+history)$/,
  ],
  ['exam', /^(?:(?:physical\s+|(?:(?:full|total)\s+(?:body\s+)?)?skin\s+)?exam(?:ination)?|fse|tbse|objective|vitals?|vital\s+signs|focused\s+exam)$/],
  [
    'assessment',
    /^(?:assessment\s*(?:and|&|\/)\s*plan|assessment|impression\s*(?:and|&|\/)\s*plan|imp\s*\/\s*plan|impressions?|a\s*\/\s*p|a\s*&\s*p|plan|diagnos[ie]s\s*(?:and|&|\/)\s*plan|problems?\s+addressed|assessment\s*,?\s*plan)$/,
  ],
  [
    'procedure',
    /^(?:(?:today'?s\s+|office\s+|minor\s+)?procedures?(?:\s*\(s\))?(?:\s+(?:performed|note|notes|done|today|details|documentation|summary|list|log|table))?|procedure\s+notes?|operative\s+(?:note|report)|op\s+note|moh'?s(?:\s+micrographic)?(?:\s+surgery)?(?:\s+(?:note|report|procedure\s+note))?|surgical\s+(?:note|procedure)|surgery\s+note|treatments?(?:\s+(?:performed|today|given))?|in[- ]office\s+procedures?|(?:skin\s+)?biops(?:y|ies)(?:\s+(?:note|procedure))?|destruction(?:\s+note)?|excision(?:\s+note)?|injections?(?:\s+(?:given|note))?)$/,
  ],
  [
    'pathology',
    /^(?:(?:surgical\s+|skin\s+|outside\s+|final\s+)?(?:patho?logy|(?:dermato|histo)pathology|derm\s*path|path)(?:\s+(?:report|reports|results?|findings|consultation\s+report))?(?:\s+(?:received|returned))?|biopsy\s+(?:results?|reports?)|results|final\s+(?:pathologic\s+)?diagnosis|(?:amended|revised|corrected)\s+(?:pathology\s+)?report|(?:path(?:ology)?|derm\s*path|biopsy)\s+(?:addend(?:um|a)|update)|addendum\s+report)$/,
  ],
  [
    'charges',
    /^(?:charges?(?:\s+(?:entered|captured|summary))?(?:\s+by\s+(?:the\s+)?(?:provider|physician|md|scribe|staff))?|billing(?:\s+(?:codes|summary|information|info))?|charge\s+capture|cpt(?:\s+codes?)?|(?:cpt|procedure|billing)\s*(?:\/|and|&)\s*(?:icd|dx)(?:-?10)?\s*codes?|superbill|coding(?:\s+summary)?|procedure\s+codes|(?:codes|procedures?|cpt)\s+billed|fee\s+ticket|visit\s+codes|services\s+billed)$/,
  ],
  ['visit', /^(?:e\s*\/?\s*m(?:\s+level)?|e&m(?:\s+level)?|visit\s+level|level\s+of\s+service|visit\s+type|time)$/],
  [
    'other',
    /^(?:follow[- ]?up|disposition|orders|instructions|patient\s+(?:instructions|education)|signature|attestation|counsel(?:l)?ing|return(?:\s+to\s+clinic)?|rtc|addendum|note)$/,
  ],
];

/**
 * First words a heading can start with: most lines fail this one test and skip the heading list. A title the
 * list has no word for is no heading ("Gross description" and "Microscopic description" stay inside their report).
 * Word starts only ("med" for medical, medications, meds): the list below decides.
 */
const HEADING_START =
  /^[=#*_~\-\s]*(?:chief|cc|hx|h\/o|reason|hpi|hist|interval|past|med|pmh|psh|surg|social|family|current|allerg|ros|review|derm|skin|problem|subjective|oncologic|physical|exam|full|total|fse|tbse|objective|vital|focused|assessment|imp|a\s*[/&]|plan|diagnos|procedure|operative|op\b|moh|treatment|in[- ]office|biops|destruction|excision|injection|final|outside|path|amended|revised|corrected|addendum|charge|billing|cpt|superbill|cod|fee|visit|services|e\s*\/?\s*m|e&m|level|time|follow|disposition|orders|instructions|patient|signature|attestation|counsel|return|rtc|note|demographics|encounter|result|today'?s|office|minor)/i;

export function roleOfHeading(name: string): SectionRole | undefined {
  const role = roleOfTitle(name);
  // "Evaluación y plan / Assessment and plan": a bilingual template's title is read by the half the list knows.
  const slash = role ? -1 : name.indexOf(' / ');
  return slash > 0 ? roleOfTitle(name.slice(slash + 3)) : role;
}

function roleOfTitle(name: string): SectionRole | undefined {
  if (!HEADING_START.test(name)) return undefined;
  let h = name.toLowerCase();
  // "ADDENDUM 12/03/2026 (path received, Westside Lab):": the colon, a note in parentheses and a date, in any order.
  for (let k = 0; k < 3; k++) {
    const before = h;
    h = h
      .replace(/(?:dated\s+|from\s+|of\s+)?\d{1,2}\/\d{1,2}(?:\/\d{2,4})?[ \t]*:?[ \t]*$/, '')
      .replace(/\s*\([^)]{0,60}\)\s*$/, '')
      .replace(/[*#=_:\-–—.]+\s*$/, '');
    if (h === before) break;
  }
  h = h
    .replace(/^[*#=_\s]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (h.length === 0 || h.length > 60) return undefined;
  for (const [role, re] of HEADINGS) if (re.test(h)) return role;
  return undefined;
}

/**
 * Drug catalog: the names a note uses for a drug → its HCPCS code, the amount one
 * billing unit stands for, the container, the usual route and whether Medicare
 * presumes it self-administered. Sources: coding-reference §8.3 (PDT drugs), §9.1
 * (triamcinolone), §9.3 (botulinum toxins), §9.4 (JW/JZ), §9.5 (biologics, SAD lists).
 *
 * Where the reference marks a fact [U] (or is silent) the entry says so with
 * `unverified`, and the rules ask the user to verify instead of guessing.
 */

export type DrugRoute = 'intralesional' | 'subcutaneous' | 'intramuscular' | 'intravenous' | 'topical';

export interface DrugEntry {
  /** Stable id (generic name, kebab-case). */
  id: string;
  /** Our short plain-language name. */
  label: string;
  /** Lower-case words that identify the drug in a note: generic, brands, abbreviations. */
  names: string[];
  /** Brand names: a brand in the text beats a generic phrase of another entry. */
  brands?: string[];
  /** HCPCS code; undefined when the reference does not give one ([U]). */
  hcpcs?: string;
  /** What one HCPCS unit stands for. */
  per?: { amount: number; unit: 'mg' | 'units' | 'stick' };
  /** Single-dose container (JW/JZ apply) or multi-dose vial (never JW/JZ); undefined = not known. */
  container?: 'single-dose' | 'multi-dose';
  /** Usual route(s), first = default when the note gives none. */
  routes: DrugRoute[];
  /** Medicare presumes the drug self-administered (on MAC SAD exclusion lists). */
  selfAdministered?: boolean;
  /** The HCPCS code covers several routes: JA (IV) / JB (SC) required. */
  multiRoute?: boolean;
  /**
   * The one labeled dose, sold as a single prefilled syringe: when a note says one such syringe
   * was given but not the amount, this is the dose (with a finding asking to document it).
   */
  syringeDose?: { amount: number; unit: 'mg'; source: string };
  /** Brand concentrations in mg/mL, for dose arithmetic when only mL is documented. */
  concentrations?: { match: RegExp; mgPerMl: number }[];
  /** Local anesthetic or similar: included in the procedure, never its own line. */
  included?: boolean;
  /** Topical PDT drug: no administration code (the PDT code is the service). */
  topicalPdt?: boolean;
  /** Facts the reference marks [U]: the rules turn these into findings. */
  unverified?: string;
  /** Reference confidence for the code and unit. */
  confidence: 'V' | 'S' | 'U';
}

// SC biologics Medicare presumes self-administered (§9.5: SC presumed SAD; examples on SAD lists).
const sad = (id: string, label: string, names: string[], confidence: 'V' | 'S' = 'S'): DrugEntry => ({
  id,
  label,
  names,
  routes: ['subcutaneous'],
  selfAdministered: true,
  confidence,
});

export const DRUGS: DrugEntry[] = [
  {
    id: 'triamcinolone',
    label: 'Triamcinolone acetonide injection',
    names: ['triamcinolone', 'kenalog', 'ilk', 'tac', 'triamcinolone acetonide', 'kenalog-10', 'kenalog-40', 'kenalog-80'],
    hcpcs: 'J3301',
    per: { amount: 10, unit: 'mg' }, // §9.1 [V]: per 10 mg, partial units round up
    routes: ['intralesional', 'intramuscular'],
    concentrations: [
      { match: /kenalog[\s-]*10\b|\b10\s*mg\s*\/\s*ml/, mgPerMl: 10 },
      { match: /kenalog[\s-]*40\b|\b40\s*mg\s*\/\s*ml/, mgPerMl: 40 },
      { match: /kenalog[\s-]*80\b|\b80\s*mg\s*\/\s*ml/, mgPerMl: 80 },
      { match: /\b2\.5\s*mg\s*\/\s*ml/, mgPerMl: 2.5 },
      { match: /\b5\s*mg\s*\/\s*ml/, mgPerMl: 5 },
    ],
    confidence: 'V',
  },
  {
    id: 'onabotulinumtoxina',
    label: 'OnabotulinumtoxinA',
    names: ['onabotulinumtoxina', 'botox', 'botox cosmetic'],
    hcpcs: 'J0585',
    per: { amount: 1, unit: 'units' }, // §9.3 [V]
    container: 'single-dose', // §9.3 example: 100-unit vial → J0585×100 with JZ [V]
    routes: ['intramuscular'],
    confidence: 'V',
  },
  {
    id: 'abobotulinumtoxina',
    label: 'AbobotulinumtoxinA',
    names: ['abobotulinumtoxina', 'dysport'],
    hcpcs: 'J0586',
    per: { amount: 5, unit: 'units' }, // §9.3 [S]
    routes: ['intramuscular'],
    confidence: 'S',
  },
  {
    id: 'rimabotulinumtoxinb',
    label: 'RimabotulinumtoxinB',
    names: ['rimabotulinumtoxinb', 'myobloc'],
    hcpcs: 'J0587',
    per: { amount: 100, unit: 'units' }, // §9.3 [S]
    routes: ['intramuscular'],
    confidence: 'S',
  },
  {
    id: 'incobotulinumtoxina',
    label: 'IncobotulinumtoxinA',
    names: ['incobotulinumtoxina', 'xeomin'],
    hcpcs: 'J0588',
    per: { amount: 1, unit: 'units' }, // §9.3 [S]
    routes: ['intramuscular'],
    confidence: 'S',
  },
  {
    id: 'aminolevulinic-acid-20',
    label: 'Aminolevulinic acid 20% topical (Levulan Kerastick)',
    names: ['levulan', 'kerastick', 'aminolevulinic acid 20%', 'ala 20%', '20% ala', 'aminolevulinic acid hcl 20%'],
    brands: ['levulan', 'kerastick'],
    hcpcs: 'J7308',
    per: { amount: 1, unit: 'stick' }, // §8.3 [V]: 1 unit per stick (354 mg)
    container: 'single-dose', // §8.3: Levulan Kerastick is single-use [S]
    routes: ['topical'],
    topicalPdt: true,
    confidence: 'V',
  },
  {
    id: 'aminolevulinic-acid-gel-10',
    label: 'Aminolevulinic acid 10% gel (Ameluz)',
    names: ['ameluz', 'aminolevulinic acid 10% gel', 'aminolevulinic acid hcl 10% gel', 'ala 10% gel', 'bf-200 ala'],
    brands: ['ameluz'],
    hcpcs: 'J7345',
    per: { amount: 10, unit: 'mg' }, // §8.3 [V]: per 10 mg; manufacturer counts gel weight: 2 g tube = 200 units
    routes: ['topical'],
    topicalPdt: true,
    unverified:
      'J7345 units: the manufacturer counts 10 mg of gel per unit (2 g tube = 200 units); recheck against payer guidance. Whether the Ameluz tube is single-dose (JW/JZ) is not verified.',
    confidence: 'U',
  },
  {
    id: 'infliximab',
    label: 'Infliximab (IV)',
    names: ['infliximab', 'remicade'],
    hcpcs: 'J1745',
    per: { amount: 10, unit: 'mg' }, // §9.5 [V]: 400 mg = 40 units, JZ when no waste
    container: 'single-dose',
    routes: ['intravenous'],
    selfAdministered: false,
    confidence: 'V',
  },
  {
    id: 'tildrakizumab',
    label: 'Tildrakizumab (Ilumya)',
    names: ['tildrakizumab', 'ilumya'],
    hcpcs: 'J3245',
    per: { amount: 1, unit: 'mg' }, // §9.5 [V]: 100 mg dose = 100 units
    syringeDose: { amount: 100, unit: 'mg', source: 'Reference §9.5: 100 mg dose = 100 units' },
    routes: ['subcutaneous'],
    selfAdministered: false, // US label: HCP-administered [V]; label/SAD change [U]
    unverified:
      'A non-US label allows self-injection; whether the US label or a MAC SAD list changed is not verified. Some payers ask for 96401 instead of 96372.',
    confidence: 'V',
  },
  sad('adalimumab', 'Adalimumab (Humira and biosimilars)', ['adalimumab', 'humira', 'hadlima', 'hyrimoz', 'cyltezo', 'yusimry', 'amjevita'], 'V'),
  sad('dupilumab', 'Dupilumab (Dupixent)', ['dupilumab', 'dupixent']),
  sad('secukinumab', 'Secukinumab (Cosentyx)', ['secukinumab', 'cosentyx']),
  sad('ixekizumab', 'Ixekizumab (Taltz)', ['ixekizumab', 'taltz']),
  sad('guselkumab', 'Guselkumab (Tremfya)', ['guselkumab', 'tremfya']),
  sad('risankizumab', 'Risankizumab SC (Skyrizi)', ['risankizumab', 'skyrizi'], 'V'),
  sad('ustekinumab', 'Ustekinumab SC (Stelara)', ['ustekinumab', 'stelara']),
  sad('etanercept', 'Etanercept (Enbrel)', ['etanercept', 'enbrel']),
  sad('tralokinumab', 'Tralokinumab (Adbry)', ['tralokinumab', 'adbry'], 'V'),
  {
    id: 'omalizumab',
    label: 'Omalizumab (Xolair)',
    names: ['omalizumab', 'xolair'],
    routes: ['subcutaneous'],
    selfAdministered: false,
    unverified: 'The HCPCS code and unit for omalizumab are not verified (J2357 per 5 mg is recalled, not confirmed).',
    confidence: 'U',
  },
  {
    id: 'spesolimab',
    label: 'Spesolimab IV (Spevigo)',
    names: ['spesolimab', 'spevigo'],
    routes: ['intravenous'],
    selfAdministered: false,
    unverified: 'The HCPCS code and unit for spesolimab IV are not verified (J1747 is recalled, not confirmed).',
    confidence: 'U',
  },
  {
    id: 'local-anesthetic',
    label: 'Local anesthetic',
    names: ['lidocaine', 'xylocaine', 'bupivacaine', 'marcaine', 'lidocaine with epinephrine', 'local anesthetic'],
    routes: ['subcutaneous'],
    included: true,
    confidence: 'S',
  },
];

function normalize(text: string): string {
  // "mg/cc" is "mg/mL" in dose arithmetic.
  return (
    text
      .toLowerCase()
      .replace(/[®™]/g, '')
      .replace(/\/\s*cc\b/g, '/ml')
      // "Onabotulinumtoxin A", "rimabotulinumtoxin-B": the toxin's type letter is part of its name.
      .replace(/(botulinumtoxin)[\s-]+([ab])\b/g, '$1$2')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * Find a drug by the words a note used ("Kenalog-40", "ILK 10 mg/mL", "Botox").
 * Longest matching name wins so "aminolevulinic acid 10% gel" beats "aminolevulinic acid".
 */
export function findDrug(name: string | undefined, hcpcs?: string): DrugEntry | undefined {
  if (hcpcs) {
    const byCode = DRUGS.find((d) => d.hcpcs === hcpcs.toUpperCase());
    if (byCode) return byCode;
  }
  if (!name) return undefined;
  const text = normalize(name);
  const has = (n: string) => containsName(text, n);
  const brand = DRUGS.find((entry) => (entry.brands ?? []).some(has));
  if (brand) return brand;
  let best: { entry: DrugEntry; length: number } | undefined;
  for (const entry of DRUGS) {
    for (const n of entry.names) {
      if (has(n) && (!best || n.length > best.length)) best = { entry, length: n.length };
    }
  }
  return best?.entry;
}

const isNameChar = (c: string | undefined) => c !== undefined && /[a-z0-9]/.test(c);

/**
 * `name` occurs in `text` as a whole name: neither touching a letter or digit on either side.
 * Same test as the regex (^|[^a-z0-9])name($|[^a-z0-9]), without building a regex per name per call.
 */
function containsName(text: string, name: string): boolean {
  if (name.length === 0) return /(^|[^a-z0-9])($|[^a-z0-9])/.test(text);
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
    if (!isNameChar(text[i - 1]) && !isNameChar(text[i + name.length])) return true;
  }
  return false;
}

/** Compounded ALA may not be billed under J7308 (§8.3 [V]). */
export function isCompounded(name: string | undefined): boolean {
  return !!name && /compound/i.test(name);
}

/** mg/mL from the brand name or a documented concentration ("10 mg/mL"), if any. */
export function concentrationMgPerMl(entry: DrugEntry, name: string | undefined): number | undefined {
  if (!name) return undefined;
  const text = normalize(name);
  for (const c of entry.concentrations ?? []) if (c.match.test(text)) return c.mgPerMl;
  const m = /(\d+(?:\.\d+)?)\s*mg\s*\/\s*ml/.exec(text);
  return m ? Number(m[1]) : undefined;
}

export interface DoseInput {
  name: string;
  amountGiven?: number | undefined;
  unit?: 'mg' | 'units' | 'mL' | 'mcg' | 'g' | 'stick' | 'tube' | undefined;
}

/**
 * Convert a documented amount into the catalog's billing measure (mg, units or sticks).
 * Returns undefined when the arithmetic would need a fact the note did not give
 * (e.g. mL of a toxin whose dilution is unknown).
 */
export function amountInBillingMeasure(entry: DrugEntry, amount: number | undefined, unit: DoseInput['unit'], name: string): number | undefined {
  if (amount === undefined || !entry.per) return undefined;
  const target = entry.per.unit;
  if (unit === undefined || unit === target) return amount;
  if (target === 'mg') {
    if (unit === 'g') return amount * 1000;
    if (unit === 'mcg') return amount / 1000;
    if (unit === 'mL') {
      const c = concentrationMgPerMl(entry, name);
      return c === undefined ? undefined : amount * c;
    }
    // Ameluz: one 2 g tube (manufacturer, §8.3 [U]) = 2000 mg of gel.
    if (unit === 'tube' && entry.id === 'aminolevulinic-acid-gel-10') return amount * 2000;
  }
  return undefined;
}

/** Billing units: partial units round up (§9.1 [V]: 5 mg of J3301 = 1 unit). */
export function billingUnits(entry: DrugEntry, amount: number): number {
  if (!entry.per) return 0;
  // Round to 6 decimals first so 40/10 stays 4, not 4.000000001.
  return Math.ceil(Math.round((amount / entry.per.amount) * 1e6) / 1e6);
}

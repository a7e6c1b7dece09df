import type { Drug } from '../model';
import { round } from './measure';

/**
 * Drug, dose and waste from a procedure's text: "0.5 mL of Kenalog 10 mg/mL" → 5 mg,
 * "40 mg IM", "100 units from a 100-unit vial, no waste". Local anesthetic lines are
 * skipped: lidocaine is part of the procedure, never its own drug line.
 */

const NAMES: [RegExp, string][] = [
  [/\bkenalog[- ]?(?:10|40|80)\b/i, ''],
  [/\bkenalog\b/i, 'kenalog'],
  [/\btriamcinolone(?:\s+acetonide)?\b/i, ''],
  [/\b(?:ilk|tac)\b/i, 'triamcinolone'],
  [/\bdepo-?medrol\b|\bmethylprednisolone(?:\s+acetate)?\b/i, ''],
  [/\bdexamethasone\b|\bdecadron\b/i, ''],
  [/\bcelestone(?:\s+soluspan)?\b|\bbetamethasone\b/i, ''],
  [/\b5-?fu\b|\bfluorouracil\b/i, ''],
  [/\bbleomycin\b/i, ''],
  [/\bcandida\s+antigen\b|\bcandin\b/i, ''],
  [/\bbotox(?:\s+cosmetic)?\b|\bonabotulinumtoxin\s*a\b|\bonabotulinumtoxina\b/i, ''],
  [/\bdysport\b|\babobotulinumtoxin\s*a\b|\babobotulinumtoxina\b/i, ''],
  [/\bxeomin\b|\bincobotulinumtoxin\s*a\b|\bincobotulinumtoxina\b/i, ''],
  [/\bmyobloc\b|\brimabotulinumtoxin\s*b\b|\brimabotulinumtoxinb\b/i, ''],
  [/\bjeuveau\b|\bdaxxify\b|\bbotulinum\s+toxin(?:\s+type\s+a)?\b/i, ''],
  [/\blevulan(?:\s+kerastick)?\b|\bkerastick\b|\baminolevulinic\s+acid(?:\s+(?:hcl|hydrochloride))?(?:\s+20\s*%)?\b/i, ''],
  [/\bameluz\b|\baminolevulinic\s+acid\s+10\s*%\s+gel\b/i, ''],
  [/\bilumya\b|\btildrakizumab(?:-asmn)?\b/i, ''],
  [/\bxolair\b|\bomalizumab\b/i, ''],
  [/\bdupixent\b|\bdupilumab\b/i, ''],
  [/\bcosentyx\b|\bsecukinumab\b/i, ''],
  [/\btaltz\b|\bixekizumab\b/i, ''],
  [/\btremfya\b|\bguselkumab\b/i, ''],
  [/\bskyrizi\b|\brisankizumab\b/i, ''],
  [/\bstelara\b|\bustekinumab\b/i, ''],
  [/\bhumira\b|\badalimumab\b/i, ''],
  [/\benbrel\b|\betanercept\b/i, ''],
  [/\badbry\b|\btralokinumab\b/i, ''],
  [/\bebglyss\b|\blebrikizumab\b/i, ''],
  [/\bnemluvio\b|\bnemolizumab\b/i, ''],
  [/\bbimzelx\b|\bbimekizumab\b/i, ''],
  [/\bsiliq\b|\bbrodalumab\b/i, ''],
  [/\bremicade\b|\binfliximab\b/i, ''],
  [/\bspevigo\b|\bspesolimab\b/i, ''],
  [/\bceftriaxone\b|\brocephin\b/i, ''],
  [/\b(?:vitamin\s+)?b-?12\b|\bcyanocobalamin\b/i, ''],
];

const ANESTHETIC_LINE = /\b(?:lidocaine|xylocaine|bupivacaine|marcaine|anesthe\w*|anaesthe\w*|epinephrine|buffered)\b/i;

/** Strips clauses about local anesthesia so their mL are not read as the drug dose. */
function withoutAnesthesia(text: string): string {
  return text
    .split(/(?<=[.;\n])/)
    .filter((part) => !ANESTHETIC_LINE.test(part) || /\b(?:kenalog|triamcinolone|ilk|botox|botulinum)\b/i.test(part))
    .join('');
}

/**
 * Words of a take-home prescription: "Cont doxycycline 100 mg daily", "adapalene 0.3% gel qhs", "Continue adalimumab
 * 40 mg weekly (self-injected)".
 */
const HOME_MEDICATION =
  /\b(?:po|by\s+mouth|daily|bid|tid|qid|qd|qhs|qam|nightly|prn|cream|ointment|gel|lotion|foam|tablets?|capsules?|refills?|weekly|biweekly|monthly|q\s*\d{1,2}\s*(?:wks?|weeks?|months?)|every\s+(?:other\s+|\d{1,2}\s+)?(?:weeks?|months?)|self[- ](?:injected|injects|administered)|at\s+home)\b/i;

/** Strips sentences about another, take-home medication ("Cont doxycycline 100 mg daily") so its dose is not read as this drug's. */
function withoutHomeMedications(text: string, name: string): string {
  if (!HOME_MEDICATION.test(text)) return text;
  return text
    .split(/(?<=[;\n]|\.(?!\d))/)
    .filter((part) => !HOME_MEDICATION.test(part) || drugName(part) === name)
    .join('');
}

const NUM = String.raw`(\d{1,4}(?:\.\d{1,3})?|\.\d{1,3})`;

export function drugName(text: string): string | undefined {
  for (const [re, canonical] of NAMES) {
    const m = re.exec(text);
    if (m) return canonical || m[0].replace(/\s+/g, ' ').trim();
  }
  return undefined;
}

// Built once, not per call (the amount pattern is global: its lastIndex is reset before each scan).
const WRITTEN_STRENGTH = new RegExp(String.raw`${NUM}\s*mg\s*(?:\/|per)\s*(?:1\s*)?(?:ml|cc)\b`, 'i');
const WASTED = new RegExp(
  String.raw`${NUM}\s*(units?|u|mg|ml|cc|mcg)\s+(?:(?:left|remaining|remainder)\s+(?:(?:in|of)\s+(?:the\s+)?(?:vial|syringe)\s+)?)?(?:were\s+|was\s+)?(?:wasted|discarded)|(?:wasted|discarded|wastage|waste)\s*(?:amount)?\s*[:=]?\s*(?:of\s+)?${NUM}\s*(units?|u|mg|ml|cc|mcg)\b`,
  'i',
);
const TOTAL_AMOUNT = new RegExp(
  String.raw`\btotal(?:\s+(?:of|dose|amount|injected|given|volume))*\s*[:=|]?\s*(?:of\s+)?${NUM}\s*(units?|u|iu|mg|mcg|ml|cc|g)\b`,
  'i',
);
// "Total mg: 12", "Total units: 100": a template field names its unit before the number.
const TOTAL_FIELD = new RegExp(
  String.raw`\btotal\s+(units?|mg|mcg|ml|cc)(?:\s+(?:injected|given|administered))?\s*[:=|]\s*${NUM}(?!\s*(?:units?|mg|mcg|ml|cc)\b)`,
  'i',
);
const AMOUNT_THEN_TOTAL = new RegExp(
  String.raw`(?<![\d.\/])${NUM}\s*(units?|u|iu|mg|mcg|ml|cc|g)\s+(?:total|in\s+total|administered|given|injected\s+in\s+total|total(?:ly)?\s+(?:administered|injected|given))\b`,
  'i',
);
// "Administered: 360 mg in 250 mL NS" under "vials x 4 reconstituted (400 mg total)": the field names the dose given.
// Not "Dose given: 40 units L axilla, 40 units R axilla" (one side of a split dose).
const ADMINISTERED_FIELD = new RegExp(
  String.raw`\b(?:administered|given|infused|dose\s+(?:given|administered|infused)|amount\s+(?:given|administered|infused))\s*[:=|]\s*${NUM}\s*(units?|u|iu|mg|mcg|ml|cc|g)\b(?!\s*(?:(?:to|in|into|per|each)\s+)?(?:(?:the|each|both)\s+)?(?:[lr]\b|lt\b|rt\b|left|right|bilat\w*|each|per|axill\w*|palms?|soles?|sites?|lesions?|side))`,
  'i',
);
const AMOUNT = new RegExp(String.raw`(?<![\d.\/])${NUM}\s*(units?|u|iu|mg|mcg|ml|cc|g)\b(?!\s*(?:\/|per)\s*(?:ml|cc|kg))`, 'gi');

const DILUTED = /\b(?:dilut\w*|mixed\s+with|drawn\s+up\s+\d\s*:\s*\d|\d\s*:\s*\d\s+with|reconstitut\w*)\b/i;
/** "… 1:1 with lidocaine = 20 mg/mL mixture", "diluted to 5 mg/mL": the strength the dilution makes. */
const DILUTED_STRENGTH = new RegExp(String.raw`(?:=|\bto\b|\bfinal\b[^\d\n]{0,20}?|\bmaking\b)\s*${NUM}\s*mg\s*(?:\/|per)\s*(?:1\s*)?(?:ml|cc)\b`, 'i');

/**
 * Brand strength ("Kenalog-10", "Kenalog 40") or a written "10 mg/mL". A dilution that names two strengths uses the one
 * it makes ("Kenalog-40 … drawn up 1:1 with lidocaine = 20 mg/mL"); without it the strength is unknown.
 */
function concentration(text: string): number | undefined {
  if (DILUTED.test(text)) {
    const strengths = new Set([...text.matchAll(new RegExp(WRITTEN_STRENGTH.source, 'gi'))].map((m) => Number(m[1])));
    const brand = /\b(?:kenalog|tac)[- ]?(10|40|80)\b(?!\s*(?:mg|mcg|%|units?)\b)/i.exec(text)?.[1];
    if (brand) strengths.add(Number(brand));
    const made = DILUTED_STRENGTH.exec(text)?.[1];
    if (made !== undefined && strengths.size > 1) return Number(made);
    // "Kenalog-40 diluted 1:1 with lidocaine": the strength given is not the vial's, and the note does not say it.
    if (strengths.size > 0 && /\b\d\s*:\s*\d\b|\bdilut\w*\s+(?:with|in)\b/i.test(text)) return undefined;
  }
  const written = WRITTEN_STRENGTH.exec(text);
  if (written?.[1]) return Number(written[1]);
  // "Kenalog-40", "TAC 40 0.25 cc": the product's strength in mg/mL written after its name.
  const brand = /\b(?:kenalog|tac)[- ]?(10|40|80)\b(?!\s*(?:mg|mcg|%|units?)\b)/i.exec(text);
  if (brand?.[1]) return Number(brand[1]);
  return undefined;
}

export function extractDrug(rawText: string, route?: Drug['route'], lesionCount?: number): Drug | undefined {
  const full = rawText.length > 3000 ? rawText.slice(0, 3000) : rawText;
  const plain = withoutAnesthesia(full);
  const name = drugName(plain);
  if (!name) return undefined;
  const text = withoutHomeMedications(plain, name);
  const drug: Drug = { name };
  const hcpcs = /\b([JQ]\d{4})\b/.exec(text);
  if (hcpcs?.[1]) drug.hcpcs = hcpcs[1];
  const ndc = /\bndc[\s:#]*(\d{4,5}-\d{3,4}-\d{1,2}|\d{11})\b/i.exec(text);
  if (ndc?.[1]) drug.ndc = ndc[1];
  if (route) drug.route = route;
  else if (/\b(?:im|intramuscular(?:ly)?|deltoid|gluteal|ventrogluteal)\b/i.test(text)) drug.route = 'intramuscular';
  else if (/\b(?:subcutaneous(?:ly)?|subq|sub-?q|sq|sc)\b/i.test(text)) drug.route = 'subcutaneous';
  else if (/\b(?:iv|intravenous(?:ly)?|infusion)\b/i.test(text)) drug.route = 'intravenous';
  else if (/\bintralesional(?:ly)?\b|\bilk\b/i.test(text)) drug.route = 'intralesional';
  if (/\b(?:single[- ](?:dose|use)|sdv|single\s+use\s+vial)\b/i.test(text)) drug.container = 'single-dose';
  else if (/\b(?:multi[- ]?dose|mdv|multiple[- ]dose)\b/i.test(text)) drug.container = 'multi-dose';

  // Waste: "20 units wasted", "wasted: 20 units", "no waste", "Wastage: 0 units", "0 units discarded".
  if (
    /\b(?:no\s+(?:drug\s+|medication\s+)?(?:waste|wastage)|none\s+(?:was\s+)?(?:wasted|discarded)|nothing\s+(?:was\s+)?(?:wasted|discarded)|wast(?:ed?|age)\s*(?:[:=]\s*)?(?:none|0(?![.,]\d)(?:\s*(?:units?|mg|ml))?\b)|discarded\s*(?:[:=]\s*)?(?:none|0(?![.,]\d)\b)|no\s+(?:amount\s+)?discarded|(?<![\d.])(?:0|zero)\s*(?:units?|u|mg|ml|cc|mcg)?\s+(?:were\s+|was\s+)?(?:wasted|discarded)\b|entire\s+(?:vial|contents?)\s+(?:was\s+)?(?:used|administered|injected))/i.test(
      text,
    )
  ) {
    drug.noWaste = true;
  } else {
    const wasted = WASTED.exec(text);
    if (wasted) {
      const amount = Number(wasted[1] ?? wasted[3]);
      const unit = normUnit(wasted[2] ?? wasted[4] ?? '');
      // "0.4 mL left in vial discarded" of 10 mg/mL: waste in the drug's dosing unit (mg).
      const wasteConc = unit === 'mL' ? concentration(text) : undefined;
      if (unit) drug.amountWasted = wasteConc !== undefined ? round(amount * wasteConc) : amount;
      if (unit && !drug.unit) drug.unit = wasteConc !== undefined ? 'mg' : unit;
    }
  }

  // Amount given: a "total" first (also a pipe-table row "| Total injected | 80 units |"), then an amount in mg/units, then mL × concentration.
  const total = TOTAL_AMOUNT.exec(text);
  const perSite = /\b(?:per|each|\/)\s*(?:axilla|side|palm|sole|site|lesion|injection)\b/i;
  // "(100 units administered)", "0.9 mL total": an amount the note itself calls the total.
  const totalAfter = AMOUNT_THEN_TOTAL.exec(text);
  const amounts: { value: number; unit: NonNullable<Drug['unit']>; index: number; per: boolean }[] = [];
  const amountRe = AMOUNT;
  amountRe.lastIndex = 0;
  for (let m = amountRe.exec(text); m; m = amountRe.exec(text)) {
    const unit = normUnit(m[2] as string);
    if (!unit) continue;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
    const before = text.slice(Math.max(0, m.index - 25), m.index);
    // "100-unit vial", "5 mL vial", "10 mg/mL" are container/strength, not the dose; "20 units wasted" is waste.
    if (
      /^\s*(?:-\s*)?(?:vials?|bottles?|kit|syringe|ampule)\b/i.test(after) ||
      (/^[- ]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 1)) && /^-\s*(?:unit|mg)\s+vial/i.test(after))
    )
      continue;
    // "1 mL vial (10 mg)": the vial's content, not the dose.
    if (/\b(?:vial|syringe|ampule)s?\s*\(\s*$/i.test(before)) continue;
    if (/^\s*(?:were\s+|was\s+)?(?:wasted|discarded)/i.test(after) || /(?:wasted|discarded|waste)\s*(?:[:=]\s*)?(?:of\s+)?$/i.test(before)) continue;
    if (/\b(?:vial|reconstituted|diluted|dilution|mixed)\s+(?:(?:with|in|of|size)\s*)?$/i.test(before) && unit === 'mL') continue;
    if (/^\s*(?:of\s+)?(?:normal\s+saline|saline|bacteriostatic|ns|diluent|sterile\s+water)/i.test(after)) continue;
    // "0.5 mL each" into the lesions counted: a dose per lesion, like "per lesion".
    amounts.push({ value: Number(m[1]), unit, index: m.index, per: perSite.test(after.slice(0, 20)) || /^\s*(?:each|apiece)\b/i.test(after) });
  }
  const conc = concentration(text);
  const field = total ? null : TOTAL_FIELD.exec(text);
  const fieldHit = field?.[1] && field[2] ? ([field[0], field[2], field[1]] as unknown as RegExpExecArray) : null;
  const administered = total ? null : ADMINISTERED_FIELD.exec(text);
  const totalHit = total?.[1] && total[2] ? total : administered?.[1] && administered[2] ? administered : (fieldHit ?? totalAfter);
  // "2.2 mL of mixture = 44 mg triamcinolone", "0.5 mL (20 mg)": the note's own mg for the volume outweighs any arithmetic.
  const stated =
    totalHit?.[1] && totalHit[2] && normUnit(totalHit[2]) === 'mL'
      ? /^[^.;\n]{0,30}?(?:=|\(|\bequals\b|\bi\.e\.,?)\s*(\d{1,4}(?:\.\d{1,3})?)\s*mg\b/i.exec(text.slice((totalHit.index ?? 0) + totalHit[0].length))
      : null;
  if (stated?.[1]) {
    drug.amountGiven = round(Number(stated[1]));
    drug.unit = 'mg';
  } else if (totalHit?.[1] && totalHit[2]) {
    const unit = normUnit(totalHit[2]);
    if (unit === 'mL' && conc !== undefined) {
      drug.amountGiven = round(Number(totalHit[1]) * conc);
      drug.unit = 'mg';
    } else if (unit) {
      drug.amountGiven = round(Number(totalHit[1]));
      drug.unit = unit;
    }
  }
  if (drug.amountGiven === undefined) {
    const direct = amounts.find((a) => a.unit !== 'mL' && !a.per) ?? amounts.find((a) => a.unit !== 'mL');
    const ml = amounts.find((a) => a.unit === 'mL');
    // "Keloid R earlobe: … 0.5 mL injected (20 mg). Keloid L earlobe: 0.3 mL (12 mg).": one dose per lesion injected, the
    // drug line is their sum (reference §9.1: J3301 per 10 mg of the total, partial units rounded up).
    const perLesion = route === 'intralesional' ? amounts.filter((a) => !a.per && a.unit === (direct?.unit ?? 'mL')) : [];
    const sided = direct ? sidedDoses(text, amounts, direct.unit) : [];
    if (perLesion.length >= 2 && (direct !== undefined || conc !== undefined)) {
      const sum = perLesion.reduce((n, a) => n + a.value, 0);
      drug.amountGiven = round(direct ? sum : sum * (conc as number));
      drug.unit = direct ? direct.unit : 'mg';
    } else if (direct && sided.length >= 2) {
      // "40 units L axilla, 40 units R axilla": one dose per side, the drug line is their sum.
      drug.amountGiven = round(sided.reduce((n, a) => n + a.value, 0));
      drug.unit = direct.unit;
    } else if (direct) {
      let value = direct.value;
      // "50 units per axilla" to both axillae = 100 units.
      // "50 units per axilla" says there is more than one axilla, unless the note treats one only (§9.3: 64650 is both).
      const perPair =
        direct.per &&
        /^\s*(?:(?:units?|u|mg)\s*)?(?:per|each|\/)\s*(?:axilla|side|palm|sole)\b/i.test(text.slice(direct.index).replace(/^\d+(?:\.\d+)?\s*/, ''));
      const oneOnly =
        /\b(?:unilateral(?:ly)?|one\s+(?:axilla|side|palm|sole)|(?:right|left|r|l)\s+(?:axilla|palm|sole)\s+only|only\s+(?:the\s+)?(?:right|left)\b)/i.test(
          text,
        );
      if (direct.per && (/\b(?:bilateral|both|each)\s+(?:axillae|axillas|axilla|palms|soles|sides)\b|\baxillae\b/i.test(text) || (perPair && !oneOnly)))
        value *= 2;
      // "10 mg each" / "10 mg per lesion" into the lesions counted: the dose given is the sum (§9.1: J3301 per 10 mg given).
      else if (
        direct.per &&
        route === 'intralesional' &&
        lesionCount !== undefined &&
        lesionCount > 1 &&
        /^\s*(?:each|apiece|per\s+lesion)\b/i.test(text.slice(direct.index).replace(/^\d+(?:\.\d+)?\s*(?:mg|milligrams?)\s*/i, ''))
      )
        value *= lesionCount;
      drug.amountGiven = round(value);
      drug.unit = direct.unit;
    } else if (ml && conc !== undefined) {
      // "0.5 mL of 10 mg/mL" → 5 mg; "0.3 mL per lesion" into 4 lesions → 1.2 mL.
      const lesions =
        ml.per && lesionCount !== undefined && lesionCount > 1 && /\b(?:per|each)\s+(?:lesion|site|injection)\b|\bml\s+(?:each|apiece)\b/i.test(text)
          ? lesionCount
          : 1;
      drug.amountGiven = round(ml.value * lesions * conc);
      drug.unit = 'mg';
    } else if (ml) {
      drug.amountGiven = round(ml.value);
      drug.unit = 'mL';
    }
  }
  // "Kenalog-40 diluted 1:1, 1.0 mL": a volume of a dilution whose strength is not written is not the vial's strength;
  // the name keeps no strength, so the dose asks for it instead of billing mL at 40 mg/mL.
  if (drug.unit === 'mL' && conc === undefined && DILUTED.test(text)) drug.name = drug.name.replace(/[- ]?(?:10|40|80)\b/, '').trim() || drug.name;
  // PDT: "1 Kerastick", "one stick", "1 tube of Ameluz".
  if (drug.amountGiven === undefined) {
    const stick =
      /\b(\d|one|two)\s+(?:levulan\s+)?(?:kerasticks?|sticks?)\b/i.exec(text) ?? /\b(?:kerasticks?|sticks?)\b[^.;\n]{0,20}?\bx\s*(\d)\b/i.exec(text);
    const tube = /\b(\d|one|two)\s+(?:\w+\s+)?tubes?\b/i.exec(text);
    if (stick?.[1]) {
      drug.amountGiven = /^\d$/.test(stick[1]) ? Number(stick[1]) : stick[1].toLowerCase() === 'one' ? 1 : 2;
      drug.unit = 'stick';
    } else if (tube?.[1]) {
      drug.amountGiven = /^\d$/.test(tube[1]) ? Number(tube[1]) : tube[1].toLowerCase() === 'one' ? 1 : 2;
      drug.unit = 'tube';
    }
  }
  if (drug.amountWasted !== undefined && drug.unit && drug.amountGiven === undefined) delete drug.unit;
  return drug;
}

function normUnit(u: string): Drug['unit'] | undefined {
  const x = u.toLowerCase();
  if (x === 'mg') return 'mg';
  if (x === 'mcg') return 'mcg';
  if (x === 'ml' || x === 'cc') return 'mL';
  if (x === 'g') return 'g';
  if (x === 'u' || x === 'iu' || x.startsWith('unit')) return 'units';
  return undefined;
}

/** Doses each written with its side ("40 units L axilla", "50 units to the right palm"). */
function sidedDoses<T extends { value: number; unit: string; index: number }>(text: string, amounts: T[], unit: string): T[] {
  return amounts.filter(
    (a) =>
      a.unit === unit &&
      /^\s*(?:(?:to|in|into)\s+(?:the\s+)?)?(?:l|r|lt|rt|left|right)\b\.?\s*(?:axilla|palm|sole|side|hand|foot)/i.test(
        text.slice(a.index).replace(/^\d+(?:\.\d+)?\s*[a-z]+/i, ''),
      ),
  );
}

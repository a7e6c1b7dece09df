import { parseSharedMemo } from './memo';
import { type Gate, gated, gatedTest, groupedByFirstLetter, indexText, mayMatch, unionGate } from './prefilter';

/**
 * Procedure words → procedure families. Each family is one linear regex; a few
 * exclusions (biopsy-proven, hemostasis cautery, biopsy site) keep words that
 * name a past or incidental act from starting a procedure.
 */

export type Family =
  | 'mohs'
  | 'biopsy'
  | 'shave'
  | 'punch'
  | 'excision'
  | 'destruction'
  | 'tag'
  | 'ilk'
  | 'injection'
  | 'infusion'
  | 'chemoden'
  | 'photo'
  | 'excimer'
  | 'pdt'
  | 'id'
  | 'acne'
  | 'paring'
  | 'nail'
  | 'debridement'
  | 'peel'
  | 'patch'
  | 'uncoded'
  | 'vascular'
  | 'cosmetic'
  | 'repair'
  | 'att'
  | 'flap'
  | 'division'
  | 'graft';

export const CLOSURE_FAMILIES = new Set<Family>(['repair', 'att', 'flap', 'division', 'graft']);

export interface Trigger {
  family: Family;
  start: number;
  end: number;
  /** Generic destruction word (cautery, curettage) that may be part of another procedure. */
  generic?: boolean;
}

/**
 * Sclerotherapy, total-body photography, an Unna boot, electrolysis, a foreign body removed, a cyst aspirated, dermabrasion,
 * subcision, prick tests: no code in the reference (§16 asks, never invents).
 */
export const UNCODED_SERVICE =
  /\b(?:sclerotherapy|total[- ]body\s+photograph(?:y|s)|mole\s+mapping|unna\s+boot|electrolysis|(?:removal|extraction)\s+of\s+(?:an?\s+|the\s+)?(?:\w+\s+)?foreign\s+body|foreign\s+body\s+(?:was\s+)?(?:removed|extracted)|(?:needle\s+)?aspiration\s+of\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}(?:cyst|ganglion|bulla|seroma|hematoma)|dermabrasion|subcision|(?:skin\s+)?prick\s+test(?:s|ing)?)\b/gi;

const RE: [Family, RegExp][] = [
  [
    'mohs',
    /\b(?:moh'?s|micrographic|mms|stage\s+(?:i|1|one)\b[\s:\-–(]*\d{1,2}\s+(?:tissue\s+)?(?:blocks?|sections?|pieces?)|(?<![\w.])i\s*[:)]\s*\d{1,2}\s+(?:tissue\s+)?(?:blocks?|sections?)|(?:(?:first|1st)\s+stage|stage\s+(?:i|1|one))\b[^.;\n]{0,60}?\b(?:\d{1,2}|two|three|four|five|six)\s+(?:tissue\s+)?blocks?|stages?(?:\s*\|\s*|(?=\s*(?:\t| {2}))\s+)(?:#\s*(?:of\s+)?|no\.?\s+(?:of\s+)?)?(?:tissue\s+)?blocks?)\b(?!\s+(?:surgeon|college|fellow\w*|trained|unit|clinic|candidate|criteria|auc|appropriate\w*|consult\w*|referral|evaluation))/gi,
  ],
  [
    'division',
    /\b(?:division\s+and\s+inset(?:ting)?|divided\s+and\s+inset|(?:pedicle|flap)\s+(?:was\s+)?divided(?:\s+and\s+(?:the\s+)?(?:flap\s+)?inset)?|pedicle\s+division|flap\s+division|(?:flap|pedicle)\s+take-?down|division\s+of\s+(?:the\s+)?(?:pedicle|flap)|second[- ]stage\s+(?:of\s+)?(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}?(?:interpolation|interpolated|forehead|pedicle|melolabial|nasolabial)\s+flap)\b/gi,
  ],
  [
    'flap',
    /\b(?:(?:paramedian\s+)?forehead\s+(?:interpolation\s+)?flap|interpolat(?:ed|ion)(?:\s+\w+){0,2}\s+flap|melolabial\s+interpolation|cheek[- ]to[- ]nose\s+(?:interpolation\s+)?flap|abbe(?:[- ]estlander)?\s+flap|estlander\s+flap|tubed\s+pedicle|axial\s+(?:pattern\s+)?flap)\b/gi,
  ],
  [
    'graft',
    /\b(?:ftsg|stsg|full[- ]thickness\s+(?:skin\s+)?graft|split[- ]thickness\s+(?:skin\s+)?graft|skin\s+graft(?:ing)?|(?:burow'?s\s+)?graft(?:ed)?|skin\s+substitute|integra|apligraf|dermagraft|epifix|grafix|composite\s+graft|xenograft|allograft)\b/gi,
  ],
  [
    'att',
    /\b(?:(?:advancement|rotation|transposition|bilobed?|rhomb(?:ic|oid)|limberg|dufourmentel|crescentic|banner|note|island\s+pedicle|burow'?s?(?:\s+advancement)?|keystone|hatchet|spiral|dorsal\s+nasal|rieger|mustarde|a-?t|o-?t|o-?z|o-?l|v-?y|y-?v|h|t|u|double\s+advancement|unilateral\s+advancement|bilateral\s+advancement|random\s+pattern|local)\s+flaps?|flap\s+(?:repair|closure|reconstruction)\b|z-?plasty|w-?plasty|m-?plasty|v-?y\s+(?:advancement|plasty)|adjacent\s+tissue\s+(?:transfer|rearrangement)|tissue\s+rearrangement|a-?to-?t|o-?to-?z)\b/gi,
  ],
  [
    'repair',
    /\b(?:(?:simple|intermediate|complex|layered|linear|primary\s+layered)(?:\s*\([^)]{0,20}\))?\s+(?:repairs?|closures?|linear\s+closures?)|(?:repair|closure)\s*[-–—]\s*(?:simple|intermediate|complex|layered)|(?:repair|closure)(?:\s+length)?[\s\d.:=]*(?:cm)?\s*\(\s*(?:simple|intermediate|complex|layered)|deep\s+closure|\d-0\s+(?:monocryl|vicryl|pds|polyglactin|poliglecaprone|polydioxanone|biosyn|caprosyn)\s+(?:deep(?:\s+dermal)?|dermal|subdermal|subcutaneous|galeal|buried)\b[^.\n]{0,60}?(?:\d-0\s+[\w-]+(?:\s+[\w-]+)?\s+(?:running|interrupted|simple|subcuticular)|staples)|(?:deep(?:\s+dermal)?|subdermal|subcutaneous|galeal|buried)\s+\d-0\s+(?:monocryl|vicryl|pds|polyglactin|poliglecaprone|polydioxanone|biosyn|caprosyn)\b[^.\n]{0,60}?(?:\d-0\s+[\w-]+(?:\s+[\w-]+)?\s+(?:running|interrupted|simple|subcuticular)|staples)|closed\s+(?:primarily\s+)?with\s+(?:[\w-]+\s+){0,2}?(?:tissue\s+adhesive|skin\s+adhesive|dermabond|skin\s+glue|(?:2-)?octyl\s*cyanoacrylate|simple\s+interrupted|simple\s+running)|single[- ]layer\s+closure|laceration\s+repair|(?:dehiscence\s+)?re-?approximated|resutured|repair\s+of\s+(?:the\s+)?dehiscence|dehiscence\s+repair|repair\s+of\s+(?:the\s+)?lacerations?|lacerations?\s+(?:was\s+|were\s+)?(?:repaired|closed|sutured)|repaired\s*\(\s*(?:simple|intermediate|complex)\s*\)|sutured\s+(?:the\s+)?laceration|repair(?:ed)?\s+(?:was\s+)?(?:in\s+)?(?:layers|a\s+layered)|closed\s+in\s+(?:two\s+|2\s+|multiple\s+)?layers|closed\s+(?:primarily\s+)?(?:with|using)\s+(?:[\w-]+\s+){0,2}?(?:buried|deep\s+dermal|subdermal|subcutaneous)\s+(?:[\w-]+\s+){0,4}?(?:and|then|followed\s+by|plus)\s+(?:a\s+)?(?:[\w-]+\s+){0,2}?(?:running|interrupted|subcuticular|epidermal|cutaneous|superficial|skin)\b|(?:two|2|multi)[- ]layer(?:ed)?\s+closure|layered\s+fashion|bilayer(?:ed)?\s+closure|repair\s+(?:type|level|length)|closure\s+(?:type|level)|deep\s+(?:dermal\s+)?layers?\s+(?:was\s+|were\s+)?(?:closed|approximated|re-?approximated))\b/gi,
  ],
  ['excimer', /\b(?:excimer|xtrac|308[- ]?nm|pharos)\b/gi],
  [
    'pdt',
    /\b(?:pdt|photodynamic|levulan|ameluz|kerastick|aminolevulinic|5-ala|ala[- ]pdt|blu-?u|blue[- ]light\s+(?:therapy|illumination|treatment|was|for)|red[- ]light\s+(?:therapy|illumination|treatment)|bf-?rhodoled|daylight\s+pdt|photosensiti[sz]er\s+(?:was\s+)?applied)\b/gi,
  ],
  [
    'chemoden',
    /\b(?:botox|botulinum(?:\s+toxin)?|onabotulinum\w*|abobotulinum\w*|incobotulinum\w*|rimabotulinum\w*|prabotulinum\w*|dysport|xeomin|myobloc|jeuveau|daxxify|chemodenervation)\b/gi,
  ],
  [
    'photo',
    /\b(?:nb-?uvb|nbuvb|narrow[- ]?band(?:\s+uv-?b)?|bb-?uvb|broad[- ]?band\s+uv-?b|uv-?b(?:\s+(?:phototherapy|therapy|treatment|session))?|puva|goeckerman|phototherapy|photochemotherapy|actinotherapy|uva1?\s+(?:phototherapy|therapy|treatment))\b/gi,
  ],
  ['vascular', /\b(?:pdl|pulsed[- ]dye(?:\s+laser)?|v-?beam|kta\s+laser|nd:?\s?yag|ipl\s+(?:to|for)\s+(?:telangiectas|vascular))\b/gi],
  // Services done only for appearance (§12.3: laser resurfacing; fillers, IPL and the like have no code in the reference):
  // read so the claim says they are the patient's to pay, never dropped without a word.
  [
    'cosmetic',
    /\b(?:ipl|intense\s+pulsed\s+light|photofacials?|bbl\s+(?:photofacial|treatment|laser)|broadband\s+light|(?:laser\s+)?resurfacing|fraxel|clear\s*(?:\+|and)\s*brilliant|(?:dermal\s+)?fillers?|juv[eé]derm|restylane|radiesse|sculptra|belotero|microneedling|micro-needling|laser\s+hair\s+removal|tattoo\s+removal|kybella|deoxycholic\s+acid|coolsculpting|cryolipolysis|thread\s+lift|hydrafacial|dermaplaning)\b/gi,
  ],
  [
    'ilk',
    /\b(?:ilk|ilks|ilts|intralesional(?:ly)?|inject(?:ed|ion\s+of)\s+(?:with\s+)?(?:\d+(?:\.\d+)?\s*(?:ml|cc|mg)\s+(?:of\s+)?)?(?:kenalog|triamcinolone|tac)\b(?![^.;\n]{0,40}\b(?:im|intramuscular(?:ly)?|gluteal?|gluteus|deltoid|buttock|hip)\b)|(?:keloid|scar|cyst)s?\s+injections?\b|(?:lesions?|keloids?|scars?|cysts?|plaques?|patches)\s+injected\s*[:=#]|il\s+(?:kenalog|triamcinolone|tac|steroids?|k)|(?:kenalog|triamcinolone|tac)[^.;\n]{0,40}?injected\s+into\s+(?:the\s+)?(?:keloid|lesion|scar|cyst|plaque|papule|nodule|alopecia|patch)|(?:kenalog|triamcinolone|tac)\b(?:[^.;\n]|\.(?=\d)){0,40}?\binto\s+(?:each\s+(?:of\s+)?)?(?:the\s+)?(?:\d{1,2}\s+|both\s+|all\s+)?(?:\w+\s+)?(?:keloid|lesion|scar|cyst|plaque|papule|nodule|patche|patch)s?\b|injected\s+into\s+(?:\w+\s+){0,4}(?:keloid|lesion|scar|cyst|plaque|papule|nodule|patche|base)s?|(?:keloid|scar|cyst|plaque|nodule)s?\b[^.;\n]{0,50}?\b(?:was|were)\s+injected\s+with|(?:keloid|scar|cyst|plaque|nodule|papule|lesion|patche)s?\b[^.;\n]{0,40}?\binjected\s+(?:today\s+)?(?:with|w\/|using)\s*(?:\d+(?:\.\d+)?\s*(?:ml|cc|mg)\s+(?:of\s+)?)?(?:kenalog|triamcinolone|tac\b|steroid)|inject(?:ed|ion\s+of)\s+(?:\w+\s+){0,3}?(?:keloid|scar|cyst|plaque|nodule|papule|lesion|patche)s?\b[^.;\n]{0,40}?\b(?:with|w\/|using)\s*(?:\d+(?:\.\d+)?\s*(?:ml|cc|mg)\s+(?:of\s+)?)?(?:kenalog|triamcinolone|tac\b|steroid))/gi,
  ],
  [
    'infusion',
    /\b(?:infus(?:ion|ed)(?!\s+(?:suite|center|centre|room|clinic|chair|area|nurse|bay|unit|pump))|iv\s+(?:infliximab|remicade|spesolimab|spevigo))\b/gi,
  ],
  [
    'injection',
    /\b(?:(?:im|intramuscular(?:ly)?|subcutaneous(?:ly)?|subq|sub-?q|sq)\s+(?:injection|inj|shot|dose)|inject(?:ion|ed)\s+(?:\w+\s+){0,6}(?:im|intramuscular(?:ly)?|subcutaneous(?:ly)?|subq|sq|in(?:to)?\s+(?:the\s+)?(?:\w+\s+)?(?:deltoid|gluteal?|buttock|ventrogluteal|thigh|abdomen|arm))|(?:given|administered)\s+(?:\w+\s+){0,6}(?:im|intramuscular(?:ly)?|subcutaneous(?:ly)?|subq|sq)\b|(?:kenalog|triamcinolone|depo-?medrol|methylprednisolone|dexamethasone|celestone|ceftriaxone|rocephin|b12)(?:[- ]?\d+)?\s+(?:\d+(?:\.\d+)?\s*mg\s+)?(?:im|intramuscular)|(?:ilumya|tildrakizumab|xolair|omalizumab|dupixent|dupilumab|cosentyx|secukinumab|taltz|ixekizumab|tremfya|guselkumab|skyrizi|risankizumab|stelara|ustekinumab|humira|adalimumab|enbrel|etanercept|adbry|tralokinumab|ebglyss|lebrikizumab|nemluvio|nemolizumab|bimzelx|bimekizumab|siliq|brodalumab)\b[^.;\n]{0,60}?\b(?:(?<!\b(?:teaching|training|education|instructions?|technique|class|handout|information|info|samples?|rx|prescription)\s+|\bself-)(?:given|administered)|(?<!\bself-)injected|(?<!\bself-)injection(?!\s+(?:teaching|training|education|instructions?|technique|class))|(?<!\b(?:next|last|missed|previous|prior|upcoming)\s+)dose(?!\s+(?:is\s+)?due)|loading))\b/gi,
  ],
  ['id', /\b(?:i\s*&\s*d|i\s*\+\s*d|i\s+and\s+d|i\/d|incision\s+(?:and|&)\s+drainage|incised\s+and\s+drained|incision\s*\/\s*drainage)\b/gi],
  [
    'acne',
    /\b(?:acne\s+surgery|comedone?\s+extractions?|comedonal\s+extractions?|extraction\s+of\s+(?:\w+\s+){0,2}(?:comedones|milia|whiteheads|blackheads)|(?:comedones|milia|whiteheads|blackheads)\s+(?:were\s+)?extracted|extracted\s+(?:\w+\s+){0,2}(?:comedones|milia)|milia\s+extraction)\b/gi,
  ],
  // "Pinpoint black dots on paring", "thrombosed capillaries after paring": a sign seen in the exam, not a paring
  // performed (a paring told as a step before a destruction is part of it anyway, §2.2).
  ['paring', /\b(?:(?<!\b(?:on|upon|after)\s+)paring|pared|pare\s+down|debulked\s+(?:the\s+)?(?:callus|calluses|corns?|clavus))\b/gi],
  [
    'nail',
    // The prefix word carries its own spaces, so every match starts at a word and the unit index can skip the list.
    /\b(?:(?:(?:partial|total|complete)\s*)?(?:toe|finger)?nail\s+avulsions?|avulsion\s+of\s+(?:the\s+)?(?:\w+\s+){0,4}(?:toe|finger)?nail(?:\s+plate)?|(?:toe|finger)?nail\s+(?:(?:plate|border|edge|spicule)\s+)?(?:was\s+)?(?:(?:elevated|freed|loosened|lifted|separated)\s+(?:and\s+)?)?avulsed|nail\s+debridement|debridement\s+of\s+(?:\w+\s+){0,3}nails?|nails?\s+(?:were\s+|was\s+)?debrided|debrided\s+(?:\w+\s+){0,2}nails?|nail\s+trimming|trimm(?:ed|ing)\s+(?:of\s+)?(?:\w+\s+){0,2}(?:toe|finger)?nails?|matri[xc]ectomy|matri(?:x|ces)\s+(?:was\s+|were\s+)?(?:ablated|destroyed|cauterized|phenolized)|nail\s+excision|excision\s+of\s+(?:the\s+)?nail)\b/gi,
  ],
  [
    'peel',
    /\b(?:chemical\s+peel|tca(?:\s+\d{1,2}\s*%)?\s+peel|glycolic(?:\s+acid)?(?:\s+\d{1,2}\s*%)?(?:\s+(?:superficial|medium|deep|light))?(?:\s+\((?:epidermal|dermal|superficial|medium(?:[- ]depth)?|deep)\))?\s+peel|jessner'?s?(?:\s+(?:peel|solution))?|salicylic\s+(?:acid\s+)?(?:\d{1,2}\s*%\s+)?peel|(?:superficial|medium|deep)\s+(?:depth\s+)?(?:\((?:epidermal|dermal)\)\s+)?peel|peel\s+(?:was\s+)?(?:applied|performed))\b/gi,
  ],
  // Patch testing (allergens applied or read): the coding reference gives it no code, so it is only reported (§16).
  ['patch', /\b(?:patch\s+test(?:s|ing)?|patch\s+test\s+(?:application|placement|reading|read)|finn\s+chambers?|t\.r\.u\.e\.?\s+test)\b/gi],
  // Services a dermatology note may tell that the coding reference gives no code for: reported for coding by hand.
  ['uncoded', UNCODED_SERVICE],
  ['debridement', /\b(?:debridement|debrided|sharp\s+debridement|excisional\s+debridement)\b/gi],
  [
    'tag',
    // "all thirty-one tags were removed": a bare "tags" counts only after a count or a determiner.
    /\b(?:skin\s*tags?|acrochordons?|acrochorda|fibroepithelial\s+polyps?|(?:\d{1,3}|all|both|these|those|several|multiple|(?:twenty|thirty|forty|fifty)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\s+tags?)\b[^.;\n]{0,60}?\b(?:snip(?:ped)?|scissors?|removed|removal|excised|clipped|cryo\w*|ln2|liquid\s+nitrogen|destroyed|hyfrecat\w*|cauterized|treated)\b|\b(?:snip(?:ped)?|scissor|removal\s+of|removed|cryo\w*|ln2|liquid\s+nitrogen|destruction\s+of|hyfrecation\s+of)\b[^.;\n]{0,40}?\b(?:skin\s*tags?|acrochordons?|fibroepithelial\s+polyps?)\b/gi,
  ],
  [
    'destruction',
    /\b(?:ed\s*&\s*c|ed\s+and\s+c|edc|c\s*&\s*d|c\s+and\s+d|c\s*&\s*e|curr?ett?age\s+(?:and|&|with|followed\s+by)\s+(?:electro)?(?:desiccation|dessication|dessiccation|cautery|cauterization|fulguration)|electrodes+ication\s+and\s+curr?ett?age|(?:electro)?desiccat(?:ion|ed)|electrodes+ication|electrocautery|electrofulguration|fulgurat(?:ion|ed)|hyfrecat(?:ion|ed|or)|cryo(?:therapy|surgery|destruction|ablation|spray)?|crioterapia|nitr[oó]geno\s+l[ií]quido|ln2|l\.n\.2|l\.n(?=\.\s*(?:x\s*\d|×\s*\d|to\b|\d|applied|spray))|liquid\s+nitrogen|lq\s*n2|destr(?:uction|oyed|oy)|cantharidin|cantharone|canthacur|ycanth|laser\s+(?:ablation|destruction)|curr?ett?(?:age|ed)(?!\s+(?:biops|bx\b))|chemical\s+cautery|chemocautery|trichloroacetic\s+acid\s+(?:was\s+)?applied|podophyll\w*|squaric\s+acid|candida\s+antigen\s+inject\w*|freeze[- ]thaw|frozen)\b/gi,
  ],
  [
    'excision',
    /\b(?:excis(?:ion|ions|ed|e)|exicision|excison|exision|excsion|re-?excision|re-?excised|ellips(?:e|es)|elliptical(?:ly)?(?:\s+excision)?|fusiform(?:\s+excision)?|wide\s+local\s+excision|wle|excisional(?!\s+debridement))\b/gi,
  ],
  // CPT 11102: a tangential biopsy may be taken by shave, scoop, saucerization or curette.
  ['shave', /\b(?:shave(?:d)?|tangential|sauceri[sz]ation|scoop|curr?ett?(?:age|e)\s+(?=biops|bx\b))\b/gi],
  ['punch', /\b(?:punch(?:ed)?)\b/gi],
  ['biopsy', /\b(?:biops(?:y|ies|ied)|bx|bxs|bx'd|bioposy|biospy|bipsy|biopsey|biopy|biposy|bopsy)\b/gi],
];

const FAMILY_GATES: Gate[] = RE.map(([, re]) => gated(re).gate);

const PRIOR_BIOPSY_AFTER =
  /^[\s-]*(?:proven|proved|confirmed|showed|shows|show|revealed|result|results|report|reports|pathology|path\b|dx|diagnosis|positive|demonstrated|site\b(?!\s*:)|scar\b|sites\b(?!\s*:)|(?:and|&|\/)\s*\w+\s+sites?\b(?!\s*:))/i;
const PRIOR_BIOPSY_BEFORE =
  /\b(?:prior|previous|previously|recent|outside|old|from\s+(?:the\s+)?(?:prior|previous|last)|on\s+prior|per|s\/p|status\s+post|h\/o|hx\s+of|history\s+of|at\s+(?:the\s+)?(?:site\s+of|prior)|(?:site|scar)\s+of\s+(?:the\s+)?(?:prior\s+)?)\s*(?:\w+\s+){0,2}$/i;
/** "severe atypia on bx", "BCC seen on the shave biopsy": a finding of an earlier biopsy. */
const RESULT_ON_BIOPSY =
  /\b(?:atypia|dysplasia|carcinoma|bcc|scc|melanoma|in\s+situ|seen|noted|found|shown|proven|confirmed|positive|negative)\s+on\s+(?:the\s+)?(?:(?:prior|previous|recent|initial|shave|punch|tangential)\s+)?$/i;
const HEMOSTASIS = gated(/\b(?:hemostasis|hemostatic|bleeding\s+(?:was\s+)?(?:controlled|stopped)|for\s+bleeding|aluminum\s+chloride|drysol|monsel)\b/i);
const GENERIC_DESTRUCTION = /^(?:(?:electro)?desiccat|electrodes+ication|electrocautery|electrofulgur|fulgurat|hyfrecat|curr?ett?|destr|frozen|freeze)/i;
/** Shape words describe a wedge biopsy or an excision; alone they do not start an excision. */
const GENERIC_EXCISION = /^(?:ellips|elliptical|fusiform)/i;

/** One cheap pass first: most lines (anesthesia, consent, exam) name no procedure at all. Grouped by first letter for speed. */
const GATE = groupedByFirstLetter(
  /moh|micrograph|mms|stage|block|section|divi|flap|interpol|abbe|pedicle|graft|ftsg|stsg|substitut|integra|apligraf|plasty|advancement|rotation|transposition|bilob|rearrang|adjacent|a-?to-?t|o-?to-?z|repair|closure|closed|layer|resutur|approximat|excimer|xtrac|308|pharos|pdt|photodyn|levulan|ameluz|kerastick|aminolev|ala|blu|light|rhodoled|sensiti|botox|botul|dysport|xeomin|myobloc|jeuveau|daxxify|chemoden|uv|puva|goeckerman|photother|photochem|actinother|pdl|pulsed|beam|kta|yag|ipl|intense|photofacial|bbl|broadband|resurfac|fraxel|brilliant|filler|juv|restylane|radiesse|sculptra|belotero|microneedl|micro-needl|tattoo|kybella|deoxychol|coolsculpt|cryolipol|thread|hydrafacial|dermaplan|ilk|ilts|intralesion|kenalog|triamcin|tac|inject|infus|iv |im\b|sq\b|subq|subcut|intramusc|given|administ|i\s*&\s*d|i\s*\+\s*d|i and d|i\/d|incision|drain|acne|comedo|extract|par(?:e|ed|ing)\b|callus|avuls|nail|trim|matri[xc]ect|peel|jessner|patch|finn|scleroth|total|mole|unna|electrol|foreign|aspirat|dermabras|subcis|prick|t\.r\.u\.e|debrid|tag|acrochord|polyp|ed\s*&|ed and|edc|c\s*&|c and|desicc|dessic|cautery|fulgur|hyfrec|cryo|crio|ln2|l\.n|nitrogen|nitr[oó]g|destr|canthar|ycanth|laser|curet|podoph|squaric|candida|freeze|frozen|excis|exicis|exis|excs|ellips|fusiform|wle|shave|tangential|sauceri|scoop|punch|biop|bx|bipsy|biosp|bopsy|biopy|biposy|ilumya|tildrak|xolair|omaliz|dupix|dupil|cosentyx|secukin|taltz|ixekiz|tremfya|gusel|skyrizi|risank|stelara|ustek|humira|adalim|enbrel|etaner|adbry|tralok|ebglyss|lebrik|nemluvio|nemoliz|bimzelx|bimek|siliq|brodal|depo|medrol|dexameth|celestone|ceftriax|rocephin|b-?12|cyanocob/i,
);

// A drug with an IM/SC route, given: an injection even without the word (see findTriggers).
const DRUG_NAME = gated(
  /\b(?:kenalog|triamcinolone|depo-?medrol|methylprednisolone|dexamethasone|celestone|betamethasone|ceftriaxone|rocephin|b-?12|cyanocobalamin|ilumya|tildrakizumab|xolair|omalizumab|dupixent|dupilumab|cosentyx|secukinumab|taltz|ixekizumab|tremfya|guselkumab|skyrizi|risankizumab|stelara|ustekinumab|humira|adalimumab|enbrel|etanercept|adbry|tralokinumab|ebglyss|lebrikizumab|nemluvio|nemolizumab|bimzelx|bimekizumab|siliq|brodalumab)\b/i,
);
const DRUG_ROUTE = gated(/\b(?:im|intramuscular(?:ly)?|subcutaneous(?:ly)?|subq|sub-?q|sq|sc|glute(?:us|al)|deltoid|ventrogluteal)\b/i);
const DRUG_GIVEN = gated(/\b(?:given|administered|injected|injection|inj|shot)\b/i);
const DOSE_THEN_ROUTE = gated(/\b\d+(?:\.\d+)?\s*(?:cc|ml|mg)\s+(?:im|intramuscular(?:ly)?|sq|sc|subq|sub-?q|subcutaneous(?:ly)?)\b/i);
const INTO_LESION = gated(/\b(?:intralesional|ilk|into\s+(?:the\s+)?(?:keloid|lesion|scar|cyst|plaque)s?)\b/i);

/**
 * A unit none of whose words can start a family's word or a drug name, and with no "l.n", names no procedure:
 * every trigger below comes from a family regex, the "→ L.N." pattern or a drug name. Cheaper than GATE, so it is
 * asked first (GATE still decides for the units it lets through).
 */
const ANY_TRIGGER_GATE = unionGate([...FAMILY_GATES, DRUG_NAME.gate]);
const LN_ABBREVIATION = /l\.n/i;

const PDT_WORDS = /\b(?:pdt|photodynamic|levulan|ameluz|kerastick|aminolevulinic|ala[- ]pdt|bf-?rhodoled)\b/i;

/**
 * Every procedure trigger in one unit, earliest first (overlaps resolved in family order). A fresh array each call
 * (callers add to it and sort it); the triggers in it are shared and never changed.
 */
export function findTriggers(text: string): Trigger[] {
  // The same unit or clause is asked about by the block reader, the list reader and the status checks.
  return triggerMemo(text, () => triggersIn(text)).slice();
}

const triggerMemo = parseSharedMemo<readonly Trigger[]>();

function triggersIn(text: string): Trigger[] {
  // Some thirty family word lists per unit: the unit's index skips the families it cannot name.
  const index = indexText(text);
  if (!mayMatch(ANY_TRIGGER_GATE, index) && !LN_ABBREVIATION.test(text)) return [];
  if (!GATE.test(text)) return [];
  const out: Trigger[] = [];
  const lower = text;
  let hemostasis: boolean | undefined;
  for (let k = 0; k < RE.length; k++) {
    const [family, re] = RE[k] as [Family, RegExp];
    if (!mayMatch(FAMILY_GATES[k] as Gate, index)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(lower); m; m = re.exec(lower)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const start = m.index + (m[0].length - m[0].trimStart().length);
      const end = m.index + m[0].length;
      if (out.some((t) => t.start < end && start < t.end)) continue;
      if (family === 'biopsy' || family === 'excision') {
        const after = lower.slice(end, end + 24);
        const before = lower.slice(Math.max(0, start - 40), start);
        if (PRIOR_BIOPSY_AFTER.test(after) || PRIOR_BIOPSY_BEFORE.test(before) || RESULT_ON_BIOPSY.test(before)) continue;
        // "Shave removals (not biopsies)": named to say what was not done.
        if (/\bnot\s+(?:an?\s+)?$/i.test(before)) continue;
        if (family === 'biopsy' && /^ed\b/i.test(after) && /\b(?:previously|recently)\s*$/i.test(before)) continue;
      }
      if (family === 'excision' && /shave\s*$/i.test(lower.slice(Math.max(0, start - 8), start))) continue;
      // "Skin tags x3: snip excision", "18 skin tags removed with scissors (snip excision)": the snip is the
      // tags' removal (CPT §2.2: tags by any method), named once.
      if (
        family === 'excision' &&
        /\b(?:snip|scissors?)\s*$/i.test(lower.slice(Math.max(0, start - 10), start)) &&
        (out.some((t) => t.end <= start && (start - t.end < 3 || (t.family === 'tag' && !/[.;\n]/.test(lower.slice(t.end, start))))) ||
          // "Method: snip excision with curved iris scissors" on a tag template's own line: the method, not an excision.
          /^\s*(?:method|technique)\s*:\s*(?:snip|scissors?)\s*$/i.test(lower.slice(Math.max(0, lower.lastIndexOf('\n', start - 1) + 1), start)))
      )
        continue;
      if (family === 'excision' && /^\s+(?:of\s+(?:the\s+)?)?(?:dog[- ]?ears?|burow'?s?|standing\s+cones?|redundant)/i.test(lower.slice(end, end + 30)))
        continue;
      // "A 4.5 x 2.0 cm ellipse of skin was harvested from the L inguinal crease": the graft's donor skin, no lesion excised.
      if (
        family === 'excision' &&
        (/^[^.;\n]{0,40}?\bharvest(?:ed|ing)?\b/i.test(lower.slice(end, end + 60)) ||
          /\b(?:harvest\w*|donor)\b[^.;\n]{0,30}$/i.test(lower.slice(Math.max(0, start - 40), start)))
      )
        continue;
      let generic = false;
      if (family === 'excision' && GENERIC_EXCISION.test(m[0].trim())) generic = true;
      if (family === 'destruction') {
        // "curettage and electrodesiccation" in full names an ED&C, not a step of another procedure.
        generic = GENERIC_DESTRUCTION.test(m[0].trim()) && !/\s(?:and|&|with|followed\s+by)\s/i.test(m[0]);
        // Hemostasis words are looked for only once a generic destruction word needs them (most units have none).
        if (generic) {
          if (/^curr?ett?/i.test(m[0].trim())) {
            // "curettage, 9 lesions, AlCl for hemostasis": curettage is no hemostasis method, so only a hemostasis word
            // in its own comma part makes it part of another procedure ("base curetted for hemostasis").
            const from = Math.max(lower.lastIndexOf(',', start), lower.lastIndexOf(';', start), lower.lastIndexOf('.', start)) + 1;
            const next = lower.slice(end).search(/[,;.]/);
            if (HEMOSTASIS.re.test(lower.slice(from, next < 0 ? lower.length : end + next))) continue;
          } else {
            hemostasis ??= gatedTest(HEMOSTASIS, lower, index);
            if (hemostasis) continue;
          }
        }
        // CPT 96574: curettage of hyperkeratotic AKs before PDT in the same sentence is the PDT's debridement, not a destruction.
        if (generic && /^curr?ett?/i.test(m[0].trim()) && PDT_WORDS.test(lower)) continue;
        if (/^frozen/i.test(m[0].trim()) && !/\b(?:lesions?|aks?|warts?|sks?)\b/i.test(lower)) continue;
        if (/^frozen/i.test(m[0].trim()) && /frozen\s+section/i.test(lower.slice(start, start + 20))) continue;
      }
      if (family === 'debridement' && /\b(?:edges?|wound\s+edges?|margins?)\b/i.test(lower.slice(Math.max(0, start - 20), end + 25))) continue;
      if (family === 'shave' && /^shave(?:d)?\s+(?:biopsy|bx)/i.test(lower.slice(start, start + 16))) continue;
      if (family === 'punch' && /^punch(?:ed)?\s+(?:biopsy|bx)/i.test(lower.slice(start, start + 16))) continue;
      if (family === 'punch' && /\bpunch\s+(?:tool|instrument)\b/i.test(lower.slice(start, start + 20))) continue;
      out.push(generic ? { family, start, end, generic } : { family, start, end });
    }
  }
  // "ISKs irritated x2, bleeding -> L.N.": "L.N." closing a line after an arrow or "with" is liquid nitrogen.
  if (!out.some((t) => t.family === 'destruction')) {
    const ln = /(?:->|→|=>|\bw\/|\bwith)\s*(l\.n\.?)(?=\s*(?:$|[,;]))/i.exec(lower);
    if (ln?.[1]) {
      const start = ln.index + ln[0].length - ln[1].length;
      out.push({ family: 'destruction', start, end: start + ln[1].length });
    }
  }
  // "Kenalog-40, 40 mg IM to the R gluteus": a drug with an IM/SC route is an injection even without the word.
  if (!out.some((t) => t.family === 'injection' || t.family === 'ilk' || t.family === 'chemoden' || t.family === 'infusion')) {
    const drug = mayMatch(DRUG_NAME.gate, index) ? DRUG_NAME.re.exec(lower) : null;
    // Route, then "given", then "into the lesion" are only asked of a unit that names a drug (most name none).
    // "1 cc IM R ventrogluteal": a dose written straight before its route is an order carried out.
    // "IM Kenalog 40 mg R deltoid": the route written before the drug and its dose is an order carried out too.
    if (
      drug &&
      gatedTest(DRUG_ROUTE, lower, index) &&
      (gatedTest(DRUG_GIVEN, lower, index) ||
        gatedTest(DOSE_THEN_ROUTE, lower, index) ||
        /\b(?:im|intramuscular(?:ly)?|sq|subq|sub-?q)\s+[a-z]+(?:[- ]?\d+)?\s+\d+(?:\.\d+)?\s*mg\b/i.test(lower)) &&
      !gatedTest(INTO_LESION, lower, index)
    )
      out.push({ family: 'injection', start: drug.index, end: drug.index + drug[0].length });
  }
  // Technique words next to "biopsy" belong to the biopsy; "shave excision" to the shave.
  const filtered = out.filter((t) => {
    if (t.family === 'shave' || t.family === 'punch') {
      return !out.some((o) => (o.family === 'biopsy' || o.family === 'excision') && Math.abs(o.start - t.end) < 25 && o.start > t.start - 30);
    }
    if (
      t.family === 'biopsy' &&
      out.some((o) => o.family === 'excision' && o.end <= t.start && t.start - o.end < 4 && /^excisional/i.test(lower.slice(o.start, o.end)))
    ) {
      return false;
    }
    if (t.family === 'destruction' && out.some((o) => o.family === 'tag' && o.start <= t.start && o.end >= t.end)) return false;
    return true;
  });
  return filtered.sort((a, b) => a.start - b.start);
}

const DATE_SLASH = /\d\/\d/;

const PROOF_AFTER_GATE = /\b(?:confirmed|proven|diagnosed|established|prior|previous|recent)\b/i;
const PROOF_AFTER =
  /(?<!\b(?:r\/o|rule\s+out|suspect(?:ed)?|possible|probable|concern\s+for|ddx|vs\.?|h\/o|hx(?:\s+of)?|history\s+of)\s+(?:\w+\s+)?)\b(?:bcc|scc|sccis|mis|melanoma|carcinoma|(?:basal|squamous)\s+cell(?:\s+carcinoma)?)\b[^.;\n]{0,60}?\b(?:(?:confirmed|proven|diagnosed|established)\s+(?:on|by|via|with|at)\s+(?:(?:a|the|his|her|prior|previous|recent)\s+)*|(?:prior|previous|recent)\s+)(?:(?:shave|punch|incisional|excisional|tangential)\s+)?(?:biopsy|bx)\b(?![^.;\n]{0,40}\b(?:benign|negative|no\s+(?:evidence|malignan\w*)|pending|awaiting)\b)/i;

const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`;
const ON_DATED_BIOPSY = new RegExp(
  String.raw`(?<!\b(?:r\/o|rule\s+out|suspect(?:ed)?|possible|probable|concern\s+for|ddx|vs\.?)\s+(?:\w+\s+)?)\b(?:bcc|scc|sccis|mis|melanoma|carcinoma|(?:basal|squamous)\s+cell(?:\s+carcinoma)?)\b[^.;\n()]{0,60}?\bon\s+(?:a\s+|the\s+)?(?:(?:shave|punch|incisional|tangential)\s+)?(?:biopsy|bx)\s+(?:dated\s+|of\s+)?(?:\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+${MONTH}\s+\d{4}|${MONTH}\s+\d{1,2},?\s+\d{4})`,
  'i',
);

/** A biopsy-proven / previously biopsied malignancy is documented in the text. */
export function priorMalignantBiopsyIn(text: string): boolean {
  // "Diagnosis: SCC (biopsy 09/15/2026)", "BCC, L temple (bx 9/10/26)", "(bx 10/30)": a malignancy dated to an earlier biopsy.
  // (Its lookbehind runs at every position: only a text with a "d/d" date in it can match at all.)
  if (
    (DATE_SLASH.test(text) &&
      /(?<!\b(?:r\/o|rule\s+out|suspect(?:ed)?|possible|probable|concern\s+for|ddx|vs\.?)\s+(?:\w+\s+)?)\b(?:bcc|scc|sccis|mis|melanoma|carcinoma|(?:basal|squamous)\s+cell(?:\s+carcinoma)?)\b[^.;\n()]{0,40}(?:\(|\s[-–—]\s|:)\s*(?:(?:shave|punch|incisional|prior)\s+)?(?:biopsy|bx|biopsied|path)\b[^)\n]{0,20}?(?:\d{1,2}\/\d{1,2}\/\d{2,4}|(?:1[0-2]|0?[1-9])\/(?:[12]\d|3[01]|0?[1-9])(?![\d/]))/i.test(
        text,
      )) ||
    // "MIS (lentigo maligna type) L cheek, biopsy 10/30/2026 (S26-4411)": the dated biopsy after a comma.
    (DATE_SLASH.test(text) &&
      /(?<!\b(?:r\/o|rule\s+out|suspect(?:ed)?|possible|probable|concern\s+for|ddx|vs\.?)\s+(?:\w+\s+)?)\b(?:bcc|scc|sccis|mis|melanoma|carcinoma|(?:basal|squamous)\s+cell(?:\s+carcinoma)?)\b[^.;\n]{0,60}?,\s*(?:(?:shave|punch|incisional|prior)\s+)?(?:biopsy|bx|biopsied)\s+(?:on\s+|dated\s+)?\d{1,2}\/\d{1,2}\/\d{2,4}/i.test(
        text,
      ))
  )
    return true;
  // "SCC of the vertex scalp, confirmed on shave biopsy 10/20/26", "BCC, superficial, R forearm, prior bx.": the
  // malignancy named first, its earlier biopsy after it in the same sentence (not a benign or negative result). A result
  // a plan waits for ("excision only if pathology shows SCC") proves nothing yet.
  if (PROOF_AFTER_GATE.test(text) && PROOF_AFTER.test(text)) return true;
  // "SCC in situ L posterior calf on shave bx 30 Oct 2026", "BCC on punch biopsy 2026-10-30": found on a dated biopsy.
  if (/\bon\s+(?:a\s+|the\s+)?(?:shave|punch|incisional|tangential)?\s*(?:biopsy|bx)/i.test(text) && ON_DATED_BIOPSY.test(text)) return true;
  return /\b(?:biopsy|bx)[- ]?(?:proven|confirmed)|path(?:ology)?\s*:\s*(?:bcc|scc|sccis|mis|melanoma|(?:basal|squamous)\s+cell\s+carcinoma)\b|previously\s+biopsied|prior\s+(?:biopsy|bx)\s+(?:showed|shows|revealed|positive|confirmed)|(?<!\b(?:if|unless|until|when|once|should)\s+(?:the\s+)?)path(?:ology)?\s+(?:from\s+[\w/ ,.-]{1,30}?\s+)?(?:showed|shows|revealed|confirmed|positive\s+for)|recent\s+(?:biopsy|bx)\s+(?:showed|positive)|known\s+(?:bcc|scc|melanoma|basal|squamous)/i.test(
    text,
  );
}

/**
 * A hedged mention and the words it hedges: "r/o BCC", "vs SCC", "possible tinea corporis", "? onychomycosis".
 * The hedged words run to the clause's end or 60 characters and never stop inside a word ("r/o LP vs lichenoid drug
 * eruption vs hypertrophic AK" had left "pertrophic AK": an AK). A suspected condition is not coded as confirmed
 * (outpatient guidelines): the parser's lesion types and the diagnosis rules' note-wide readings both leave it out.
 * "ISK vs wart": a differential hedges both of its terms, the words before "vs" in the clause too.
 */
export const HEDGED_SPANS =
  /(?:\b\w[^,.;:()\n]{0,50}?\s+(?=(?:vs\.?|versus)\s))?\b(?:r\/o|rule\s+out|to\s+rule\s+out|vs\.?|versus|ddx|differential(?:\s+diagnosis)?(?:\s+includes)?|concern(?:ing)?\s+for|suspicious\s+for|suspect(?:ed)?|possible|probable|(?:most\s+)?likely|questionable|cannot\s+exclude)\b[^,.;\n]{0,60}\w*|\?\s*[^,.;\n]{0,30}\w*/gi;

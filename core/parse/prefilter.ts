/**
 * A cheap necessary condition for a regex to match, so the parser's long word-list regexes are only run on
 * text that could match them. Most of them read `\b(?:word|word|…)`: a match starts at a word start with one of
 * a few known letter triples. Those triples are worked out once from each regex's source; a text is indexed
 * once into the triples that start its words; a regex none of whose triples occur cannot match and is skipped.
 * The answer is only ever "maybe" or "no": a "maybe" still runs the regex, so results are exactly those of the
 * regex alone (test/unit/parse/prefilter.test.ts checks every gated regex against the fixture corpus).
 *
 * Characters are folded into 38 classes: a–z (either case), 0–9, "_", and one class for everything else
 * (space, punctuation, any non-ASCII). Case-insensitive JS regexes without the u flag only match an ASCII letter
 * with that same letter in either case, so folding case loses no match.
 */

const OTHER = 37;
const CLASSES = 38;

function classOf(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 65 && code <= 90) return code - 65;
  if (code >= 48 && code <= 57) return code - 48 + 26;
  if (code === 95) return 36;
  return OTHER;
}

const isWordClass = (c: number) => c < OTHER;

/*
 * The bit set of a text: the first class, first pair and (hashed into TRIPLE_BITS bits) first triple of classes
 * of every word. A hash collision can only let a regex run.
 */
const PAIR_SPACE = CLASSES + CLASSES * CLASSES;
const TRIPLE_BITS = 2048;
const TRIPLE_BASE = PAIR_SPACE;
const WORDS = Math.ceil((TRIPLE_BASE + TRIPLE_BITS) / 32);

const pairBit = (a: number, b: number) => CLASSES + a * CLASSES + b;
const tripleBit = (a: number, b: number, c: number) => TRIPLE_BASE + (((a * CLASSES + b) * CLASSES + c) & (TRIPLE_BITS - 1));

/**
 * Which first classes, pairs and triples of classes start the words of a text. Every index is the same scratch
 * buffer (the parser indexes hundreds of short texts per note): it is valid until the next `indexText` call.
 */
export type TextIndex = Uint32Array;

const set = (bits: Uint32Array, k: number) => {
  bits[k >>> 5] = (bits[k >>> 5] as number) | (1 << (k & 31));
};

/** Class of each ASCII code (everything from 128 up is OTHER). */
const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, code) => classOf(code));

const classAt = (text: string, i: number): number => {
  const code = text.charCodeAt(i);
  return code < 128 ? (ASCII_CLASS[code] as number) : OTHER;
};

const scratch = new Uint32Array(WORDS);
/**
 * The words of `scratch` the last `indexText` made non-zero (the rest are zero): a short text sets a few of its hundred
 * words, so clearing it and testing a large gate against it go by these instead of by every word.
 */
const touched = new Int32Array(WORDS);
let touchedCount = 0;

/** Sets bit k of the scratch index, noting its word when it was still zero. */
const mark = (k: number) => {
  const w = k >>> 5;
  const old = scratch[w] as number;
  if (old === 0) touched[touchedCount++] = w;
  scratch[w] = old | (1 << (k & 31));
};

export function indexText(text: string): TextIndex {
  for (let i = 0; i < touchedCount; i++) scratch[touched[i] as number] = 0;
  touchedCount = 0;
  const n = text.length;
  let prevWord = false;
  for (let i = 0; i < n; i++) {
    const a = classAt(text, i);
    const word = a !== OTHER;
    if (word && !prevWord) {
      mark(a);
      if (i + 1 < n) {
        const b = classAt(text, i + 1);
        mark(pairBit(a, b));
        if (i + 2 < n) mark(tripleBit(a, b, classAt(text, i + 2)));
      }
    }
    prevWord = word;
  }
  return scratch;
}

/** The bits a text must share with a regex's gate for the regex to be able to match; `always` when unknown. */
export interface Gate {
  always: boolean;
  /** The non-zero 32-bit words of the gate's bit set: their positions and bits. */
  at: number[];
  mask: number[];
  /** The whole bit set (every word), to test it word by word against the few words a short text sets. */
  dense: Uint32Array;
}

function gateFrom(at: number[], mask: number[]): Gate {
  const dense = new Uint32Array(WORDS);
  for (let i = 0; i < at.length; i++) dense[at[i] as number] = mask[i] as number;
  return { always: false, at, mask, dense };
}

const ALWAYS: Gate = { always: true, at: [], mask: [], dense: new Uint32Array(WORDS) };

export function mayMatch(gate: Gate, index: TextIndex): boolean {
  if (gate.always) return true;
  const { at, mask } = gate;
  // The same intersection test from whichever side has fewer non-zero words.
  if (index === scratch && touchedCount < at.length) {
    const dense = gate.dense;
    for (let i = 0; i < touchedCount; i++) {
      const w = touched[i] as number;
      if (((scratch[w] as number) & (dense[w] as number)) !== 0) return true;
    }
    return false;
  }
  for (let i = 0; i < at.length; i++) if (((index[at[i] as number] as number) & (mask[i] as number)) !== 0) return true;
  return false;
}

/** One gate that passes exactly when at least one of `gates` would: the union of their bit sets. */
export function unionGate(gates: readonly Gate[]): Gate {
  if (gates.some((g) => g.always)) return ALWAYS;
  const words = new Map<number, number>();
  for (const g of gates) {
    for (let i = 0; i < g.at.length; i++) {
      const k = g.at[i] as number;
      words.set(k, (words.get(k) ?? 0) | (g.mask[i] as number));
    }
  }
  const at = [...words.keys()].sort((a, b) => a - b);
  return gateFrom(
    at,
    at.map((k) => words.get(k) as number),
  );
}

// ------------------------------------------------------------------ regex source → possible first characters

/**
 * A prefix is a string of up to PREFIX class codes (as chars, 'A' + class): the first characters of a match.
 * A shorter one means a match can be that short ('' = the empty match); one ending in DONE was cut short to keep
 * the set small and stands for longer matches that start with it.
 */
type Prefixes = Set<string>;
const PREFIX = 3;
const DONE = '~';
const MAX_PREFIXES = 3000;
const complete = (p: string) => p.length >= PREFIX || p.endsWith(DONE);

const ALL: number[] = Array.from({ length: CLASSES }, (_, k) => k);
const WORD_CLASSES = ALL.filter((c) => c !== OTHER);
const DIGITS = ALL.filter((c) => c >= 26 && c <= 35);

const enc = (c: number) => String.fromCharCode(65 + c);

function single(classes: Iterable<number>): Prefixes {
  const out: Prefixes = new Set();
  for (const c of classes) out.add(enc(c));
  return out;
}

function concat(a: Prefixes, b: Prefixes): Prefixes {
  const out: Prefixes = new Set();
  for (const x of a) {
    if (complete(x)) {
      out.add(x);
      continue;
    }
    for (const y of b) {
      const joined = x + y;
      out.add(joined.length > PREFIX ? joined.slice(0, PREFIX) : joined);
    }
  }
  return out.size > MAX_PREFIXES ? shorten(out) : out;
}

/** Cuts every complete prefix to two characters (marked DONE) when a set grows too large. */
function shorten(prefixes: Prefixes): Prefixes {
  const out: Prefixes = new Set();
  for (const p of prefixes) out.add(p.length >= PREFIX ? `${p.slice(0, 2)}${DONE}` : p);
  return out;
}

function union(a: Prefixes, b: Prefixes): Prefixes {
  const out = new Set(a);
  for (const y of b) out.add(y);
  return out;
}

class Unsupported extends Error {}

/** Recursive-descent reader of the regex syntax the parser uses; anything else is Unsupported (→ no gate). */
class Reader {
  pos = 0;
  /** Inside a part whose prefixes are not needed (see sequence). */
  skipping = 0;
  constructor(private readonly src: string) {}

  parse(): { prefixes: Prefixes; wordStart: boolean } {
    // Every top-level branch must open with \b and a word character for matches to start at word starts only.
    let prefixes: Prefixes = new Set();
    let wordStart = true;
    for (;;) {
      const opensWithBoundary = this.src.startsWith('\\b', this.pos);
      const branch = this.sequence();
      prefixes = union(prefixes, branch);
      if (!opensWithBoundary) wordStart = false;
      for (const p of branch) if (p.length === 0 || !isWordClass(p.charCodeAt(0) - 65)) wordStart = false;
      if (this.src[this.pos] !== '|') break;
      this.pos++;
    }
    if (this.pos !== this.src.length) throw new Unsupported(`unexpected ${this.src[this.pos]}`);
    return { prefixes, wordStart };
  }

  private alternation(): Prefixes {
    let out = this.sequence();
    while (this.src[this.pos] === '|') {
      this.pos++;
      out = union(out, this.sequence());
    }
    return out;
  }

  private sequence(): Prefixes {
    let out: Prefixes = new Set(['']);
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') {
      // Once every prefix has its three characters, the rest of the branch is only read, not worked out.
      const needed = this.skipping === 0 && [...out].some((p) => !complete(p));
      if (!needed) this.skipping++;
      const atom = this.quantified(this.atom());
      if (!needed) {
        this.skipping--;
        continue;
      }
      out = concat(out, atom);
    }
    return out;
  }

  private quantified(atom: Prefixes): Prefixes {
    const q = /^(?:\*|\+|\?|\{(\d+)(?:(,)(\d*))?\})\??/.exec(this.src.slice(this.pos));
    if (!q) return atom;
    this.pos += q[0].length;
    if (this.skipping > 0) return atom;
    const kind = q[0][0];
    const min = kind === '+' ? 1 : kind === '{' ? Number(q[1]) : 0;
    const max = kind === '?' ? 1 : kind === '{' ? (q[2] ? (q[3] ? Number(q[3]) : Number.POSITIVE_INFINITY) : Number(q[1])) : Number.POSITIVE_INFINITY;
    let out: Prefixes = new Set(['']);
    for (let k = 0; k < Math.min(min, 2); k++) out = concat(out, atom);
    if (max > min) {
      let optional = union(new Set(['']), atom);
      if (max - min >= 2) optional = union(optional, concat(atom, atom));
      out = concat(out, optional);
    }
    return out;
  }

  private atom(): Prefixes {
    const src = this.src;
    const ch = src[this.pos] as string;
    if (ch === '(') {
      this.pos++;
      const look = /^\?(?:<?[=!])/.exec(src.slice(this.pos));
      if (look) {
        this.pos += look[0].length;
        this.alternation();
        this.expect(')');
        return new Set(['']);
      }
      const named = /^\?<[A-Za-z_]\w*>/.exec(src.slice(this.pos));
      if (named) this.pos += named[0].length;
      else if (src.startsWith('?:', this.pos)) this.pos += 2;
      else if (src[this.pos] === '?') throw new Unsupported('group kind');
      const inner = this.alternation();
      this.expect(')');
      return inner;
    }
    if (ch === '[') return this.charClass();
    if (ch === '^' || ch === '$') {
      this.pos++;
      return new Set(['']);
    }
    if (ch === '.') {
      this.pos++;
      return single(ALL);
    }
    if (ch === '\\') return this.escape(false) ?? new Set(['']);
    if (ch === '*' || ch === '+' || ch === '?') throw new Unsupported('dangling quantifier');
    this.pos++;
    return single([classOf(ch.charCodeAt(0))]);
  }

  /** An escape outside or inside a class; undefined for the zero-width \b and \B. */
  private escape(inClass: boolean): Prefixes | undefined {
    const next = this.src[this.pos + 1];
    if (next === undefined) throw new Unsupported('trailing backslash');
    this.pos += 2;
    switch (next) {
      case 'b':
        if (inClass) return single([OTHER]); // [\b] is a backspace
        return undefined;
      case 'B':
        if (inClass) throw new Unsupported('\\B in class');
        return undefined;
      case 's':
      case 'W':
      case 'n':
      case 'r':
      case 't':
      case 'f':
      case 'v':
        return single([OTHER]);
      case 'S':
      case 'D':
        return single(ALL);
      case 'd':
        return single(DIGITS);
      case 'w':
        return single(WORD_CLASSES);
      case 'u': {
        const hex = /^[0-9a-fA-F]{4}/.exec(this.src.slice(this.pos));
        if (!hex) throw new Unsupported('\\u');
        this.pos += 4;
        return single([classOf(Number.parseInt(hex[0], 16))]);
      }
      case 'x': {
        const hex = /^[0-9a-fA-F]{2}/.exec(this.src.slice(this.pos));
        if (!hex) throw new Unsupported('\\x');
        this.pos += 2;
        return single([classOf(Number.parseInt(hex[0], 16))]);
      }
      default:
        if (/[0-9]/.test(next) || /[a-zA-Z]/.test(next)) throw new Unsupported(`escape \\${next}`);
        return single([classOf(next.charCodeAt(0))]);
    }
  }

  private charClass(): Prefixes {
    this.pos++;
    const negated = this.src[this.pos] === '^';
    if (negated) this.pos++;
    const classes = new Set<number>();
    let first = true;
    while (this.pos < this.src.length && (this.src[this.pos] !== ']' || first)) {
      first = false;
      const lo = this.classMember();
      if (this.src[this.pos] === '-' && this.src[this.pos + 1] !== ']' && this.pos + 1 < this.src.length && typeof lo === 'number') {
        this.pos++;
        const hi = this.classMember();
        if (typeof hi !== 'number') throw new Unsupported('class range');
        if (hi - lo > 400) throw new Unsupported('wide range');
        for (let c = lo; c <= hi; c++) classes.add(classOf(c));
      } else if (typeof lo === 'number') classes.add(classOf(lo));
      else for (const p of lo) classes.add(p.charCodeAt(0) - 65);
    }
    this.expect(']');
    return negated ? single(ALL) : single(classes);
  }

  /** One class member: a code point, or a set of classes for \s, \d, \w… */
  private classMember(): number | Prefixes {
    const ch = this.src[this.pos] as string;
    if (ch !== '\\') {
      this.pos++;
      return ch.charCodeAt(0);
    }
    const next = this.src[this.pos + 1] as string;
    const control: Record<string, number> = { n: 10, t: 9, r: 13 };
    if (next in control) {
      this.pos += 2;
      return control[next] as number;
    }
    // \u2013 and \x41 are code points (a range may start or end with one).
    const hex =
      next === 'u' ? /^\\u([0-9a-fA-F]{4})/.exec(this.src.slice(this.pos)) : next === 'x' ? /^\\x([0-9a-fA-F]{2})/.exec(this.src.slice(this.pos)) : null;
    if (hex?.[1]) {
      this.pos += hex[0].length;
      return Number.parseInt(hex[1], 16);
    }
    if ('sSdDwWfvbux'.includes(next)) return this.escape(true) as Prefixes;
    this.pos += 2;
    return next.charCodeAt(0);
  }

  private expect(ch: string): void {
    if (this.src[this.pos] !== ch) throw new Unsupported(`expected ${ch}`);
    this.pos++;
  }
}

/** Works out the gate of a regex once (at module load). Unsupported syntax gives a gate that always passes. */
export function gateOf(re: RegExp): Gate {
  const always = ALWAYS;
  // Unicode-mode case folding matches non-ASCII letters with ASCII ones ("ſ" with "s"): no gate there.
  if (re.unicode || re.flags.includes('v')) return always;
  let parsed: { prefixes: Prefixes; wordStart: boolean };
  try {
    parsed = new Reader(re.source).parse();
  } catch (error) {
    if (error instanceof Unsupported) return always;
    throw error;
  }
  // Only matches that start at word starts can be checked against the index.
  if (!parsed.wordStart) return always;
  const bits = new Uint32Array(WORDS);
  for (const p of parsed.prefixes) {
    if (p.length === 0) return always;
    const [a, b, c] = [...p].map((ch) => ch.charCodeAt(0) - 65) as [number, number | undefined, number | undefined];
    if (b === undefined) set(bits, a);
    else if (c === undefined || p.endsWith(DONE)) set(bits, pairBit(a, b));
    else set(bits, tripleBit(a, b, c));
  }
  const at: number[] = [];
  const mask: number[] = [];
  bits.forEach((word, k) => {
    if (word === 0) return;
    at.push(k);
    mask.push(word | 0);
  });
  return gateFrom(at, mask);
}

/** A regex with its gate, worked out once at module load. */
export interface GatedRegExp {
  re: RegExp;
  gate: Gate;
}

/** Every gated regex, so a test can check the gates against the corpus. */
export const GATED: RegExp[] = [];

export function gated(re: RegExp): GatedRegExp {
  GATED.push(re);
  return { re, gate: gateOf(re) };
}

/** `re.test(text)` for a non-global regex, skipped when the text's index shows it cannot match (`index` = `indexText(text)`). */
export function gatedTest(g: GatedRegExp, text: string, index: TextIndex): boolean {
  return mayMatch(g.gate, index) && g.re.test(text);
}

// ------------------------------------------------------------------ alternatives grouped by first letter

/** The top-level alternatives of a regex source ("a|b(c|d)|e" → ["a", "b(c|d)", "e"]). */
export function topLevelAlternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let current = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (ch === '\\') {
      current += ch + (source[i + 1] ?? '');
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
    } else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      out.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  out.push(current);
  return out;
}

/**
 * The same regex with its alternatives grouped by their first letter ("moh|mms|flap" → "m(?:oh|ms)|f(?:lap)"):
 * the engine then tries only the few alternatives that can start at each position. It matches the same texts,
 * so it is meant for `test()`; which alternative wins a match may differ.
 */
export function groupedByFirstLetter(re: RegExp): RegExp {
  const groups = new Map<string, string[]>();
  const rest: string[] = [];
  for (const alt of topLevelAlternatives(re.source)) {
    const first = alt[0] ?? '';
    // Only a plain letter or digit that is not quantified can be taken out in front.
    if (/^[a-z0-9]$/i.test(first) && !/^[?*+{]/.test(alt.slice(1))) {
      const key = re.ignoreCase ? first.toLowerCase() : first;
      const list = groups.get(key) ?? [];
      list.push(alt.slice(1));
      groups.set(key, list);
    } else rest.push(alt);
  }
  const source = [...[...groups].map(([first, tails]) => `${first}(?:${tails.join('|')})`), ...rest].join('|');
  return new RegExp(source, re.flags);
}

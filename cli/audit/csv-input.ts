/**
 * The encounter export a coder hands to `dermlens audit`: one row per encounter.
 *
 * Header names (case, spaces, `_`/`-` ignored; the first matching column wins):
 *   encounter_id     encounter id | encounter | visit id | claim id | id
 *   patient_key      patient key | patient id | patient | mrn | account
 *   date_of_service  date of service | dos | service date | visit date | date
 *   provider         provider | rendering provider | physician | doctor | clinician
 *   note             note | note text | notes | documentation | text | visit note
 *   billed_codes     billed codes | billed | codes | cpt | charges | billed cpt
 * Only the note column is required. Quoting follows RFC 4180: fields in double quotes may hold
 * commas, line breaks and doubled quotes (""). A row that cannot be read is reported with its
 * line number and skipped; the rest of the file is still read.
 */

export type CsvColumn = 'encounterId' | 'patientKey' | 'dateOfService' | 'provider' | 'note' | 'billedCodes';

const HEADER_NAMES: Record<CsvColumn, readonly string[]> = {
  encounterId: ['encounterid', 'encounter', 'encounterno', 'encounternumber', 'visitid', 'claimid', 'id'],
  patientKey: ['patientkey', 'patientid', 'patient', 'mrn', 'patientmrn', 'account', 'accountnumber'],
  dateOfService: ['dateofservice', 'dos', 'servicedate', 'visitdate', 'date'],
  provider: ['provider', 'renderingprovider', 'physician', 'doctor', 'clinician', 'providername'],
  note: ['note', 'notetext', 'notes', 'documentation', 'text', 'visitnote', 'clinicalnote', 'progressnote'],
  billedCodes: ['billedcodes', 'billed', 'codes', 'cpt', 'cptcodes', 'charges', 'billedcpt', 'procedurecodes'],
};

export interface CsvRecord {
  /** 1-based line where the record starts. */
  line: number;
  fields: string[];
  /** Set when the record is broken (e.g. a quote never closed). */
  error?: string;
}

/**
 * The field separator of an export, from its header line: a comma (RFC 4180), else a tab or a
 * semicolon when the header holds those and no comma (TSV and European spreadsheet exports).
 */
export function detectDelimiter(text: string): ',' | '\t' | ';' {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/, 1)[0] ?? '';
  const count = (c: string) => header.split(c).length - 1;
  if (count(',') > 0) return ',';
  if (count('\t') > 0) return '\t';
  if (count(';') > 0) return ';';
  return ',';
}

/** RFC 4180 records; CRLF, LF or CR line breaks; a BOM is dropped. */
export function parseCsv(text: string, delimiter: ',' | '\t' | ';' = ','): CsvRecord[] {
  const src = text.replace(/^\uFEFF/, '');
  const out: CsvRecord[] = [];
  let i = 0;
  let line = 1;
  const n = src.length;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let error: string | undefined;
    for (;;) {
      let value = '';
      if (src[i] === '"') {
        i++;
        let closed = false;
        while (i < n) {
          const c = src[i] as string;
          if (c === '"') {
            if (src[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (c === '\n' || (c === '\r' && src[i + 1] !== '\n')) line++;
          value += c;
          i++;
        }
        if (!closed) {
          error = 'a quoted field is never closed (missing ")';
          fields.push(value);
          break;
        }
        // Text after a closing quote is kept, but the field is suspect (RFC 4180: quote must end the field).
        let stray = '';
        while (i < n && src[i] !== delimiter && src[i] !== '\n' && src[i] !== '\r') stray += src[i++];
        if (stray.trim() !== '') error ??= `text after a closing quote: ${JSON.stringify(stray.slice(0, 20))}`;
        value += stray;
      } else {
        while (i < n && src[i] !== delimiter && src[i] !== '\n' && src[i] !== '\r') value += src[i++];
      }
      fields.push(value);
      if (i >= n) break;
      if (src[i] === delimiter) {
        i++;
        continue;
      }
      // End of record.
      if (src[i] === '\r' && src[i + 1] === '\n') i += 2;
      else i++;
      line++;
      break;
    }
    // Blank lines are not records.
    if (!(fields.length === 1 && fields[0] === '' && !error)) out.push({ line: start, fields, ...(error ? { error } : {}) });
  }
  return out;
}

const norm = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

export type ColumnMap = Partial<Record<CsvColumn, number>>;

/** Maps header cells to our columns; throws a one-line reason when no note column is found. */
export function mapHeader(header: readonly string[]): ColumnMap {
  const names = header.map(norm);
  const map: ColumnMap = {};
  for (const [column, accepted] of Object.entries(HEADER_NAMES) as [CsvColumn, readonly string[]][]) {
    // Preference follows the list order: "encounter id" beats a bare "id".
    for (const want of accepted) {
      const at = names.indexOf(want);
      if (at >= 0 && !Object.values(map).includes(at)) {
        map[column] = at;
        break;
      }
    }
  }
  if (map.note === undefined) {
    throw new Error(`no note text column (expected a header such as "note" or "note_text"; found: ${header.map((h) => JSON.stringify(h)).join(', ')})`);
  }
  return map;
}

export interface CsvEncounterRow {
  /** "export.csv:12" — the file and the line the row starts on. */
  location: string;
  line: number;
  encounterId: string;
  /** The raw patient column: hashed by the reader, never written out. */
  patient?: string;
  /** What the patient column holds, from its header (so it links to notes' `MRN:` / `Patient key:` headers). */
  patientKind?: PatientColumnKind;
  dateOfService?: string;
  provider?: string;
  note: string;
  billedCodes?: string;
}

export interface CsvSkip {
  location: string;
  reason: string;
}

/** Reads an export into encounter rows, and the rows it had to skip (with why). */
export function readEncounterCsv(text: string, file: string): { rows: CsvEncounterRow[]; skipped: CsvSkip[] } {
  const records = parseCsv(text, detectDelimiter(text));
  const skipped: CsvSkip[] = [];
  const rows: CsvEncounterRow[] = [];
  const header = records[0];
  if (!header) return { rows, skipped: [{ location: file, reason: 'empty CSV file' }] };
  let map: ColumnMap;
  try {
    if (header.error) throw new Error(`header row: ${header.error}`);
    map = mapHeader(header.fields);
  } catch (error) {
    return { rows, skipped: [{ location: `${file}:${header.line}`, reason: (error as Error).message }] };
  }
  const width = header.fields.length;
  const seenIds = new Map<string, number>();
  for (const record of records.slice(1)) {
    const location = `${file}:${record.line}`;
    if (record.error) {
      skipped.push({ location, reason: record.error });
      continue;
    }
    if (record.fields.length !== width) {
      skipped.push({ location, reason: `${record.fields.length} fields where the header has ${width} (an unquoted comma or a missing field?)` });
      continue;
    }
    const get = (c: CsvColumn) => {
      const at = map[c];
      const v = at === undefined ? undefined : record.fields[at]?.trim();
      return v ? v : undefined;
    };
    const note = map.note === undefined ? undefined : record.fields[map.note];
    if (!note || note.trim() === '') {
      skipped.push({ location, reason: 'empty note text' });
      continue;
    }
    let encounterId = get('encounterId') ?? `row-${record.line}`;
    // Two rows with one id stay two encounters: the second gets its line appended.
    const count = seenIds.get(encounterId) ?? 0;
    seenIds.set(encounterId, count + 1);
    if (count > 0) encounterId = `${encounterId}@${record.line}`;
    const patient = get('patientKey');
    const patientKind = patientKindOf(header.fields[map.patientKey ?? -1] ?? '');
    const dateOfService = get('dateOfService');
    const provider = get('provider');
    const billedCodes = get('billedCodes');
    rows.push({
      location,
      line: record.line,
      encounterId,
      note,
      ...(patient ? { patient, patientKind } : {}),
      ...(dateOfService ? { dateOfService } : {}),
      ...(provider ? { provider } : {}),
      ...(billedCodes ? { billedCodes } : {}),
    });
  }
  return { rows, skipped };
}

export type PatientColumnKind = 'mrn' | 'key' | 'any';

function patientKindOf(header: string): PatientColumnKind {
  const h = norm(header);
  if (['mrn', 'patientmrn', 'patientid', 'account', 'accountnumber'].includes(h)) return 'mrn';
  if (h === 'patientkey') return 'key';
  return 'any';
}

/**
 * The identity string a CSV patient cell stands for, in the form core/parse/identity.ts gives a
 * note header (`mrn:…`, `key:…`, `name:…`), so a row and a note of one patient hash the same.
 */
export function csvIdentity(value: string, kind: PatientColumnKind, normalizeName: (raw: string) => string | undefined): string {
  const v = value.trim();
  if (kind === 'mrn') return `mrn:${v.toUpperCase()}`;
  if (kind === 'key') return `key:${v}`;
  // A bare "patient" column: an id when it looks like one (digits, no spaces), else a name.
  if (/^[A-Z0-9-]{3,}$/i.test(v) && /\d/.test(v)) return `mrn:${v.toUpperCase()}`;
  const name = normalizeName(v);
  return name ? `name:${name}` : `key:${v}`;
}

export interface BilledCode {
  code: string;
  units: number;
  modifiers: string[];
}

// CPT (5 digits), Category II/III (4 digits + F/T), HCPCS Level II (letter + 4 digits).
const CODE = /^(?:\d{5}|\d{4}[FT]|[A-V]\d{4})$/i;

/**
 * Billed codes as coders type them: "11102, 11103-59; 88305 x2", "17003x13", "J3301 (4)",
 * "11104-XS-RT". Returns what it read and the tokens it could not read.
 */
export function parseBilledCodes(text: string): { charges: BilledCode[]; unread: string[] } {
  const charges: BilledCode[] = [];
  const unread: string[] = [];
  for (const raw of text.split(/[,;|\n]+/)) {
    const token = raw.trim();
    if (!token) continue;
    const m = /^([A-Z0-9]{5})((?:\s*[-:]\s*[A-Z0-9]{2})*)\s*(?:(?:[x×*]|units?\s*:?)\s*(\d{1,3})|\((\d{1,3})\))?$/i.exec(token);
    if (!m || !CODE.test(m[1] as string)) {
      unread.push(token);
      continue;
    }
    const units = Number(m[3] ?? m[4] ?? 1);
    if (units < 1) {
      unread.push(token);
      continue;
    }
    const modifiers = (m[2] ?? '')
      .split(/[-:]/)
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean);
    charges.push({ code: (m[1] as string).toUpperCase(), units, modifiers });
  }
  return { charges, unread };
}

/** "03/14/2026", "3/4/26", "2026-03-14" → ISO; undefined when it is not a calendar date. */
export function isoDate(text: string): string | undefined {
  const t = text.trim();
  let y: number;
  let m: number;
  let d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(t);
  if (match) {
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
  } else {
    match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
    if (!match) return undefined;
    m = Number(match[1]);
    d = Number(match[2]);
    y = Number(match[3]);
    if (y < 100) y += 2000;
  }
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const ms = Date.UTC(y, m - 1, d);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === iso ? iso : undefined;
}

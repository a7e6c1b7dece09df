/**
 * Patient identity and date of service from a note header. The identity is only
 * ever used to compute a salted hash; it is never stored or printed.
 */
export interface NoteIdentity {
  patient?: string;
  dateOfService?: string;
}

const IDENTITY =
  /^[ \t]*(?:patient\s*key|patient\s*(?:name)?|pt(?:\s*name)?|mrn|medical record (?:number|no\.?)|acct(?:ount)?\s*(?:#|no\.?)?)\s*[:#]\s*(.+?)\s*$/im;

export function extractIdentity(text: string): NoteIdentity {
  const head = text.slice(0, 4000);
  const m = IDENTITY.exec(head);
  return m?.[1] ? { patient: m[1] } : {};
}

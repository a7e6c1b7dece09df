import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { plainSpaces } from '../core/parse/spaces';

export class InputError extends Error {}

export type InputKind = 'text' | 'html' | 'json';

export interface InputFile {
  path: string;
  kind: InputKind;
  text: string;
  /** How the bytes were decoded, when not plain UTF-8. */
  encoding: 'utf-8' | 'utf-16le' | 'windows-1252';
}

/** Notes over this size are refused: no real visit note comes near it. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

export function kindOf(path: string): InputKind {
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml' || ext === '.mhtml') return 'html';
  if (ext === '.json') return 'json';
  return 'text';
}

/** Reads and decodes one input file; every failure is an InputError with a one-line reason. */
export function readInput(path: string): InputFile {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError(`${path}: is a directory (use dermlens audit for folders)`);
    size = st.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'cannot read file'}`);
  }
  if (size > MAX_INPUT_BYTES)
    throw new InputError(`${path}: file is ${(size / 1048576).toFixed(1)} MB, over the ${MAX_INPUT_BYTES / 1048576} MB limit for one note`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: ${code === 'EACCES' ? 'permission denied' : 'cannot read file'}`);
  }
  const { text, encoding } = decode(bytes, path);
  return { path, kind: kindOf(path), text, encoding };
}

/** Bytes → text; no-break spaces and lone CRs become plain ones (core/parse/spaces.ts), so every reader sees one text. */
export function decode(bytes: Uint8Array, path = 'input'): { text: string; encoding: InputFile['encoding'] } {
  const { text, encoding } = decodeBytes(bytes, path);
  return { text: plainSpaces(text), encoding };
}

function decodeBytes(bytes: Uint8Array, path: string): { text: string; encoding: InputFile['encoding'] } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (looksBinary(bytes)) throw new InputError(`${path}: binary file, not a note (expected .txt, .html or .json text)`);
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: notes exported from Windows EMRs are usually Windows-1252.
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if (b < 7 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return control / n > 0.1;
}

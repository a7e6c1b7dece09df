import { InputError, readInput } from '../read-input';
import { parseCsv } from './csv-input';

/**
 * A fee schedule for the value at stake: CSV `code,amount` (a header row is optional;
 * "$1,234.50" amounts are read). Unreadable rows are named, not guessed.
 */
export function readFees(path: string): { fees: Map<string, number>; problems: string[] } {
  const input = readInput(path);
  const fees = new Map<string, number>();
  const problems: string[] = [];
  for (const record of parseCsv(input.text)) {
    const [codeCell, amountCell] = record.fields;
    const code = (codeCell ?? '').trim().toUpperCase();
    const amountText = (amountCell ?? '')
      .trim()
      .replace(/[$\s]/g, '')
      .replace(/,(?=\d{3}(?:\D|$))/g, '');
    const amount = Number(amountText);
    if (!/^[A-Z0-9]{5}$/.test(code) || amountText === '' || !Number.isFinite(amount) || amount < 0) {
      // A header row ("code,amount") is expected once at the top.
      if (record.line === 1 && !/^\d/.test(amountText)) continue;
      problems.push(`${path}:${record.line}: not a "code,amount" row`);
      continue;
    }
    fees.set(code, amount);
  }
  if (fees.size === 0) throw new InputError(`${path}: no fee rows read (expected CSV "code,amount")`);
  return { fees, problems };
}

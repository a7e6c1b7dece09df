import { lookupMue, type MueEntry, pickMueTable } from '../../codes/mue';
import { defineRule, type Rule, type RuleContext } from '../define-rule';
import type { DraftLine } from '../draft-line';
import { describeLine } from './line-kinds';
import { uncheckedPtpPairs } from './ncci';

function provenance(entry: MueEntry, origin: string, version: string): string {
  const where = origin === 'imported' ? `CMS MUE file ${version}` : entry.source || origin;
  return entry.historical ? `${where}; historical value, re-check against the current CMS file` : where;
}

const MAI_TEXT: Record<1 | 2 | 3, string> = {
  1: 'MAI 1, a claim-line edit',
  2: 'MAI 2, a date-of-service edit based on policy (cannot be overridden or appealed)',
  3: 'MAI 3, a date-of-service edit based on clinical data (appealable with documentation)',
};

/** Codes on the insurance claim with their lines, in claim order. */
function byCode(lines: readonly DraftLine[]): Map<string, DraftLine[]> {
  const out = new Map<string, DraftLine[]>();
  for (const line of lines) {
    if (line.billing !== 'insurance') continue;
    const list = out.get(line.code) ?? [];
    list.push(line);
    out.set(line.code, list);
  }
  return out;
}

export const mueUnits = defineRule({
  id: 'checks/mue',
  family: 'checks',
  phase: 'check',
  title: 'Medically unlikely edits (units per line or per day)',
  explain:
    'CMS caps the units of each code one practitioner reports for one patient on one day. Above the cap, all units on the line (MAI 1) or the whole day (MAI 2 and 3) deny, and an ABN cannot shift that denial to the patient. ' +
    'DermLens never cuts units silently: it reports the excess and what can be done, such as separate lines with modifiers for a claim-line edit. ' +
    'Built-in values are the few the coding reference gives (17000 1, 17003 13, 17004 1, 17110/17111 1, 64650/64653 1); import the CMS file for the rest.',
  references: ['Reference §11.4 (MUEs and MAI)', 'Reference §2.1 (CMS Recovery Audit topic 0121)', 'Reference §10.6 (MAI 1 and separate lines)'],
  status: 'stable',
  codes: ['17000', '17003', '17004', '17110', '17111', '64650', '64653', '11450', '11451'],
  apply(ctx) {
    for (const [code, lines] of byCode(ctx.lines)) {
      const { lookup } = lookupMue(code, ctx.dateOfService, ctx.settings.edits?.mue);
      if (!lookup) continue;
      const { entry, origin, version } = lookup;
      const source = provenance(entry, origin, version);
      if (entry.value === 0) {
        ctx.report({
          severity: 'error',
          message: `${code} has an MUE of 0 for practitioner claims: it is not payable on this claim type.`,
          target: code,
          fix: `Check the code; source: ${source}.`,
        });
        continue;
      }
      if (entry.mai === 1) {
        for (const line of lines) {
          if (line.units <= entry.value) continue;
          ctx.report({
            severity: 'error',
            message: `${describeLine(line)}: ${line.units} units exceed the MUE of ${entry.value} per line (${MAI_TEXT[1]}); all ${line.units} units on the line deny.`,
            target: line.lesionLabels[0] ?? code,
            fix: `If the extra units are distinct (other sites or digits), report them on separate lines with anatomic modifiers, 76 or ${ctx.distinctModifier('XS')}; otherwise reduce the units to what the note supports. Source: ${source}.`,
            span: line.spans[0],
          });
        }
        continue;
      }
      const total = lines.reduce((n, l) => n + l.units, 0);
      if (total <= entry.value) continue;
      const kind = entry.mai ? MAI_TEXT[entry.mai] : 'per date of service; MAI not stated in the reference';
      ctx.report({
        severity: 'error',
        message: `${code}: ${total} units on this date of service exceed the MUE of ${entry.value} (${kind}); all ${total} units will deny.`,
        target: code,
        fix: `Report no more than ${entry.value} unit${entry.value === 1 ? '' : 's'} of ${code} and check the code choice (e.g. 17004 alone for 15 or more premalignant lesions). Source: ${source}.`,
        span: lines[0]?.spans[0],
      });
    }
  },
});

/** Codes on the claim without any known MUE value (an applicable CMS import answers for every code). */
export function uncheckedMueCodes(ctx: Pick<RuleContext, 'lines' | 'settings' | 'dateOfService'>): { code: string; units: number }[] {
  if (pickMueTable(ctx.settings.edits?.mue, ctx.dateOfService)) return [];
  const out: { code: string; units: number }[] = [];
  for (const [code, lines] of byCode(ctx.lines)) {
    if (!lookupMue(code, ctx.dateOfService).lookup) out.push({ code, units: lines.reduce((n, l) => n + l.units, 0) });
  }
  return out;
}

export const editsNotChecked = defineRule({
  id: 'checks/edits-not-checked',
  family: 'checks',
  phase: 'check',
  title: 'Say which NCCI pairs and MUEs were not checked',
  explain:
    'DermLens ships only the NCCI pairs and MUE values its coding reference documents. Many dermatology pairs (biopsy with shave or excision, Mohs with repair or pathology, 96372 with an E/M) and most MUE values need the current CMS files. ' +
    'When a pair the reference could not verify is on the claim and no CMS file was imported, DermLens says so once per claim, together with the codes whose MUE it does not know, instead of treating the claim as clean.',
  references: [
    'Reference §11.1 (load the CMS ccipra and MUE files)',
    'Reference §11.3 (requested pairs not verified)',
    'Reference §16.1-16.2 (open uncertainties)',
  ],
  status: 'stable',
  apply(ctx) {
    // One finding per claim, only when a pair the reference could not verify is on it (§11.3/§16);
    // the MUE gaps ride along so a coder sees every unchecked edit in one place.
    const pairs = uncheckedPtpPairs(ctx);
    if (pairs.length === 0) return;
    const mue = uncheckedMueCodes(ctx);
    const multi = mue.filter((m) => m.units > 1).map((m) => `${m.code}×${m.units}`);
    let message = `NCCI pairs not checked: ${pairs.join('; ')}.`;
    let fix = 'Load the current CMS practitioner PTP file (dermlens data import-ncci)';
    if (mue.length > 0) {
      message += ` MUE not checked for ${mue.length} code${mue.length === 1 ? '' : 's'} without MUE data${multi.length > 0 ? ` (several units: ${multi.join(', ')})` : ''}.`;
      fix += ' and the practitioner MUE file (dermlens data import-mue)';
    }
    ctx.report({ severity: 'info', message, fix: `${fix}, then code again.` });
  },
});

export const mueRules: Rule[] = [mueUnits, editsNotChecked];

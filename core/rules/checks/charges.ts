import { codeInfo } from '../../codes/catalog';
import { lookupMue } from '../../codes/mue';
import type { ChargeComparison, EnteredCharge } from '../../model';
import { defineRule, type Rule, type RuleContext } from '../define-rule';
import { DISTINCT, isEm, X_MODIFIERS } from './line-kinds';

interface Tally {
  units: number;
  modifiers: Set<string>;
}

function tally<T extends { code: string; units: number; modifiers: readonly string[] }>(items: readonly T[]): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const item of items) {
    const t = out.get(item.code) ?? { units: 0, modifiers: new Set<string>() };
    t.units += item.units;
    for (const m of item.modifiers) t.modifiers.add(m.toUpperCase());
    out.set(item.code, t);
  }
  return out;
}

const sorted = (s: Set<string>) => [...s].sort();
const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));
const plural = (n: number) => (n === 1 ? '' : 's');

/** Entered charges normalised: upper-case codes/modifiers, blank codes dropped. */
function enteredCharges(ctx: RuleContext): EnteredCharge[] {
  return ctx.encounter.enteredCharges
    .map((c) => ({ ...c, code: c.code.trim().toUpperCase(), modifiers: c.modifiers.map((m) => m.trim().toUpperCase()).filter(Boolean) }))
    .filter((c) => c.code !== '');
}

export const chargesCompare = defineRule({
  id: 'checks/charges-compare',
  family: 'checks',
  phase: 'check',
  title: 'Entered charges compared with what the note supports',
  explain:
    'When the chart already holds charges, DermLens compares them code by code with the lines the documentation supports. ' +
    'An entered code the note does not support is an over-coding risk; a supported code nobody entered is a missed charge (a cosmetic service is the patient’s bill, so its absence is only noted); different units or modifiers are shown side by side. ' +
    'Nothing is changed on the entered charges: the coder decides.',
  references: ['Reference §15 (wrong claims found in circulating material)', 'Reference §10.1 (OIG audit of modifier-25 claims)'],
  status: 'stable',
  apply(ctx) {
    const entered = enteredCharges(ctx);
    if (entered.length === 0) return;
    const have = tally(entered);
    // A code on both an insurance and a self-pay line (medical and cosmetic SKs of one session) is compared by its
    // insurance line: the entered charges are the insurance claim.
    const want = tally(ctx.lines.filter((l) => l.billing !== 'self-pay'));
    const cosmetic = tally(ctx.lines.filter((l) => l.billing === 'self-pay'));
    const held = new Set(ctx.lines.filter((l) => l.status === 'held-for-pathology').map((l) => l.code));
    // A cosmetic service is the patient's bill, not the insurance claim: its absence from the charges is no missed claim line.
    const selfPay = new Set(ctx.lines.filter((l) => l.billing === 'self-pay').map((l) => l.code));
    for (const l of ctx.lines) if (l.billing !== 'self-pay') selfPay.delete(l.code);
    const codes = [...new Set([...have.keys(), ...want.keys(), ...cosmetic.keys()])];
    for (const code of codes) {
      const e = have.get(code);
      const s = want.get(code) ?? cosmetic.get(code);
      const entry: ChargeComparison = {
        code,
        kind: 'supported',
        entered: e ? { units: e.units, modifiers: sorted(e.modifiers) } : undefined,
        suggested: s ? { units: s.units, modifiers: sorted(s.modifiers) } : undefined,
      };
      if (e && !s) {
        entry.kind = 'unsupported';
        // When a rule removed this very code (bundled, included in another), say why.
        const removed = ctx.removed.find((r) => r.line.code === code);
        ctx.report({
          severity: 'warning',
          message: `Entered ${code}${e.units > 1 ? `×${e.units}` : ''} is not supported by the documentation (over-coding risk)${removed ? `: ${removed.reason.replace(/\.$/, '')} (${removed.rule})` : ''}.`,
          target: code,
          fix: `Remove ${code}, or document the service that supports it.`,
        });
      } else if (s && !e && selfPay.has(code)) {
        entry.kind = 'missed';
        ctx.report({
          severity: 'info',
          message: `The documentation supports ${code}${s.units > 1 ? `×${s.units}` : ''} as a cosmetic (self-pay) service; it is not among the entered charges.`,
          target: code,
          fix: `Bill ${code} to the patient (self-pay), not on the insurance claim.`,
        });
      } else if (s && !e) {
        entry.kind = 'missed';
        ctx.report({
          severity: 'warning',
          message: `The documentation supports ${code}${s.units > 1 ? `×${s.units}` : ''}, which was not entered (missed charge)${held.has(code) ? '; the line waits for pathology' : ''}.`,
          target: code,
          fix: `Add ${code}${s.modifiers.size > 0 ? `-${sorted(s.modifiers).join('-')}` : ''}${s.units > 1 ? ` ×${s.units}` : ''} to the charges.`,
        });
      } else if (e && s && e.units !== s.units) {
        entry.kind = 'units-differ';
        ctx.report({
          severity: 'warning',
          message: `${code}: ${e.units} unit${plural(e.units)} entered, the documentation supports ${s.units} (${e.units > s.units ? 'over-coding risk' : 'under-coded'}).`,
          target: code,
          fix: `Change ${code} to ${s.units} unit${plural(s.units)}, or document the ${e.units > s.units ? 'additional services' : 'units'} entered.`,
        });
      } else if (e && s && !sameSet(e.modifiers, s.modifiers)) {
        entry.kind = 'modifiers-differ';
        const show = (m: Set<string>) => (m.size > 0 ? sorted(m).join(', ') : 'none');
        ctx.report({
          severity: 'info',
          message: `${code}: modifiers entered ${show(e.modifiers)}, suggested ${show(s.modifiers)}.`,
          target: code,
        });
      }
      ctx.comparison.push(entry);
    }
  },
});

const BIOPSY_PRIMARY = ['11102', '11104', '11106'];
const SKIN_SPECIMENS = new Set(['skin', 'cyst', 'skin-tag', 'debridement', 'plastic-repair', 'nail', 'mohs']);

export const chargesKnownErrors = defineRule({
  id: 'checks/charges-known-errors',
  family: 'checks',
  phase: 'check',
  title: 'Known wrong coding patterns in entered charges',
  explain:
    'Some coding errors circulate widely: a first-lesion biopsy code for each technique, 17004 reported together with 17000/17003, 11900 with 11901, 17312 counted per block, 88307 for a skin specimen, 59 on add-on codes, 25 on a procedure, the biopsy codes 11100/11101 deleted in 2019. ' +
    'DermLens recognises these patterns in the charges already entered and names the correct rule, so the coder can fix the claim before it is submitted.',
  references: [
    'Reference §15 (index of wrong claims)',
    'Reference §1.2 (one primary biopsy code) and §1.4 (11100/11101 deleted 2019)',
    'Reference §2.1 (17004 instead of 17000/17003)',
    'Reference §9.1 (11900/11901 alternatives)',
    'Reference §6.1 (17312 = stage, 17315 = block)',
    'Reference §7.1 (no skin entries at 88307/88309)',
    'Reference §10.1, §10.4, §10.5 (25, 59/X and 51 placement)',
  ],
  status: 'stable',
  codes: ['11102', '11104', '11106', '17000', '17003', '17004', '11900', '11901', '17311', '17312', '17313', '17314', '17315', '88307', '88309', 'J7308'],
  apply(ctx) {
    const entered = enteredCharges(ctx);
    if (entered.length === 0) return;
    const units = tally(entered);
    const has = (code: string) => units.has(code);
    const error = (message: string, target: string, fix: string) => ctx.report({ severity: 'error', message, target, fix });

    const primaries = BIOPSY_PRIMARY.filter(has);
    const primaryUnits = primaries.reduce((n, c) => n + (units.get(c)?.units ?? 0), 0);
    if (primaryUnits > 1) {
      error(
        `Entered ${primaries.map((c) => `${c}×${units.get(c)?.units}`).join(' + ')}: only one primary biopsy code is reported per encounter.`,
        primaries[0] as string,
        'Keep the primary code of the highest technique (incisional 11106 > punch 11104 > tangential 11102) and report every other biopsy with its own add-on (11107, 11105, 11103), without 59.',
      );
    }
    if (has('17004') && (has('17000') || has('17003'))) {
      error(
        'Entered 17004 together with 17000/17003: 17004 (15 or more premalignant lesions) is reported alone, instead of 17000/17003.',
        '17004',
        'Report 17004 ×1 alone for 15 or more lesions, or 17000 + 17003 for 2-14.',
      );
    }
    if (has('11900') && has('11901')) {
      error(
        'Entered 11900 and 11901 together: they are alternatives, one per session (1-7 lesions or more than 7).',
        '11901',
        'Keep one code for the total lesion count injected.',
      );
    }

    // Mohs: 17312/17314 count additional stages; blocks beyond 5 in any stage are 17315.
    const mohs = ctx.performed('mohs');
    const stageUnits = (units.get('17312')?.units ?? 0) + (units.get('17314')?.units ?? 0);
    const documentedStages = mohs.every((p) => p.stages && p.stages.length > 0);
    if (stageUnits > 0 && mohs.length > 0 && documentedStages) {
      const extraStages = mohs.reduce((n, p) => n + Math.max(0, (p.stages?.length ?? 0) - 1), 0);
      const extraBlocks = mohs.reduce((n, p) => n + (p.stages ?? []).reduce((b, s) => b + Math.max(0, (s.blocks ?? 0) - 5), 0), 0);
      if (stageUnits > extraStages && extraBlocks > 0) {
        error(
          `Entered ${stageUnits} unit${plural(stageUnits)} of 17312/17314 for ${extraStages} additional stage${plural(extraStages)}: those codes count stages, not blocks.`,
          has('17312') ? '17312' : '17314',
          `Report 17312/17314 once per stage after the first and 17315 for each block beyond 5 in any stage (${extraBlocks} here).`,
        );
      }
    }
    if (has('17311') && has('17313') && mohs.length === 1) {
      error(
        'Entered 17311 and 17313 for one Mohs tumor: 17313 is the first stage on the trunk, arms or legs, not an additional stage.',
        '17313',
        'Report the first stage for the tumor site (17311 head/neck/hands/feet/genitalia, 17313 trunk/arms/legs) and 17312/17314 for each additional stage.',
      );
    }

    for (const code of ['88307', '88309'].filter(has)) {
      const specimenTypes = [...ctx.encounter.specimens.map((s) => s.type), ...ctx.encounter.pathology.map((r) => r.specimenType)];
      const skin = specimenTypes.some((t) => SKIN_SPECIMENS.has(t));
      if (specimenTypes.length > 0 && !skin) continue;
      ctx.report({
        severity: skin ? 'error' : 'warning',
        message: `Entered ${code}: skin specimens stay at 88302 (plastic repair), 88304 (cyst, tag, debridement) or 88305 (all other skin), whatever their size, margins or malignancy.`,
        target: code,
        fix: `Use 88305 (or 88302/88304) per skin specimen${skin ? '' : '; keep the higher level only for a documented non-skin soft-tissue specimen'}.`,
      });
    }

    if (has('J7308') && entered.some((c) => /^963(6[5-9]|7[0-9])$/.test(c.code))) {
      error(
        'Entered J7308 with an injection/infusion administration code: the topical PDT drug has no administration code.',
        'J7308',
        'Remove the 96365-96379 administration line.',
      );
    }

    if (ctx.performed('hidradenitis-excision').length > 0) {
      for (const c of entered.filter((x) => /^114[0-4]\d$/.test(x.code))) {
        error(
          `Entered ${c.code} for a hidradenitis excision: hidradenitis uses 11450-11471 by site and closure; 11400-11446 are benign lesion excisions.`,
          c.code,
          'Report the hidradenitis excision code for the site (axilla, groin, perianal/perineal/umbilical) and closure.',
        );
      }
    }

    const dos = ctx.dateOfService;
    for (const c of entered) {
      // Reference §1.4: 11100/11101 were deleted when 11102-11107 took effect on 2019-01-01.
      if ((c.code === '11100' || c.code === '11101') && (!dos || dos >= '2019-01-01')) {
        error(
          `Entered ${c.code}: the old biopsy codes 11100/11101 were deleted on 2019-01-01.`,
          c.code,
          'Report 11102/11104/11106 for the first biopsy by technique and 11103/11105/11107 for each additional one.',
        );
        continue;
      }
      const range = codeInfo(c.code)?.effective;
      if (dos && range && ((range.from && dos < range.from) || (range.to && dos >= range.to))) {
        error(
          `Entered ${c.code} is not a valid code on ${dos} (in effect ${range.from ? `from ${range.from}` : ''}${range.from && range.to ? ' ' : ''}${range.to ? `until ${range.to}` : ''}).`,
          c.code,
          'Use the code in effect on the date of service.',
        );
      }
    }

    for (const c of entered) {
      const info = codeInfo(c.code);
      const distinct = c.modifiers.filter((m) => DISTINCT.includes(m));
      if (info?.global === 'ZZZ') {
        const wrong = c.modifiers.filter((m) => m === '51' || DISTINCT.includes(m));
        if (wrong.length > 0)
          error(
            `Entered add-on ${c.code} with ${wrong.join(', ')}: add-on codes never take 59, an X modifier or 51.`,
            c.code,
            `Remove ${wrong.join(', ')} from ${c.code}.`,
          );
      } else if (info?.exempt51 && c.modifiers.includes('51')) {
        error(`Entered ${c.code}-51: ${c.code} is exempt from modifier 51.`, c.code, `Remove 51 from ${c.code}.`);
      }
      if (isEm(c.code) && distinct.length > 0) {
        error(
          `Entered E/M ${c.code} with ${distinct.join(', ')}: 59 and the X modifiers never go on an E/M.`,
          c.code,
          'Use 25 (or 57) on the E/M when the visit is separately identifiable.',
        );
      }
      if (c.modifiers.includes('59') && c.modifiers.some((m) => (X_MODIFIERS as readonly string[]).includes(m))) {
        error(
          `Entered ${c.code} with both 59 and an X modifier: one line never carries both.`,
          c.code,
          'Keep the X modifier for Medicare, 59 where the payer does not accept X modifiers.',
        );
      }
      if (c.modifiers.includes('25') && !isEm(c.code)) {
        error(`Entered ${c.code}-25: modifier 25 goes only on the E/M code.`, c.code, `Move 25 to the E/M line, or remove it from ${c.code}.`);
      }
    }

    for (const [code, t] of units) {
      const { lookup } = lookupMue(code, ctx.dateOfService, ctx.settings.edits?.mue);
      if (!lookup || lookup.entry.mai === 1 || t.units <= lookup.entry.value) continue;
      error(
        `Entered ${code}×${t.units} exceeds the MUE of ${lookup.entry.value} per day: all units deny.`,
        code,
        `Report at most ${lookup.entry.value} unit${plural(lookup.entry.value)} of ${code}; check the code choice for the lesion count.`,
      );
    }

    for (const c of entered) {
      if (!c.dx.some((d) => d.toUpperCase().replace('.', '') === 'D485')) continue;
      if (ctx.encounter.pathology.some((r) => r.behavior === 'uncertain')) continue;
      ctx.report({
        severity: 'warning',
        message: `Entered ${c.code} points to D48.5, but no pathology report says uncertain behavior: D48.5 needs that result (before pathology, D49.2).`,
        target: c.code,
        fix: 'Use D49.2 until pathology returns, then the diagnosis the report gives; D48.5 only for uncertain behavior on pathology.',
      });
    }
  },
});

export const chargesRules: Rule[] = [chargesCompare, chargesKnownErrors];

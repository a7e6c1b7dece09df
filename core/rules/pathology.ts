import type { SpecimenType } from '../model';
import { defineRule, type Rule } from './define-rule';

/** Level by specimen type; skin never goes to 88307/88309 (reference §7.1). */
const LEVEL: Record<SpecimenType, string | undefined> = {
  skin: '88305',
  cyst: '88304',
  'skin-tag': '88304',
  debridement: '88304',
  'plastic-repair': '88302',
  nail: '88305',
  mohs: undefined,
  other: '88305',
};

export const pathologyLevelPerSpecimen = defineRule({
  id: 'pathology/level-per-specimen',
  family: 'pathology',
  phase: 'code',
  title: 'One surgical pathology unit per specimen, level by specimen type',
  explain:
    'Surgical pathology is reported once per specimen: tissue submitted for its own examination and diagnosis, usually its own container. ' +
    'Skin from a plastic repair is level II (88302); a cyst, skin tag or debridement is level III (88304); every other skin specimen, including tumors and re-excisions, is level IV (88305). ' +
    'Skin specimens never go to 88307 or 88309, whatever their size or malignancy. The practice setting decides whether the line is global, professional only (26) or billed by the outside lab.',
  references: [
    'CPT surgical pathology guidelines (88300-88309)',
    'AAPC Pathology Coding Alert: skin specimens 88304/88305',
    'AAD "Using pathology codes" (2012)',
  ],
  status: 'stable',
  codes: ['88302', '88304', '88305'],
  apply(ctx) {
    if (ctx.settings.pathology === 'external') return;
    for (const specimen of ctx.encounter.specimens) {
      if (specimen.destination === 'external') continue;
      const report = ctx.pathologyFor(specimen.label);
      const type = report?.specimenType && report.specimenType !== 'skin' ? report.specimenType : specimen.type;
      const code = LEVEL[type];
      if (!code) continue;
      const line = ctx.addLine({
        code,
        specimenLabels: [specimen.label],
        lesionLabels: specimen.lesionLabel ? [specimen.lesionLabel] : [],
        siteKey: specimen.site?.key,
        status: report ? 'ready' : 'held-for-pathology',
        spans: report?.span ? [report.span] : [],
        tags: ['pathology-interpretation'],
      });
      if (ctx.settings.pathology === 'professional') ctx.addModifier(line, '26');
    }
  },
});

export const pathologyRules: Rule[] = [pathologyLevelPerSpecimen];

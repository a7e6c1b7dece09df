import type { MohsStage } from '../model';
import { stageNumber, wordNumber } from './measure';
import { rowCells } from './table';

/**
 * Mohs stages and tissue blocks written as prose ("Stage I: 3 blocks"), lists
 * ("Stage 2 - 1 section"), tables ("Stage | Blocks\n1 | 4") or a total only
 * ("cleared after 2 stages"). CPT counts blocks per stage (17315 = blocks beyond 5).
 */

const STAGE_WORD = '(?:stage|layer|level|excision)';
const STAGE_ID = String.raw`(\d{1,2}|i{1,3}|iv|v|vi{0,3}|first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|6th)`;
const BLOCK_WORD = String.raw`(?:tissue\s+)?(?:blocks?|sections?|pieces?|specimens?|tissue\s+pieces?|slides?|cassettes?)`;
const COUNT = String.raw`(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;

export function parseMohsStages(text: string): MohsStage[] | undefined {
  // Nextech's dotted leaders ("Layer 1 ........ 4 sections") are spacing, not sentence ends.
  let t = (text.length > 8000 ? text.slice(0, 8000) : text).replace(/\.{3,}/g, (dots) => ' '.repeat(dots.length));
  // "Stages: 2. Blocks: 4, 3." / "blocks per stage 6/3/2": one count per stage, in stage order (read last, below).
  // The list is blanked out so "per stage 6/3/2" is not read as a sixth stage.
  // "cleared in 3 stages (4, 2, 1 blocks)": the counts may come before the word too.
  const list =
    /\b(?:blocks?|sections?)(?:\s+per\s+(?:stage|layer))?\s*(?:[:=]\s*)?(\d{1,2}(?:\s*(?:,|\/|and|&)\s*\d{1,2})+)\b/i.exec(t) ??
    /(?<![\d.])\b(\d{1,2}(?:\s*(?:,|\/)\s*\d{1,2})+)\s*(?:tissue\s+)?(?:blocks|sections)\b/i.exec(t);
  if (list) t = `${t.slice(0, list.index)}${' '.repeat(list[0].length)}${t.slice(list.index + list[0].length)}`;
  const table = fromTable(t);
  if (table) return table;
  const stages = new Map<number, number | undefined>();
  // "Stage I: 3 blocks", "Stage 2 - 1 section", "first stage (4 sections)", "Stage 1 consisted of 2 blocks"
  const a = new RegExp(String.raw`\b${STAGE_WORD}\s*#?\s*${STAGE_ID}\b[^\n;.]{0,60}?\b${COUNT}\s*${BLOCK_WORD}`, 'gi');
  const b = new RegExp(String.raw`\b${STAGE_ID}\s+${STAGE_WORD}\b[^\n;.]{0,60}?\b${COUNT}\s*${BLOCK_WORD}`, 'gi');
  // "3 blocks in stage 1"
  const c = new RegExp(
    String.raw`\b${COUNT}\s*${BLOCK_WORD}\s+(?:in|for|on|during)\s+(?:the\s+)?(?:${STAGE_WORD}\s*#?\s*${STAGE_ID}|${STAGE_ID}\s+${STAGE_WORD})`,
    'gi',
  );
  // "3 blocks in stage 1" first, so "stage 1 and 2 blocks in stage 2" is not read as stage 1 = 2 blocks.
  const claimed: [number, number][] = [];
  for (let m = c.exec(t); m; m = c.exec(t)) {
    const stage = stageNumber((m[2] ?? m[3]) as string);
    const blocks = wordNumber(m[1] as string);
    claimed.push([m.index, m.index + m[0].length]);
    if (stage && stage <= 20 && !stages.has(stage)) stages.set(stage, blocks);
  }
  // "I: 2 blocks (+). II: 1 block (clear).", "Stages: I (4 blocks) +, II (2 blocks) +": a Mohs map's stage numerals
  // without the word "stage".
  const d = new RegExp(String.raw`(?:^|[\s.;(,])(i{1,3}|iv|vi{0,3})\s*(?:[:)]|\()\s*${COUNT}\s*${BLOCK_WORD}`, 'gi');
  for (const re of [a, b, d]) {
    for (let m = re.exec(t); m; m = re.exec(t)) {
      const end = m.index + m[0].length;
      if (claimed.some(([s, e]) => s < end && m && m.index < e)) continue;
      const stage = stageNumber(m[1] as string);
      const blocks = wordNumber(m[2] as string);
      if (stage && stage <= 20 && !stages.has(stage)) stages.set(stage, blocks);
    }
  }
  // Stages named without blocks: "Stage II: clear".
  const bare = new RegExp(String.raw`\b(?:${STAGE_WORD}\s*#?\s*${STAGE_ID}\b|${STAGE_ID}\s+${STAGE_WORD}\b)`, 'gi');
  for (let m = bare.exec(t); m; m = bare.exec(t)) {
    const id = m[1] ?? m[2];
    if (!id) continue;
    const stage = stageNumber(id);
    if (stage && stage <= 20 && !stages.has(stage)) stages.set(stage, undefined);
  }
  // Totals: "2 stages", "two stages were required", "total stages: 3", "cleared after 3 stages".
  const total = new RegExp(
    String.raw`\b(?:total\s+(?:number\s+of\s+)?(?:stages|layers)\s*[:=]?\s*${COUNT}|${COUNT}\s+(?:total\s+)?(?:stages|layers)\b|(?:stages|layers)\s*[:=]\s*${COUNT})`,
    'i',
  ).exec(t);
  const totalN = total ? wordNumber((total[1] ?? total[2] ?? total[3]) as string) : undefined;
  if (stages.size === 0 && totalN === undefined) {
    return /\b(?:single|one)\s+(?:stage|layer)\b|\bcleared\s+(?:in|after|with)\s+(?:the\s+)?(?:first|one|1|single)\s+(?:stage|layer)\b/i.test(t)
      ? [{ stage: 1 }]
      : undefined;
  }
  if (totalN !== undefined && totalN > 0 && totalN <= 20) {
    for (let s = 1; s <= totalN; s++) if (!stages.has(s)) stages.set(s, undefined);
  }
  if (list?.[1] && stages.size > 0) {
    const counts = list[1].split(/\s*(?:,|\/|and|&)\s*/).map(Number);
    const order = [...stages.keys()].sort((x, y) => x - y);
    if (counts.length === order.length && order.every((s, k) => s === k + 1 && stages.get(s) === undefined)) {
      for (const [k, s] of order.entries()) stages.set(s, counts[k]);
    }
  }
  return [...stages.entries()].sort((x, y) => x[0] - y[0]).map(([stage, blocks]) => (blocks === undefined ? { stage } : { stage, blocks }));
}

const SPACED_HEADER = /^\s*(?:stage|layer)s?\s*(?:#|no\.?)?\s+(?:#\s*(?:of\s+)?|no\.?\s+(?:of\s+)?)?(?:tissue\s+)?(?:blocks?|sections?|pieces?|slides?)\b/i;
const SPACED_ROW =
  /^\s*(\d{1,2}|[ivx]{1,5}|first|second|third|fourth|fifth|sixth)\s+(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b(?!\s*(?:mm|cm|%|x\b))/i;

/** "Stage | Blocks | Margin" (pipes, tabs or 2+ spaces) followed by rows. */
function fromTable(t: string): MohsStage[] | undefined {
  const lines = t.split('\n');
  for (let i = 0; i < lines.length && i < 400; i++) {
    const header = splitCells(lines[i] as string);
    if (header.length < 2) {
      // "Stage Blocks Margin" with single spaces (a web page collapses the columns): rows "II 6 (+) medial".
      if (SPACED_HEADER.test(lines[i] as string)) {
        const out: MohsStage[] = [];
        for (let j = i + 1; j < lines.length && j < i + 30; j++) {
          const m = SPACED_ROW.exec(lines[j] as string);
          const stage = m ? stageNumber(m[1] as string) : undefined;
          if (!m || !stage) break;
          const blocks = wordNumber(m[2] as string);
          out.push(blocks === undefined ? { stage } : { stage, blocks });
        }
        if (out.length > 0) return out;
      }
      continue;
    }
    const stageCol = header.findIndex((h) => /^(?:stage|layer|level)s?\s*(?:#|no\.?)?$/i.test(h));
    const blockCol = header.findIndex((h) =>
      /^(?:#\s*(?:of\s+)?)?(?:no\.?\s+(?:of\s+)?)?(?:tissue\s+)?(?:blocks?|sections?|pieces?|specimens?|slides?)(?:\s*\(#\))?$/i.test(h),
    );
    // "Block | Tumor" over "1A | present", "1B | absent", "2A | absent": a block id opens with its stage number.
    if (stageCol < 0 && blockCol >= 0) {
      const rows = new Map<number, number>();
      for (let j = i + 1; j < lines.length && j < i + 60; j++) {
        const id = /^\s*(\d{1,2})\s*(?:-\s*)?[A-Z]\s*$/i.exec(splitCells(lines[j] as string)[blockCol] ?? '');
        if (!id) break;
        rows.set(Number(id[1]), (rows.get(Number(id[1])) ?? 0) + 1);
      }
      if (rows.size > 0) return [...rows].map(([stage, blocks]) => ({ stage, blocks }));
    }
    if (stageCol < 0 || blockCol < 0) continue;
    const out: MohsStage[] = [];
    for (let j = i + 1; j < lines.length && j < i + 30; j++) {
      const row = splitCells(lines[j] as string);
      if (row.length === 0 || /^[-=|+\s]*$/.test(lines[j] as string)) {
        if (out.length > 0 && row.length === 0) break;
        continue;
      }
      const stage = stageNumber(row[stageCol] ?? '');
      if (!stage) break;
      const blocksText = (row[blockCol] ?? '').replace(/\s*(?:blocks?|sections?|pieces?)$/i, '');
      const blocks = wordNumber(blocksText);
      out.push(blocks === undefined ? { stage } : { stage, blocks });
    }
    // "Stage | Block | Ink | Tumor" with a row per block ("I | 1", "I | 2", … "II | 1"): a stage's blocks are its rows.
    if (new Set(out.map((o) => o.stage)).size < out.length) {
      const rows = new Map<number, number>();
      for (const o of out) rows.set(o.stage, (rows.get(o.stage) ?? 0) + 1);
      return [...rows].map(([stage, blocks]) => ({ stage, blocks }));
    }
    if (out.length > 0) return out;
  }
  return undefined;
}

function splitCells(line: string): string[] {
  return rowCells(line).filter((c, k, arr) => c.length > 0 || k < arr.length - 1);
}

import { AUDIT_CATEGORIES, type AuditCategory, type AuditRow, type AuditSummary, CATEGORY_TITLE, type SkippedInput } from '../../core/audit/summary';

/**
 * report.html: one self-contained page (inline CSS, inline SVG, no script, no external URL) that
 * opens offline. Every piece of text — note text in messages, file names, provider names — goes
 * through `esc`: nothing from the input is ever markup.
 */

export function esc(text: string | number | undefined): string {
  return String(text ?? '').replace(/[&<>"'`]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' })[c] as string);
}

const COLORS: Record<AuditCategory, string> = {
  missed: '#1b7f3b',
  unsupported: '#b3261e',
  edit: '#c25e00',
  'modifiers-differ': '#8a6d00',
  'unbilled-specimen': '#6a1b9a',
  'pathology-aging': '#5d4037',
  'no-follow-up': '#d81b60',
  documentation: '#1565c0',
  input: '#546e7a',
  info: '#90a4ae',
};

const money = (n: number) => `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** Horizontal bars: one row per label, value at the end; a bar may be stacked from segments (with a legend). */
function barChart(
  title: string,
  bars: { label: string; value: number; color: string; segments?: { name: string; value: number; color: string }[] }[],
  legend: { name: string; color: string }[] = [],
): string {
  if (bars.length === 0) return `<figure><figcaption>${esc(title)}</figcaption><p class="muted">No problems found.</p></figure>`;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rowH = 22;
  const labelW = 340;
  const barW = 380;
  const height = bars.length * rowH + 8;
  const rows = bars
    .map((b, i) => {
      const y = i * rowH + 4;
      const w = Math.max(1, Math.round((b.value / max) * barW));
      const label = b.label.length > 52 ? `${b.label.slice(0, 51)}…` : b.label;
      let x = labelW;
      const rects = (b.segments?.length ? b.segments : [{ name: '', value: b.value, color: b.color }])
        .map((seg) => {
          const sw = Math.round((seg.value / max) * barW);
          const rect = `<rect x="${x}" y="${y + 3}" width="${Math.max(1, sw)}" height="${rowH - 6}" fill="${seg.color}"><title>${esc(`${b.label}${seg.name ? ` · ${seg.name}` : ''}: ${seg.value}`)}</title></rect>`;
          x += sw;
          return rect;
        })
        .join('');
      return `<text x="${labelW - 6}" y="${y + 15}" text-anchor="end">${esc(label)}</text>${rects}<text x="${labelW + w + 4}" y="${y + 15}">${esc(b.value)}</text>`;
    })
    .join('');
  const key = legend.length
    ? `<div class="legend">${legend.map((l) => `<span><i style="background:${l.color}"></i>${esc(l.name)}</span>`).join('')}</div>`
    : '';
  return `<figure><figcaption>${esc(title)}</figcaption><svg role="img" aria-label="${esc(title)}" width="${labelW + barW + 60}" height="${height}" viewBox="0 0 ${labelW + barW + 60} ${height}">${rows}</svg>${key}</figure>`;
}

/** Columns over time (weeks). */
function columnChart(title: string, columns: { label: string; value: number }[]): string {
  if (columns.length === 0) return `<figure><figcaption>${esc(title)}</figcaption><p class="muted">No dated problems.</p></figure>`;
  const max = Math.max(1, ...columns.map((c) => c.value));
  const colW = Math.max(6, Math.min(40, Math.floor(720 / columns.length)));
  const plotH = 160;
  const width = columns.length * colW + 90;
  const height = plotH + 70;
  const every = Math.ceil(columns.length / 24);
  const bars = columns
    .map((c, i) => {
      const h = Math.max(1, Math.round((c.value / max) * plotH));
      const x = 40 + i * colW;
      const label =
        i % every === 0 ? `<text x="${x + colW / 2}" y="${plotH + 16}" transform="rotate(45 ${x + colW / 2} ${plotH + 16})">${esc(c.label)}</text>` : '';
      return `<rect x="${x + 1}" y="${plotH - h + 4}" width="${colW - 2}" height="${h}" fill="#1565c0"><title>${esc(`week of ${c.label}: ${c.value}`)}</title></rect>${label}`;
    })
    .join('');
  const axis = `<line x1="38" y1="${plotH + 4}" x2="${width}" y2="${plotH + 4}" stroke="#555"/><text x="34" y="14" text-anchor="end">${esc(max)}</text><text x="34" y="${plotH + 4}" text-anchor="end">0</text>`;
  return `<figure><figcaption>${esc(title)}</figcaption><svg role="img" aria-label="${esc(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${axis}${bars}</svg></figure>`;
}

export interface ReportInput {
  summary: AuditSummary;
  /** Problem rows (not info), most severe first; the page shows up to `maxRows`. */
  rows: readonly AuditRow[];
  skipped: readonly SkippedInput[];
  settingsText: string;
  generatedAt: string;
  wallSeconds: number;
  maxRows?: number;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function reportHtml(input: ReportInput): string {
  const { summary: s } = input;
  const maxRows = input.maxRows ?? 2000;
  const problems = input.rows.filter((r) => r.category !== 'info');
  const shown = [...problems]
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        AUDIT_CATEGORIES.indexOf(a.category) - AUDIT_CATEGORIES.indexOf(b.category) ||
        a.source.localeCompare(b.source),
    )
    .slice(0, maxRows);
  const categoryBars = AUDIT_CATEGORIES.filter((c) => c !== 'info' && s.byCategory[c] > 0).map((c) => ({
    label: CATEGORY_TITLE[c],
    value: s.byCategory[c],
    color: COLORS[c],
  }));
  const providerBars = s.byProvider.slice(0, 20).map((p) => ({
    label: p.provider,
    value: p.total,
    color: '#455a64',
    segments: AUDIT_CATEGORIES.filter((c) => (p.byCategory[c] ?? 0) > 0).map((c) => ({
      name: CATEGORY_TITLE[c],
      value: p.byCategory[c] ?? 0,
      color: COLORS[c],
    })),
  }));
  const providerLegend = AUDIT_CATEGORIES.filter((c) => c !== 'info' && s.byCategory[c] > 0).map((c) => ({ name: CATEGORY_TITLE[c], color: COLORS[c] }));
  const weekCols = s.byWeek.filter((w) => w.week !== 'undated').map((w) => ({ label: w.week, value: w.total }));
  const undated = s.byWeek.find((w) => w.week === 'undated')?.total ?? 0;

  const card = (label: string, value: string | number, cls = '') =>
    `<div class="card ${cls}"><div class="v">${esc(value)}</div><div class="l">${esc(label)}</div></div>`;
  const cards = [
    card('encounters audited', s.encounters),
    card('inputs skipped', s.skipped, s.skipped > 0 ? 'bad' : ''),
    card('encounters with problems', s.encountersWithProblems),
    card('claim lines', s.lines),
    card('lines held for pathology', s.heldLines),
    card('missed charges', s.byCategory.missed),
    card('unsupported charges', s.byCategory.unsupported, s.byCategory.unsupported > 0 ? 'bad' : ''),
    card('edit violations', s.byCategory.edit),
    card('unbilled specimens', s.byCategory['unbilled-specimen']),
    card('malignant without follow-up', s.byCategory['no-follow-up'], s.byCategory['no-follow-up'] > 0 ? 'bad' : ''),
    ...(s.value ? [card('missed value (fee schedule)', money(s.value.missed)), card('unsupported value at risk', money(s.value.unsupported))] : []),
  ].join('');

  const rowsHtml = shown
    .map(
      (r) =>
        `<tr class="${r.severity}"><td>${esc(r.source)}</td><td>${esc(r.encounterId)}</td><td>${esc(r.dateOfService)}</td><td>${esc(r.provider)}</td><td>${esc(r.severity)}</td><td>${esc(CATEGORY_TITLE[r.category])}</td><td><code>${esc(r.rule)}</code></td><td>${esc(r.message)}${r.fix ? `<div class="fix">→ ${esc(r.fix)}</div>` : ''}</td><td>${esc(r.target)}</td><td class="num">${r.value !== undefined ? esc(money(r.value)) : ''}</td></tr>`,
    )
    .join('\n');
  const skippedHtml = input.skipped.length
    ? `<h2>Skipped inputs (${esc(input.skipped.length)})</h2><table><thead><tr><th>where</th><th>why</th></tr></thead><tbody>${input.skipped
        .slice(0, 1000)
        .map((k) => `<tr><td>${esc(k.location)}</td><td>${esc(k.reason)}</td></tr>`)
        .join('')}</tbody></table>${input.skipped.length > 1000 ? `<p class="muted">${esc(input.skipped.length - 1000)} more: see the run's summary.</p>` : ''}`
    : '';
  const codeRows = s.byCode
    .slice(0, 40)
    .map(
      (c) =>
        `<tr><td><code>${esc(c.code)}</code></td><td class="num">${esc(c.missed)}</td><td class="num">${c.missedValue !== undefined ? esc(money(c.missedValue)) : ''}</td><td class="num">${esc(c.unsupported)}</td><td class="num">${c.unsupportedValue !== undefined ? esc(money(c.unsupportedValue)) : ''}</td></tr>`,
    )
    .join('');
  const codesHtml = codeRows
    ? `<h2>Charges at stake by code</h2><table><thead><tr><th>code</th><th>missed</th><th>missed value</th><th>unsupported</th><th>value at risk</th></tr></thead><tbody>${codeRows}</tbody></table>`
    : '';
  const rulesHtml = s.topRules.map((r) => `<tr><td><code>${esc(r.rule)}</code></td><td class="num">${esc(r.count)}</td></tr>`).join('');

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>DermLens audit report</title>
<style>
body{font:14px/1.4 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px;color:#1d1d1f;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.muted{color:#666}.cards{display:flex;flex-wrap:wrap;gap:10px;margin:16px 0}
.card{border:1px solid #ccd;border-radius:6px;padding:8px 12px;min-width:130px}.card .v{font-size:22px;font-weight:600}.card .l{color:#555;font-size:12px}
.card.bad .v{color:#b3261e}figure{margin:12px 0 20px}figcaption{font-weight:600;margin-bottom:6px}
svg text{font-size:12px;fill:#222}table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}th{background:#f3f4f6;position:sticky;top:0}
tr.error td:nth-child(5){color:#b3261e;font-weight:600}tr.warning td:nth-child(5){color:#8a5a00}
.num{text-align:right;white-space:nowrap}.fix{color:#2e5e2e;font-size:12px;margin-top:2px}code{font-size:12px}
.legend{display:flex;flex-wrap:wrap;gap:12px;font-size:12px;margin-top:4px}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px}
td:nth-child(1){min-width:200px;max-width:280px;overflow-wrap:anywhere}td:nth-child(8){min-width:320px}
@media print{th{position:static}}
</style></head>
<body>
<h1>DermLens audit report</h1>
<p class="muted">Generated ${esc(input.generatedAt)} · ${esc(input.settingsText)} · ${esc(input.wallSeconds.toFixed(1))} s. Patient identities are not shown (hashed for linking only). Findings are suggestions for a coder to review, not a claim.</p>
<div class="cards">${cards}</div>
${s.value?.codesWithoutFee.length ? `<p class="muted">No fee in the schedule for: ${esc(s.value.codesWithoutFee.join(', '))} (not counted in the values).</p>` : ''}
<h2>Findings by type</h2>
${barChart('Problems by type', categoryBars)}
<h2>Findings by provider</h2>
${barChart('Problems by provider (top 20), by type', providerBars, providerLegend)}
<h2>Findings by week of service</h2>
${columnChart('Problems per week (Monday of the week of the date of service)', weekCols)}
${undated ? `<p class="muted">${esc(undated)} problem${undated === 1 ? '' : 's'} on encounters without a date of service.</p>` : ''}
${codesHtml}
<h2>Most frequent rules</h2>
<table><thead><tr><th>rule</th><th>count</th></tr></thead><tbody>${rulesHtml}</tbody></table>
<h2>Problems (${esc(problems.length)}${problems.length > shown.length ? `; the ${esc(shown.length)} most severe shown, all in findings.csv` : ''})</h2>
<table><thead><tr><th>source</th><th>encounter</th><th>DOS</th><th>provider</th><th>severity</th><th>type</th><th>rule</th><th>message</th><th>target</th><th>value</th></tr></thead>
<tbody>
${rowsHtml}
</tbody></table>
${skippedHtml}
</body></html>
`;
}

import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../cli/audit/csv-input';
import { csvField, findingsCsvHeader, findingsCsvRows } from '../../../cli/audit/findings-csv';
import { esc, reportHtml } from '../../../cli/audit/report-html';
import { type AuditRow, summarize } from '../../../core/audit/summary';

const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>';

const rows: AuditRow[] = [
  {
    source: `notes/${hostile}.txt`,
    encounterId: 'E1',
    dateOfService: '2026-04-09',
    provider: `Dr. ${hostile}`,
    severity: 'warning',
    category: 'missed',
    rule: 'checks/charges-compare',
    message: `The documentation supports 11105 ${hostile}`,
    target: '11105',
    fix: '=HYPERLINK("http://evil")',
    value: 55.1,
  },
  { source: 'b.txt', encounterId: 'b.txt', severity: 'error', category: 'edit', rule: 'checks/ncci-ptp', message: 'pair, with "quotes"\nand a line' },
];

describe('report.html', () => {
  const summary = summarize([], rows, 1, new Map([['11105', 55.1]]));
  const html = reportHtml({
    summary,
    rows,
    skipped: [{ location: `x.csv:${hostile}`, reason: hostile }],
    settingsText: 'payer commercial',
    generatedAt: '2026-04-20T10:00:00Z',
    wallSeconds: 1.25,
  });

  it('escapes every piece of input text', () => {
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('is self-contained: no script, no external resource', () => {
    const plain = reportHtml({
      summary: summarize([], rows.slice(1), 0),
      rows: rows.slice(1),
      skipped: [],
      settingsText: 'payer medicare',
      generatedAt: '2026-04-20T10:00:00Z',
      wallSeconds: 1,
    });
    expect(plain).not.toMatch(/<script|<link|src=|url\(|@import|https?:\/\//i);
    expect(html).not.toMatch(/<script|<link|<img|url\(|@import/i);
    expect(html).toContain('Content-Security-Policy" content="default-src \'none\'');
  });

  it('draws the charts as inline SVG and lists problems and skipped inputs', () => {
    expect((html.match(/<svg /g) ?? []).length).toBe(3);
    expect(html).toContain('Missed charges (under-coding)');
    expect(html).toContain('$55.10');
    expect(html).toContain('Skipped inputs (1)');
    expect(html).toMatch(/week of 2026-04-06: 1/);
  });
});

describe('esc', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<b>', '&lt;b&gt;'],
    [`"'\``, '&quot;&#39;&#96;'],
    [42, '42'],
    [undefined, ''],
  ])('%s', (input, out) => {
    expect(esc(input)).toBe(out);
  });
});

describe('findings.csv', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1', "'+1"],
    ['@cmd', "'@cmd"],
    [-3, '-3'],
    [undefined, ''],
  ])('%j → %s', (value, cell) => {
    expect(csvField(value)).toBe(cell);
  });

  it('reads back to the same rows (one per finding)', () => {
    const text = findingsCsvHeader() + findingsCsvRows(rows);
    const records = parseCsv(text).map((r) => r.fields);
    expect(records[0]).toEqual(['source', 'encounter', 'dos', 'provider', 'severity', 'category', 'rule', 'message', 'target', 'fix', 'value']);
    expect(records).toHaveLength(3);
    expect(records[1]?.[10]).toBe('55.10');
    expect(records[1]?.[9]).toBe(`'=HYPERLINK("http://evil")`);
    expect(records[2]?.[7]).toBe('pair, with "quotes"\nand a line');
  });
});

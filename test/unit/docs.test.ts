import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defineRule } from '../../core/rules/define-rule';
import { registry } from '../../core/rules/registry';
import { RULES_DOC_PATH, renderRulesDoc } from '../../scripts/gen-rules-doc';

describe('docs/rules.md', () => {
  it('is current with the rule registry (run `npm run docs` when this fails)', () => {
    const committed = readFileSync(RULES_DOC_PATH, 'utf8');
    const rendered = renderRulesDoc();
    if (committed !== rendered) {
      const missing = registry.filter((r) => !committed.includes(`\`${r.id}\``)).map((r) => r.id);
      expect.fail(`docs/rules.md is out of date: run \`npm run docs\`${missing.length > 0 ? ` (missing: ${missing.join(', ')})` : ''}`);
    }
  });

  it('lists every rule once with its id, title, phase, status and references', () => {
    const doc = renderRulesDoc();
    for (const rule of registry) {
      expect(doc.split(`<a id="${rule.id.replace(/[^a-z0-9]+/g, '-')}"></a>`)).toHaveLength(2);
      expect(doc).toContain(`### ${rule.title.replace(/\|/g, '\\|')}`);
    }
    expect(doc).toContain(`${registry.length} rules`);
  });

  it('renders one rule fully, grouped under its family', () => {
    const rule = defineRule({
      id: 'biopsy/example',
      family: 'biopsy',
      phase: 'code',
      title: 'Example | with a pipe',
      explain: 'First sentence. Second sentence.',
      references: ['CPT 2019 biopsy guidelines'],
      status: 'preview',
      effective: { from: '2019-01-01' },
      codes: ['11102', '11103'],
      apply() {},
    });
    const doc = renderRulesDoc([rule]);
    expect(doc).toContain('1 rules (0 stable, 1 preview, 0 deprecated)');
    expect(doc).toContain('- [Biopsy](#family-biopsy) (1)');
    expect(doc).toContain('  - [`biopsy/example`](#biopsy-example): Example \\| with a pipe _(preview)_');
    expect(doc).toContain(
      [
        '### Example \\| with a pipe',
        '',
        '<a id="biopsy-example"></a>',
        '',
        '| | |',
        '|---|---|',
        '| Id | `biopsy/example` |',
        '| Family | biopsy |',
        '| Phase | code (turns procedures into lines) |',
        '| Status | preview |',
        '| Effective | from 2019-01-01 |',
        '| Codes | 11102, 11103 |',
        '',
        'First sentence. Second sentence.',
        '',
        'References:',
        '',
        '- CPT 2019 biopsy guidelines',
      ].join('\n'),
    );
    expect(doc.endsWith('\n')).toBe(true);
    expect(doc).not.toMatch(/\n\n\n/);
  });
});

import { useState } from 'preact/hooks';
import type { Rule } from '../core/rules/define-rule';

interface Props {
  rules: readonly Rule[];
  families: readonly string[];
  query: string;
  family: string;
  onQuery: (q: string) => void;
  onFamily: (f: string) => void;
  /** Teaching cases in which the rule acts. */
  casesOf?: (ruleId: string) => readonly string[];
}

/** Every rule in the registry: search by code, family, id or words; each opens to its explanation. */
export function RuleExplorer({ rules, families, query, family, onQuery, onFamily, casesOf }: Props) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setOpen(next);
  };
  return (
    <div class="rule-explorer">
      <div class="filters">
        <label class="field">
          Search rules (a code such as 17003, a word, or a rule id)
          <input type="search" name="rule-query" value={query} onInput={(e) => onQuery((e.target as HTMLInputElement).value)} />
        </label>
        <label class="field">
          Family
          <select name="rule-family" value={family} onChange={(e) => onFamily((e.target as HTMLSelectElement).value)}>
            <option value="">All families</option>
            {families.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p class="muted" role="status" aria-live="polite">
        {rules.length} rule{rules.length === 1 ? '' : 's'}
      </p>
      <ul class="rules-list">
        {rules.map((r) => {
          const isOpen = open.has(r.id);
          const bodyId = `rule-${r.id.replace(/[^a-z0-9-]/g, '-')}`;
          return (
            <li key={r.id} class="rule-card" data-rule={r.id}>
              <h3>
                <button type="button" class="disclosure" aria-expanded={isOpen} aria-controls={bodyId} onClick={() => toggle(r.id)}>
                  <span aria-hidden="true">{isOpen ? '▾' : '▸'}</span> {r.title}
                </button>
              </h3>
              <p class="meta">
                <code>{r.id}</code> · {r.family} · {r.phase} · {r.status}
                {r.codes?.length ? ` · ${r.codes.join(', ')}` : ''}
              </p>
              <div id={bodyId} hidden={!isOpen}>
                <p>{r.explain}</p>
                {r.references.length > 0 && <p class="meta">Sources: {r.references.join('; ')}</p>}
                {casesOf && (
                  <p class="meta cases">{casesOf(r.id).length > 0 ? `Acts in: ${casesOf(r.id).join('; ')}` : 'Acts in none of the trainer cases.'}</p>
                )}
                {r.effective && (
                  <p class="meta">
                    Applies to dates of service {r.effective.from ? `from ${r.effective.from}` : ''} {r.effective.to ? `before ${r.effective.to}` : ''}
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuditLog } from '../../../components/audit-log';
import { ClaimTable } from '../../../components/claim-table';
import { FindingItem } from '../../../components/finding-item';
import { HighlightedText } from '../../../components/highlighted-text';
import { Tabs } from '../../../components/tabs';
import { ruleById } from '../../../core/rules/registry';
import { encounter, line, NOTE } from '../entrypoints/fixtures';

afterEach(cleanup);

describe('HighlightedText', () => {
  it('marks exactly the span and renders chart text as text, never HTML', () => {
    const text = 'before <img src=x onerror=alert(1)> Punch biopsy after';
    const start = text.indexOf('Punch');
    const { container } = render(<HighlightedText text={text} start={start} end={start + 'Punch biopsy'.length} />);
    expect(container.querySelector('mark')?.textContent).toBe('Punch biopsy');
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });
  it('clamps spans that run past the text and shows ellipses for cut context', () => {
    const text = `${'x'.repeat(300)}HIT${'y'.repeat(300)}`;
    const { container } = render(<HighlightedText text={text} start={300} end={9999} context={10} />);
    expect(container.querySelector('mark')?.textContent).toBe(`HIT${'y'.repeat(300)}`);
    expect(container.textContent?.startsWith('…')).toBe(true);
  });
});

describe('ClaimTable', () => {
  const span = { section: 'note', start: NOTE.indexOf('Punch biopsy'), end: NOTE.indexOf('Punch biopsy') + 'Punch biopsy'.length };
  const lines = [line('11104', { spans: [span], specimenLabels: ['B'], dx: ['D48.5'] }), line('88305', { status: 'held-for-pathology' })];

  it('one row per line with code, units, status, dx and labels; pointers only when given', () => {
    const { container, rerender } = render(<ClaimTable caption="c" lines={lines} expanded={new Set()} onToggle={() => {}} encounter={encounter()} />);
    const rows = [...container.querySelectorAll('tr.line')].map((r) => [r.querySelector('.code')?.textContent, r.querySelector('.status')?.textContent]);
    expect(rows).toEqual([
      ['11104', 'ready'],
      ['88305', 'held'],
    ]);
    expect(container.querySelector('td.desc .dx')?.textContent).toBe('Dx D48.5');
    expect(container.querySelector('td.desc .specimens')?.textContent).toBe('Specimen B');
    expect(container.querySelector('.pointers')).toBeNull();
    rerender(<ClaimTable caption="c" lines={lines} expanded={new Set()} onToggle={() => {}} encounter={encounter()} pointers={[['A'], []]} />);
    expect(container.querySelector('tr.line .pointers')?.textContent).toBe(' (pointer A)');
  });

  it('the code is a disclosure button; open, it explains the rule and highlights the chart words', () => {
    const onToggle = vi.fn();
    const { container, rerender } = render(<ClaimTable caption="c" lines={lines} expanded={new Set()} onToggle={onToggle} encounter={encounter()} />);
    const button = screen.getByRole('button', { name: /11104/ });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('aria-controls')).toBe('why-0');
    fireEvent.click(button);
    expect(onToggle).toHaveBeenCalledWith(0);
    rerender(<ClaimTable caption="c" lines={lines} expanded={new Set([0])} onToggle={onToggle} encounter={encounter()} />);
    expect(screen.getByRole('button', { name: /11104/ }).getAttribute('aria-expanded')).toBe('true');
    const why = container.querySelector('#why-0');
    expect(why?.hasAttribute('hidden')).toBe(false);
    expect(why?.textContent).toContain(ruleById('biopsy/one-primary')?.title ?? 'missing rule');
    expect(why?.querySelector('mark')?.textContent).toBe('Punch biopsy');
  });
});

describe('FindingItem', () => {
  const finding = {
    severity: 'warning' as const,
    rule: 'biopsy/technique-documented',
    message: 'technique missing',
    target: 'A',
    fix: 'document it',
    fingerprint: 'fp1',
  };

  it('physician view: what, where, fix and rule; no decision controls', () => {
    render(<FindingItem finding={finding} canResolve={false} onResolve={vi.fn()} onUndo={vi.fn()} />);
    expect(screen.getByText(/technique missing/).textContent).toBe('[A] technique missing');
    expect(screen.getByText('biopsy/technique-documented')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Accept or override/ })).toBeNull();
  });

  it('coder view: override with a reason calls onResolve with the fingerprint', async () => {
    const onResolve = vi.fn().mockResolvedValue(true);
    render(<FindingItem finding={finding} canResolve onResolve={onResolve} onUndo={vi.fn()} />);
    const toggle = screen.getByRole('button', { name: /Accept or override/ });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.input(screen.getByLabelText(/Reason/), { target: { value: 'documented in addendum' } });
    fireEvent.submit(screen.getByRole('form', { name: /Resolve finding/ }));
    await vi.waitFor(() => expect(onResolve).toHaveBeenCalledWith('fp1', 'overridden', 'documented in addendum'));
  });

  it('a resolved finding shows the decision and offers undo', () => {
    const onUndo = vi.fn();
    const resolved = {
      ...finding,
      resolution: { encounterId: 'e', fingerprint: 'fp1', rule: finding.rule, action: 'accepted' as const, reason: 'will fix', at: 1 },
    };
    render(<FindingItem finding={resolved} canResolve onResolve={vi.fn()} onUndo={onUndo} />);
    expect(screen.getByText(/Accepted: “will fix”/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(onUndo).toHaveBeenCalledWith('fp1');
  });
});

describe('AuditLog', () => {
  it('lists entries with readable actions', () => {
    const { container } = render(
      <AuditLog
        entries={[
          { id: 2, at: 2, action: 'finding-overridden', detail: 'r/x: ok' },
          { id: 1, at: 1, action: 'coded', detail: '11104' },
        ]}
      />,
    );
    expect([...container.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-action'))).toEqual(['finding-overridden', 'coded']);
    expect(container.textContent).toContain('Finding overridden');
  });
});

describe('Tabs', () => {
  it('arrow keys move selection; only the selected tab is in the tab order', () => {
    const onSelect = vi.fn();
    const tabs = [
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
      { id: 'c', label: 'C' },
    ] as const;
    render(
      <Tabs label="t" tabs={tabs} selected="a" onSelect={onSelect}>
        <p>panel</p>
      </Tabs>,
    );
    const a = screen.getByRole('tab', { name: 'A' });
    expect(a.getAttribute('tabindex')).toBe('0');
    expect(screen.getByRole('tab', { name: 'B' }).getAttribute('tabindex')).toBe('-1');
    fireEvent.keyDown(a, { key: 'ArrowLeft' });
    expect(onSelect).toHaveBeenLastCalledWith('c');
    fireEvent.keyDown(a, { key: 'ArrowRight' });
    expect(onSelect).toHaveBeenLastCalledWith('b');
    expect(screen.getByRole('tabpanel').textContent).toBe('panel');
  });
});

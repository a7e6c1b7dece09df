// @vitest-environment happy-dom
import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Worklist, type WorklistFilter } from '../../../components/worklist';
import type { Worklist as WorklistData } from '../../../core/model/messages';

afterEach(cleanup);

const data: WorklistData = {
  agingDays: 14,
  counts: { unbilled: 1, pending: 2, held: 0, malignant: 1 },
  items: [
    {
      kind: 'pending',
      encounterId: 'e1',
      patientInitials: 'J.D.',
      dateOfService: '2026-03-01',
      label: 'A',
      detail: 'No result 31 days after the visit (limit 14)',
      ageDays: 31,
    },
    { kind: 'pending', encounterId: 'e2', dateOfService: '2026-03-10', label: 'B', detail: 'No result 22 days after the visit (limit 14)', ageDays: 22 },
    { kind: 'malignant', encounterId: 'e3', label: 'A', detail: 'Malignant result signed 2026-03-20; no later visit stored', ageDays: 12 },
    { kind: 'unbilled', encounterId: 'e4', label: 'C', site: 'left cheek', detail: 'Resulted; no pathology interpretation billed', ageDays: 2 },
  ],
};

function Harness() {
  const filter = signal<WorklistFilter>('all');
  const View = () => <Worklist data={data} filter={filter.value} onFilter={(f) => (filter.value = f)} />;
  return <View />;
}

describe('Worklist view', () => {
  it('shows counts on keyboard-reachable filter buttons and filters the rows', async () => {
    render(<Harness />);
    const group = screen.getByRole('group', { name: 'Show' });
    const buttons = group.querySelectorAll('button');
    expect([...buttons].map((b) => [b.textContent, b.getAttribute('aria-pressed')])).toEqual([
      ['All 4', 'true'],
      ['Unbilled specimens 1', 'false'],
      ['Results overdue 2', 'false'],
      ['Held claims 0', 'false'],
      ['Malignant, no follow-up 1', 'false'],
    ]);
    expect(screen.getAllByRole('row')).toHaveLength(5); // header + 4
    fireEvent.click(screen.getByRole('button', { name: /Results overdue/ }));
    expect(await screen.findByRole('table', { name: 'Worklist: results overdue' })).toBeTruthy();
    expect(
      screen
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.getAttribute('data-kind')),
    ).toEqual(['pending', 'pending']);
    expect(screen.getByRole('button', { name: /Results overdue/ }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: /Held claims/ }));
    expect(await screen.findByText('Nothing to chase here.')).toBeTruthy();
    expect(screen.getByText('0 of 4 shown (held claims); results are overdue after 14 days.')).toBeTruthy();
  });

  it('says it is loading before the first answer', () => {
    render(<Worklist data={undefined} filter="all" onFilter={() => {}} />);
    expect(screen.getByText('Loading the worklist…')).toBeTruthy();
  });
});

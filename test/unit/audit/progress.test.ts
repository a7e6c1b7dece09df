import { describe, expect, it } from 'vitest';
import { Progress } from '../../../cli/audit/progress';

function capture(isTTY: boolean) {
  let err = '';
  return { io: { stdout: () => {}, stderr: (s: string) => (err += s), isTTY }, text: () => err };
}

describe('Progress', () => {
  it('redraws one bar on a terminal', () => {
    const c = capture(true);
    const p = new Progress(c.io, 'reading', 4);
    p.add(1);
    p.add(3);
    p.finish();
    const frames = c.text().split('\r').filter(Boolean);
    expect(frames).toHaveLength(2);
    expect(frames[0]).toMatch(/^reading {2}\[#{8} {22}\] {2}25% 1\/4 /);
    expect(frames[1]).toMatch(/^reading {2}\[#{30}\] 100% 4\/4 .*\n$/);
  });

  it('prints a plain line every 10 % when not a terminal', () => {
    const c = capture(false);
    const p = new Progress(c.io, 'coding', 100);
    for (let i = 0; i < 100; i++) p.add(1);
    p.finish();
    const lines = c.text().trim().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toMatch(/^dermlens audit: coding 1\/100 \(1%, \d+\/s\)$/);
    expect(lines[10]).toMatch(/^dermlens audit: coding 100\/100 \(100%, \d+\/s\)$/);
    expect(c.text()).not.toContain('\r');
  });
});

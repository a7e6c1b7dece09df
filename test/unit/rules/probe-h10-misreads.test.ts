import { describe, expect, it } from 'vitest';
import { codeNote } from './note-harness';

// Misreads left from session 6 (note6's closing list), coded end to end (parse → rules): exact lines, dx and finding ids.

describe('a list header that says "all sent to path:" sends every item it introduces', () => {
  const items = '1. L upper back, 0.6 cm irritated SK\n2. R flank, 0.9 cm irritated SK\n3. mid chest, 0.4 cm irritated SK\n';
  it.each([
    [
      'numbered items under "Procedure: Shave removal, all sent to path:"',
      `Procedure: Shave removal, all sent to path:\n${items}Hemostasis with aluminum chloride.\n`,
    ],
    ['the same after a numbered assessment', `Assessment:\n1. Irritated SKs, trunk - removed today.\n\nProcedure: Shave removal, all sent to path:\n${items}`],
    ['"All sent to path." after the list (already read)', `Procedure: Shave removal:\n${items}All sent to path. Hemostasis with aluminum chloride.\n`],
    [
      'dash bullets under "Shave removals of irritated SKs, all sent to path:"',
      'Shave removals of irritated SKs, all sent to path:\n- L upper back, 0.6 cm\n- R flank, 0.9 cm\n- mid chest, 0.4 cm\n',
    ],
  ])('%s → three shaves + 88305 x3', (_name, body) => {
    const r = codeNote(body);
    // Reference §3.4: one shave code per lesion on its diameter (trunk 0.6 and 0.9 = 11301, 0.4 = 11300); §7.2: a unit per specimen.
    expect(r.lines).toEqual(['11301', '11301-59', '11300', '88305 x3']);
    expect(r.dx).toEqual([['L82.0'], ['L82.0'], ['L82.0'], ['L82.0']]);
  });

  it('a header that says "not sent" sends nothing', () => {
    const r = codeNote(`Procedure: Shave removal, not sent to path:\n${items}`);
    expect(r.lines).toEqual(['11301', '11301-59', '11300']);
  });

  it('"- Site:" field bullets under a single shave header stay one procedure', () => {
    const r = codeNote('Shave removal of irritated SK:\n- Site: L upper back\n- Size: 0.8 cm\n- Sent to path.\n');
    expect(r.lines).toEqual(['11301', '88305']);
  });
});

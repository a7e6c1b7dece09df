import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scopeOf } from '../../../core/emr';
import { blockText } from '../../../core/emr/block-text';
import { sectionsByHeadings } from '../../../core/emr/read';
import { FIXTURES, loadBody, loadFixture } from './load-page';

/*
 * blockText's `plain` option reads, in the walk that reads the sections (marks, left-out earlier visits, navigation
 * skipped), the text a separate blockText(node, { frames, maxChars }) reads: the generic adapter's identity takes it
 * from there instead of walking the page again. It must be that text exactly, and the sections must not change.
 */

const pages = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(FIXTURES, d.name))
      .filter((f) => f.endsWith('.html'))
      .map((f) => `${d.name}/${f}`),
  );

describe('blockText plain: the same text as a walk of its own', () => {
  it.each(pages)('%s', (rel) => {
    const page = loadFixture(rel);
    try {
      const body = page.doc.body;
      const headingRoots = scopeOf(page.doc, 'https://saved.page/').roots.filter((r) => r !== page.doc);
      for (const frames of [true, false]) {
        for (const maxChars of [40, 700, 6000, 600_000]) {
          const plain: { maxChars: number; text?: string } = { maxChars };
          const sections = sectionsByHeadings(body, { frames, headingRoots, plain });
          expect(sections).toEqual(sectionsByHeadings(body, { frames, headingRoots }));
          const own = blockText(body, { frames, maxChars });
          expect(plain.text).toBe(own);
          // The walk's own text full first (its limit reached), the plain text still read to its end.
          const early: { maxChars: number; text?: string } = { maxChars };
          expect(blockText(body, { frames, skipNavigation: true, maxChars: 300, plain: early })).toBe(
            blockText(body, { frames, skipNavigation: true, maxChars: 300 }),
          );
          expect(early.text).toBe(own);
        }
      }
    } finally {
      page.close();
    }
  });

  it('a marked button, a button under a heading, a left-out navigation bar', () => {
    const page = loadBody(`
      <nav>Home | Chart | Procedures</nav>
      <h3><button id="ap">Assessment</button></h3>
      <h4><button>Plan</button></h4>
      <div><button aria-expanded="true" id="proc">Procedures</button><p>Shave biopsy L arm.</p></div>
      <aside id="old"><b>Visit History</b><p>Office visit 01/02/2025</p></aside>
      <p>Patient: Test, Patient-1  MRN: 900001</p>`);
    try {
      const body = page.doc.body;
      const proc = page.doc.getElementById('proc') as Element;
      const exclude = new Set<Node>([page.doc.getElementById('old') as Element]);
      const plain: { maxChars: number; text?: string } = { maxChars: 6000 };
      const text = blockText(body, {
        marks: new Map([
          [proc, 0],
          [page.doc.getElementById('ap') as Element, 2],
        ]),
        endMarks: new Map([[proc, 1]]),
        exclude,
        skipNavigation: true,
        plain,
      });
      expect(text).toContain('\u00030\u0004Procedures');
      expect(text).toContain('\u00032\u0004Assessment');
      expect(text).not.toContain('Home');
      expect(plain.text).toBe(blockText(body, { maxChars: 6000 }));
      expect(plain.text).toContain('Home | Chart');
      expect(plain.text).toMatch(/Assessment\nPlan/);
      expect(plain.text).toContain('Office visit 01/02/2025');
      expect(plain.text).not.toContain('\u0003');
    } finally {
      page.close();
    }
  });
});

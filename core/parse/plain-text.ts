import { alignedTables } from './aligned-table';
import { gluedWords } from './glued-words';
import { plainLayout } from './layout';
import { capitalLabels } from './letter-case';
import { digitSizes } from './number-words';
import { sideFields } from './side-field';
import { plainSpaces } from './spaces';
import { keyValueRows, pipeFields, stackedCells, stackedFields } from './stacked-fields';
import { transposedGrids } from './transposed-grid';
import { unitLabels } from './unit-labels';
import { untickedOptions } from './unticked-options';

/**
 * Text as every reader expects it, whatever typed or exported it: plain spaces and newlines
 * (spaces.ts), words a page ran together split (glued-words.ts), the options after unticked boxes of a template line blanked (unticked-options.ts), units moved from field labels to their values (unit-labels.ts), no print margin or double spacing (layout.ts), a procedure table in fixed-width columns or under a row of column titles read as fields (aligned-table.ts), a side told in a field of its own written into the site (side-field.ts), a grid of label and value cells read one cell a line, or as Question / Answer columns, turned into fields, as is a table whose cells stack their label over their value or whose rows are a label cell and a value cell (stacked-fields.ts), a sideways grid
 * turned to one lesion a line (transposed-grid.ts), and jar letters in capitals in a
 * note typed all in lower case (letter-case.ts), and dictated sizes in digits (number-words.ts). The one door for note text, EMR sections and
 * stand-alone reports, so they are all read alike.
 */
export function plainText(text: string): string {
  return digitSizes(
    capitalLabels(
      transposedGrids(
        keyValueRows(
          stackedFields(pipeFields(stackedCells(plainLayout(sideFields(unitLabels(alignedTables(untickedOptions(gluedWords(plainSpaces(text)))))))))),
        ),
      ),
    ),
  );
}

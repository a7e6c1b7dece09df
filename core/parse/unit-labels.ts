/**
 * A form field whose label carries the unit ("Repair length (cm): 3.2", "Margin [mm] = 2", "Total volume (mL): 0.9") reads as the value
 * written with its unit ("Repair length: 3.2 cm"), the way every size reader expects it. Grids and forms print
 * units in the label; notes write them after the number. One code unit for one (padded), so offsets stay put.
 */
// The space before the unit goes too; the look-behind starts that run only at its first space (linear on long blank runs).
// A form saved with its typed value after a <label> has no separator at all ("Lesion diameter (cm) 0.7").
// Doses too: "Total volume (mL): 0.9", "Total triamcinolone (mg): 9" (a drug form's fields).
const UNIT_IN_LABEL =
  /(?<![ \t])[ \t]*[([](cm|mm|sq\.?\s?cm|cm2|cm²|ml|cc|mg|units)[)\]]([ \t]*[:=][ \t]*|[ \t]+)(\d{1,3}(?:\.\d{1,2})?)(?![\d.]*[ \t]*(?:cm|mm|ml|cc|mg|units?)\b)/gi;

export function unitLabels(text: string): string {
  if (!text.includes('(') && !text.includes('[')) return text;
  return text.replace(UNIT_IN_LABEL, (all, unit: string, sep: string, value: string) =>
    `${sep.includes('=') ? ' =' : ':'} ${value} ${unit}`.padEnd(all.length, ' '),
  );
}

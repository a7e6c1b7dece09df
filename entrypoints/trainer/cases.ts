import { snapshotFromDocument } from '../../core/emr';
import { snapshotToNote } from '../../core/pipeline';
import clinicDay from '../../demo/charts/clinic-day.html?raw';
import twoBiopsies from '../../demo/charts/two-biopsies.html?raw';

export interface TrainerCase {
  id: string;
  title: string;
  /** What the case teaches, in a sentence. */
  teaches: string;
  note: string;
}

/** A demo chart page → the note text the extension would read from it (same adapter path as the content script). */
export function noteFromHtml(html: string, url: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return snapshotToNote(snapshotFromDocument(doc, { url }));
}

/**
 * Short teaching notes. Only the note is written here; the expected codes always
 * come from the engine, so the trainer can never teach something the engine does
 * not do.
 */
const SHORT_NOTES: TrainerCase[] = [
  {
    id: 'shave-plus-punch',
    title: 'Shave and punch biopsy, same visit',
    teaches: 'Different biopsy techniques: the higher-ranked technique takes the primary code.',
    note: 'Date of Service: 03/02/2026\n\nA/P:\n1. r/o BCC L shoulder: shave bx, specimen A, to in-house dermpath.\n2. r/o melanoma R calf: 4 mm punch bx, specimen B, 4-0 nylon x1, to in-house dermpath.',
  },
  {
    id: 'three-shaves',
    title: 'Three shave biopsies',
    teaches: 'Same technique on several lesions: one primary code plus add-on units.',
    note: 'Date of Service: 03/04/2026\n\nProcedures: tangential shave biopsies of three separate lesions - L forearm (A), R upper back (B), L upper back (C). Hemostasis with AlCl. All to in-house dermpath.',
  },
  {
    id: 'ak-cryo',
    title: 'Actinic keratoses, cryotherapy',
    teaches: 'Premalignant destruction is counted by lesion, not by size or site.',
    note: 'DOS: 03/30/2026\n\nActinic keratoses (L57.0): 6 -- scalp x3, R dorsal hand x2, L ear x1.\nTx: LN2 cryotherapy, 2 FTC each, 6 lesions total.',
  },
  {
    id: 'ilk',
    title: 'Intralesional steroid to keloids',
    teaches: 'Count lesions injected, and bill the drug by its HCPCS unit.',
    note: 'Date of Service: 04/09/2026\n\nKeloids of the chest x2, pruritic: intralesional Kenalog-10, 1 mL into each keloid (total 20 mg). Single-dose vial, no waste.',
  },
  {
    id: 'excision-repair',
    title: 'Malignant excision with layered closure',
    teaches: 'Excised diameter = lesion + 2 × margin; a layered closure is an intermediate repair coded by length.',
    note: 'DOS: 03/16/2026\n\nINDICATION: Biopsy-proven BCC of the L upper back.\nPROCEDURE: Elliptical excision. The lesion measured 1.2 cm and was marked with 4 mm margins (excised diameter 2.0 cm). Closed in layers: 3-0 Monocryl deep dermal and 4-0 nylon running cuticular. Final repair length 3.5 cm.\nSpecimen A sent to in-house dermatopathology.',
  },
  {
    id: 'em-plus-procedure',
    title: 'E/M with a procedure',
    teaches: 'An E/M on the day of a minor procedure needs a significant, separately identifiable problem and modifier 25.',
    note: 'Date of Service: 04/09/2026\n\nA/P:\n1. Acne vulgaris, moderate: start doxycycline 100 mg BID; counseled on photosensitivity.\n2. Three tender acne cysts of the chin: intralesional Kenalog 2.5 mg/mL, 0.2 mL into each cyst (total 1.5 mg).\nE/M: 99213-25 (chronic illness with progression, prescription drug management)',
  },
];

export function trainerCases(): TrainerCase[] {
  return [
    {
      id: 'demo-two-biopsies',
      title: 'Demo chart: two biopsies with results',
      teaches: 'Biopsy technique ranking and one surgical pathology unit per specimen.',
      note: noteFromHtml(twoBiopsies, 'http://localhost/charts/two-biopsies.html'),
    },
    {
      id: 'demo-clinic-day',
      title: 'Demo chart: a full clinic day',
      teaches: 'E/M with 25, AK destruction, excision + repair, biopsies, injection and pathology on one claim.',
      note: noteFromHtml(clinicDay, 'http://localhost/charts/clinic-day.html'),
    },
    ...SHORT_NOTES,
  ];
}

import { codeEncounter } from '../engine';
import { parseNote } from '../parse';

/** A short note touching the common paths (biopsy, destruction, excision + repair, pathology, E/M). */
const SAMPLE = [
  'Patient: Warm, Up   MRN: 0',
  'Date of Service: 01/02/2026',
  '',
  'ASSESSMENT & PLAN',
  '1. Neoplasm of uncertain behavior of skin - R forearm',
  '   Procedure: Shave biopsy',
  '   Location: R dorsal forearm',
  '   Lesion size: 0.6 cm',
  '   Specimen: A - to in-house dermpath',
  '2. AKs x3 - forehead. LN2 cryotherapy, 3 lesions.',
  '3. BCC L upper back: elliptical excision, lesion 1.2 cm, 4 mm margins, layered closure, repair length 3.5 cm. Specimen B.',
  'E/M: 99213-25',
  '',
  '---- PATHOLOGY (in-house dermatopathology) ----',
  'Specimen A, R forearm, shave: SEBORRHEIC KERATOSIS. Signed out 01/04/2026.',
].join('\n');

/**
 * Parses and codes one sample note and throws the result away. The parser holds a
 * long note (a whole chart page can be one) to a time budget; in a freshly started
 * service worker the first parse also pays for compiling every pattern, and could
 * spend that budget before reading the procedures. Warming up once at worker start
 * keeps the first real chart from coming back partly read.
 */
export function warmUpParser(): void {
  try {
    codeEncounter(parseNote(SAMPLE, { id: 'warm-up' }));
  } catch {
    // Warm-up is best effort.
  }
}

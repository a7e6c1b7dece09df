import type { CodeEntryInput } from '../code-entry';
import { biopsyCodes } from './biopsy';
import { cosmeticCodes } from './cosmetic';
import { destructionCodes } from './destruction';
import { evaluationCodes } from './evaluation';
import { excisionCodes } from './excision';
import { injectionCodes } from './injection';
import { mohsCodes } from './mohs';
import { otherProceduresCodes } from './other-procedures';
import { pathologyCodes } from './pathology';
import { phototherapyCodes } from './phototherapy';
import { repairCodes } from './repair';
import { shaveCodes } from './shave';
import { tissueTransferCodes } from './tissue-transfer';

export const allFamilies: CodeEntryInput[][] = [
  biopsyCodes,
  shaveCodes,
  excisionCodes,
  destructionCodes,
  repairCodes,
  tissueTransferCodes,
  mohsCodes,
  pathologyCodes,
  phototherapyCodes,
  injectionCodes,
  evaluationCodes,
  cosmeticCodes,
  otherProceduresCodes,
];

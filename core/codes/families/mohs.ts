import type { CodeEntryInput } from '../code-entry';

// Reference §6.1 and §10.2: first stages global 000 [V], add-ons ZZZ [V].
// Descriptions are our own words (a stage is one excision of tissue; a block is one embedded piece).
export const mohsCodes: CodeEntryInput[] = [
  {
    code: '17311',
    short: 'Mohs surgery, first stage up to 5 blocks: head, neck, hands, feet, genitalia, or deep structures',
    family: 'mohs',
    global: '000',
    confidence: 'V',
  },
  {
    code: '17312',
    short: 'Mohs surgery, each further stage up to 5 blocks, after 17311',
    family: 'mohs',
    global: 'ZZZ',
    addOnParents: ['17311'],
    confidence: 'V',
  },
  {
    code: '17313',
    short: 'Mohs surgery, first stage up to 5 blocks: trunk, arms, legs',
    family: 'mohs',
    global: '000',
    confidence: 'V',
  },
  {
    code: '17314',
    short: 'Mohs surgery, each further stage up to 5 blocks, after 17313',
    family: 'mohs',
    global: 'ZZZ',
    addOnParents: ['17313'],
    confidence: 'V',
  },
  {
    code: '17315',
    short: 'Mohs surgery, each tissue block beyond the first 5 in any stage',
    family: 'mohs',
    global: 'ZZZ',
    addOnParents: ['17311', '17312', '17313', '17314'],
    confidence: 'V',
  },
];

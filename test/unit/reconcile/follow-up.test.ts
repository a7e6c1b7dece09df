import { describe, expect, it } from 'vitest';
import { followUpSentence } from '../../../core/reconcile/follow-up';

describe('followUpSentence', () => {
  const yes = [
    'Mohs scheduled with Dr. Lee on 7/15.',
    'Scheduled for re-excision next week.',
    'Referred to Mohs surgery for the BCC of the nose.',
    'Referral placed to dermatologic surgery.',
    'Discussed pathology results with the patient by phone.',
    'Results reviewed with pt; she prefers ED&C.',
    'Called patient with results.',
    'Patient notified of the melanoma in situ diagnosis.',
  ];
  const no = [
    'If BCC, will refer for Mohs.',
    'Will schedule excision pending pathology.',
    'Re-excision is recommended.',
    'Findings discussed with Dr. Rivera on 6/13.',
    'Referred by Dr. Smith for a changing mole.',
    'Patient referred for evaluation of a spot on the back.',
    'Shave biopsy, specimen A, to dermpath.',
  ];
  for (const s of yes) it(`follow-up: ${s}`, () => expect(followUpSentence(s)).toBeDefined());
  for (const s of no) it(`not follow-up: ${s}`, () => expect(followUpSentence(s)).toBeUndefined());
});

describe('followUpSentence: advice is not follow-up', () => {
  for (const s of ['Consider referral to a Mohs surgeon.', 'Recommend re-excision with 5 mm margins.', 'Complete excision may be warranted.']) {
    it(s, () => expect(followUpSentence(s)).toBeUndefined());
  }
});

import { describe, expect, it } from 'vitest';
import { fourWayGroup, intermediateRepairGroup, lesionGroup, mohsGroup, SITES, simpleRepairGroup } from '../../../core/anatomy';
import { findSites, resolveSite } from '../../../core/anatomy/vocabulary';

describe('resolveSite: wording → key, laterality, subsite', () => {
  const cases: [string, string, string?, string?][] = [
    ['R nasal ala', 'nasal-ala', 'right'],
    ['left upper eyelid', 'upper-eyelid', 'left', 'upper'],
    ['vermilion border of lower lip', 'lip-vermilion'],
    ['dorsal R hand', 'dorsal-hand', 'right'],
    ['L 2nd finger', 'finger', 'left', '2'],
    ['post. neck', 'posterior-neck'],
    ['mid upper back', 'upper-back'],
    ['L helix', 'helix', 'left'],
    ['scalp vertex', 'vertex'],
    ['R temple', 'temple', 'right'],
    ['infraorbital', 'cheek'],
    ['R shin', 'shin', 'right'],
    ['forearm, left', 'forearm', 'left'],
    ['bilat forearms', 'forearm', 'bilateral'],
    ['RUE', 'arm', 'right'],
    ['LLE', 'leg', 'left'],
    ['rt. cheek', 'cheek', 'right'],
    ['lt nasolabial fold', 'nasolabial-fold', 'left'],
    ['right index finger', 'finger', 'right', '2'],
    ['R thumb', 'thumb', 'right', '1'],
    ['L great toe', 'toe', 'left', '1'],
    ['R 3rd toenail', 'toenail', 'right', '3'],
    // The nail keeps its digit's number (toe modifiers, §10.6), like 'R 3rd toenail'.
    ['nail of the R great toe', 'toenail', 'right', '1'],
    ['left medial canthus', 'canthus', 'left'],
    ['upper left eyelid margin', 'eyelid-margin', 'left', 'upper'],
    ['lower eyelid margin, right', 'eyelid-margin', 'right', 'lower'],
    ['external auditory canal', 'ear-canal'],
    ['L ear lobe', 'earlobe', 'left'],
    ['behind the R ear', 'postauricular', 'right'],
    ['inframammary fold', 'inframammary'],
    ['gluteal cleft', 'gluteal-cleft'],
    ['R axilla', 'axilla', 'right'],
    ['bilateral axillae', 'axilla', 'bilateral'],
    ['sole of L foot', 'sole', 'left'],
    ['R popliteal fossa', 'popliteal', 'right'],
    ['midline upper back', 'upper-back', 'midline'],
    ['glans penis', 'penis'],
    ['L labia majora', 'labia', 'left'],
    ['perianal skin', 'perianal'],
    ['R alar rim', 'nostril-rim', 'right'],
    ['columella', 'columella'],
    ['philtrum', 'philtrum'],
    ['buccal mucosa', 'oral-mucosa'],
    ['lateral tongue', 'tongue'],
  ];
  it.each(cases)('%s → %s', (text, key, laterality, subsite) => {
    const site = resolveSite(text);
    expect(site?.key).toBe(key);
    expect(site?.laterality).toBe(laterality);
    expect(site?.subsite).toBe(subsite);
    expect(site?.text).toBe(text);
  });

  it('returns undefined when no site is named', () => {
    expect(resolveSite('patient tolerated well')).toBeUndefined();
    expect(resolveSite('')).toBeUndefined();
  });

  it('every key it returns exists in SITES', () => {
    for (const [text] of cases) expect(Object.keys(SITES)).toContain(resolveSite(text)?.key);
  });
});

describe('site-group boundaries (AAD: hairline, mandible, skull base; hands/feet vs limbs; free margins)', () => {
  // [wording, key, lesionGroup (114xx/116xx/113xx/1726x), intermediate repair group, four-way group (13xxx/14xxx), Mohs group]
  const table: [string, string, string, string, string, string][] = [
    // hairline: forehead is face, frontal scalp is scalp
    ['central forehead', 'forehead', 'C', 'face', 'forehead-cheeks-chin-mouth-neck-axillae-genitalia-hands-feet', 'head-neck-hands-feet-genitalia'],
    ['frontal scalp', 'frontal-scalp', 'B', 'scalp-trunk-extremities', 'scalp-arms-legs', 'head-neck-hands-feet-genitalia'],
    // jawline: the mandible is face, below it is neck
    ['R mandible', 'mandible', 'C', 'face', 'forehead-cheeks-chin-mouth-neck-axillae-genitalia-hands-feet', 'head-neck-hands-feet-genitalia'],
    [
      'L submandibular',
      'submandibular',
      'B',
      'neck-hands-feet-genitalia',
      'forehead-cheeks-chin-mouth-neck-axillae-genitalia-hands-feet',
      'head-neck-hands-feet-genitalia',
    ],
    // neck vs scalp: occiput is scalp, nape is neck
    ['occipital scalp', 'occiput', 'B', 'scalp-trunk-extremities', 'scalp-arms-legs', 'head-neck-hands-feet-genitalia'],
    [
      'nape of neck',
      'posterior-neck',
      'B',
      'neck-hands-feet-genitalia',
      'forehead-cheeks-chin-mouth-neck-axillae-genitalia-hands-feet',
      'head-neck-hands-feet-genitalia',
    ],
    // hands/feet vs arms/legs: wrist = arm, dorsal hand = hand, ankle = leg, dorsal foot = foot
    ['R volar wrist', 'wrist', 'A', 'scalp-trunk-extremities', 'scalp-arms-legs', 'trunk-arms-legs'],
    [
      'dorsal L hand',
      'dorsal-hand',
      'B',
      'neck-hands-feet-genitalia',
      'forehead-cheeks-chin-mouth-neck-axillae-genitalia-hands-feet',
      'head-neck-hands-feet-genitalia',
    ],
    ['R lateral ankle', 'ankle', 'A', 'scalp-trunk-extremities', 'scalp-arms-legs', 'trunk-arms-legs'],
    [
      'dorsum of the L foot',
      'dorsal-foot',
      'B',
      'neck-hands-feet-genitalia',
      'forehead-cheeks-chin-mouth-neck-axillae-genitalia-hands-feet',
      'head-neck-hands-feet-genitalia',
    ],
    // helical rim: both ear (C, face, eyelids-nose-ears-lips); the rim is its own key (free margin)
    ['L helix', 'helix', 'C', 'face', 'eyelids-nose-ears-lips', 'head-neck-hands-feet-genitalia'],
    ['L helical rim', 'helical-rim', 'C', 'face', 'eyelids-nose-ears-lips', 'head-neck-hands-feet-genitalia'],
    // vermilion: lip skin vs mucosa — both C and lips; vermilion is its own key (40490, free margin)
    ['upper lip', 'upper-lip', 'C', 'face', 'eyelids-nose-ears-lips', 'head-neck-hands-feet-genitalia'],
    ['lower lip vermilion', 'lip-vermilion', 'C', 'face', 'eyelids-nose-ears-lips', 'head-neck-hands-feet-genitalia'],
    // eyelid margin vs eyelid skin
    ['R lower eyelid', 'lower-eyelid', 'C', 'face', 'eyelids-nose-ears-lips', 'head-neck-hands-feet-genitalia'],
    ['R lower lid margin', 'eyelid-margin', 'C', 'face', 'eyelids-nose-ears-lips', 'head-neck-hands-feet-genitalia'],
    // trunk, axilla, limbs
    ['mid back', 'mid-back', 'A', 'scalp-trunk-extremities', 'trunk', 'trunk-arms-legs'],
    ['L axilla', 'axilla', 'A', 'scalp-trunk-extremities', 'forehead-cheeks-chin-mouth-neck-axillae-genitalia-hands-feet', 'trunk-arms-legs'],
    ['R shin', 'shin', 'A', 'scalp-trunk-extremities', 'scalp-arms-legs', 'trunk-arms-legs'],
    ['scrotum', 'scrotum', 'B', 'neck-hands-feet-genitalia', 'forehead-cheeks-chin-mouth-neck-axillae-genitalia-hands-feet', 'head-neck-hands-feet-genitalia'],
  ];
  it.each(table)('%s → %s (%s / %s / %s / %s)', (text, key, lesion, intermediate, fourWay, mohs) => {
    const site = resolveSite(text);
    expect(site?.key).toBe(key);
    expect(lesionGroup(site?.key)).toBe(lesion);
    expect(intermediateRepairGroup(site?.key)).toBe(intermediate);
    expect(fourWayGroup(site?.key)).toBe(fourWay);
    expect(mohsGroup(site?.key)).toBe(mohs);
  });

  it('special keys carry their special site and free-margin sites differ from their neighbours', () => {
    expect(SITES['helical-rim'].special).toBe('helical-rim');
    expect(SITES['lip-vermilion'].special).toBe('lip-vermilion');
    expect(SITES['eyelid-margin'].special).toBe('eyelid-margin');
    expect(SITES['nostril-rim'].special).toBe('nostril-rim');
    expect('special' in SITES.helix).toBe(false);
    expect('special' in SITES['upper-lip']).toBe(false);
  });

  it('a bare "hairline" or "jawline" is flagged ambiguous, not silently placed', () => {
    expect(resolveSite('frontal hairline')?.key).toBe('hairline');
    expect(SITES.hairline.ambiguous).toMatch(/hairline/);
    expect(resolveSite('L jawline')?.key).toBe('jawline');
    expect(SITES.jawline.ambiguous).toMatch(/mandible/);
  });

  it('simple repair groups: face vs body', () => {
    expect(simpleRepairGroup(resolveSite('R helical rim')?.key)).toBe('face');
    expect(simpleRepairGroup(resolveSite('dorsal hand')?.key)).toBe('body');
  });
});

describe('findSites in prose', () => {
  it.each([
    ['Molluscum contagiosum, trunk (B08.1): curettage of 6 lesions.', ['trunk']],
    ['Acne, back, chest.', ['back', 'chest']],
    ['Seen with her husband, back to clinic in 3 months.', []],
  ])('a generic word set off by commas as a list item is a site: %s', (text, keys) => {
    expect(findSites(text, { strict: true }).map((f) => f.site.key)).toEqual(keys);
  });

  it('finds every site with offsets and side, skipping generic words used as verbs', () => {
    const text = 'Will call back. Shave bx of the back and L forearm, then the R hand.';
    const found = findSites(text, { strict: true });
    expect(found.map((f) => [f.site.key, f.site.laterality])).toEqual([
      ['back', undefined],
      ['forearm', 'left'],
      ['hand', 'right'],
    ]);
    const first = found[0];
    expect(text.slice(first?.start, first?.end)).toBe('back');
    expect(text.slice(found[1]?.start, found[1]?.end)).toBe('L forearm');
  });

  it('prefers the special site in a phrase that names two', () => {
    expect(resolveSite('lower lip involving the vermilion border')?.key).toBe('lip-vermilion');
    expect(resolveSite('R ear, superior helical rim')?.key).toBe('helical-rim');
  });
});

describe('"r/o" is rule out, not right', () => {
  it.each([
    ['nasal tip, r/o BCC', 'nasal-tip', undefined],
    ['L cheek, r/o SCC', 'cheek', 'left'],
    ['R cheek r/o BCC', 'cheek', 'right'],
    ['cheek, R', 'cheek', 'right'],
  ])('%s → %s %s', (text, key, side) => {
    const m = findSites(text, { strict: true })[0];
    expect(m?.site.key).toBe(key);
    expect(m?.site.laterality).toBe(side);
  });

  it.each([
    ['R upper back, r/o SCC', 'R upper back'],
    ['R cheek r/o BCC', 'R cheek'],
    ['cheek, R', 'cheek, R'],
  ])('the site text of %s is %s (no stray "r")', (text, shown) => {
    expect(findSites(text, { strict: true })[0]?.site.text).toBe(shown);
  });
});

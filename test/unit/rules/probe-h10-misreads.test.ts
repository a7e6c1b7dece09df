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

describe('PDT with a singular "Levulan Kerastick"', () => {
  it('"Levulan Kerastick applied to the full face by me" → 96573 + J7308 x1, no missing-count warning', () => {
    const r = codeNote(
      'Assessment: Actinic keratoses, face - innumerable, thin.\nProcedure: PDT. Face degreased with acetone. Levulan Kerastick applied to the full face by me, incubated 1 hour, then BLU-U blue light 16 min 40 sec.\n',
    );
    // Reference §8.2: physician applies and illuminates = 96573, one a day; §8.3: J7308 one unit per stick.
    expect(r.lines).toEqual(['96573', 'J7308']);
    expect(r.dx).toEqual([['L57.0'], ['L57.0']]);
    expect(r.findings).not.toContain('phototherapy/pdt');
  });

  it('"Levulan applied to the face" (no stick named) still asks for the count', () => {
    const r = codeNote('Assessment: Actinic keratoses, face.\nProcedure: PDT. Levulan applied to the face by me, then BLU-U blue light 16 min 40 sec.\n');
    expect(r.lines).toEqual(['96573', 'J7308']);
    expect(r.findings).toContain('phototherapy/pdt');
  });
});

describe('intralesional injection: lesions listed by site and not counted', () => {
  it.each([
    [
      '"Keloids of the R earlobe and mid chest injected …"',
      'Procedure: Intralesional injection. Keloids of the R earlobe and mid chest injected with Kenalog-10, 0.5 mL each (10 mg total).\n',
      'J3301',
    ],
    [
      'the lesion line before: "Keloids: R earlobe, mid chest." then "ILK: …to each"',
      'Keloids: R earlobe, mid chest.\nILK: Kenalog-10, 0.5 mL to each.\n',
      'J3301',
    ],
    ['"keloids R and L earlobes"', 'ILK to keloids R and L earlobes with Kenalog 10 mg/mL, 1 mL total.\n', 'J3301'],
    ['one keloid named in the singular at one site', 'Keloid R earlobe injected with Kenalog-10, 0.5 mL.\n', 'J3301'],
    [
      '"Keloid injections:" as the procedure title, two sites listed as keloids',
      'Keloid injections: keloids of the R earlobe and L shoulder, Kenalog-40, 0.5 mL each.\n',
      'J3301 x4',
    ],
    ['"10 mg each" into two keloids listed by site', 'Keloids of the R earlobe and L shoulder injected with Kenalog 10 mg each.\n', 'J3301 x2'],
  ])('%s → 11900, no missing-count warning', (_name, body, drug) => {
    const r = codeNote(body);
    // Reference §9.1: 1-7 lesions = 11900; J3301 per 10 mg, partial units rounded up.
    expect(r.lines).toEqual(['11900', drug]);
    expect(r.dx).toEqual([['L91.0'], ['L91.0']]);
    expect(r.findings).not.toContain('injection/intralesional');
  });

  it.each([
    [
      '"Kenalog-10 to the keloid on the R earlobe extending onto the neck": the strength is no count',
      'Intralesional Kenalog-10 to the keloid on the R earlobe extending onto the neck, 1 mL.\n',
    ],
    ['"Keloid injection: … to chest and shoulders": how many keloids is not said', 'Keloid injection: Kenalog-40, 1 mL to the chest and shoulders.\n'],
    ['a history sentence names another site', 'Keloids chest injected with Kenalog-10 1 mL; hx of keloids on the ears too.\n'],
  ])('%s → 11900 and the count is asked', (_name, body) => {
    const r = codeNote(body);
    expect(r.lines[0]).toBe('11900');
    expect(r.findings).toContain('injection/intralesional');
  });
});

describe('"Last ILK 6 wks ago": an abbreviated time ago is history', () => {
  it.each([
    ['"Last ILK 6 wks ago helped some."', 'S: Keloid R earlobe. Last ILK 6 wks ago helped some.\n'],
    ['"Kenalog injected into the keloid 3 mos ago."', 'Keloid R earlobe, itchy. Kenalog injected into the keloid 3 mos ago, flattened some.\n'],
  ])('%s → no injection today', (_name, body) => {
    expect(codeNote(body).lines).toEqual([]);
  });
});

describe('an atypical melanocytic proliferation on the report is never a benign nevus code', () => {
  const visit = (dx: string) =>
    `Shave biopsy of a 6 mm irregular brown papule, L upper back, r/o dysplastic nevus (A). Sent to in-house dermpath.\n\nPATHOLOGY REPORT 11/25/2026\nA. Skin, left upper back, shave biopsy: ${dx}\n`;
  it.each([
    ['atypical compound', 'Atypical compound melanocytic proliferation, extending to the lateral margin. See comment.'],
    ['atypical junctional', 'Atypical junctional melanocytic proliferation, margins clear.'],
    ['atypical, in capitals', 'ATYPICAL MELANOCYTIC PROLIFERATION, margins involved.'],
  ])('%s → no pathology dx linked, the clinical one kept, the coder is asked (D48.5 only when uncertain behavior is stated)', (_name, dx) => {
    const r = codeNote(visit(dx));
    // Reference §13.3: D48.5 only when the pathologist states uncertain behavior; §13.4: atypia keeps benign CPT.
    // The biopsy keeps its clinical link meanwhile: "r/o dysplastic nevus" = D49.2, as before pathology (§13.2).
    expect(r.lines).toEqual(['11102', '88305']);
    expect(r.dx).toEqual([['D49.2'], ['D49.2']]);
    expect(r.findings).toContain('diagnosis/unmapped');
  });

  it.each([
    ['"… of uncertain malignant potential" → D48.5', 'Atypical compound melanocytic proliferation of uncertain malignant potential.', 'D48.5'],
    [
      '"…, favor dysplastic junctional nevus" (the report names a nevus) → D22.5',
      'Atypical junctional melanocytic proliferation, favor dysplastic junctional nevus with moderate atypia.',
      'D22.5',
    ],
    ['a compound nevus with atypia → D22.5', 'Compound nevus with moderate architectural and cytologic atypia.', 'D22.5'],
  ])('%s', (_name, dx, code) => {
    const r = codeNote(visit(dx));
    expect(r.lines).toEqual(['11102', '88305']);
    expect(r.dx).toEqual([[code], [code]]);
  });
});

describe('a cyst excised through a punch is one excision', () => {
  it('I&D of one cyst, then "Excision via punch: … 4 mm punch … Excised diameter 1.2 cm" of a pilar cyst → 10061 + one 11422 + 88304', () => {
    const r = codeNote(
      'A/P:\n1. Infected epidermal inclusion cyst, L lower back (L72.0) - fluctuant.\n   I&D: stab incision with #11 blade, pus expressed, packed with gauze. Wall left in place for later excision.\n2. Pilar cyst, occipital scalp (L72.11) - 1.0 cm, catches on the comb, sore.\n   Excision via punch: 4 mm punch through the skin over the cyst, sac freed and extracted through the punch hole. Excised diameter 1.2 cm. Closed with 2 simple sutures. Specimen A to in-house pathology.\n',
    );
    // Reference §14: packing = complicated I&D 10061; §3.3: scalp excised diameter 1.1-2.0 cm = 11422; §7.1: cyst = 88304.
    expect(r.lines).toEqual(['11422', '88304', '10061']);
    expect(r.dx).toEqual([['L72.11'], ['L72.11'], ['L72.0']]);
  });

  it('a punch biopsy named after an excision stays a biopsy', () => {
    const r = codeNote('Excision of 0.8 cm cyst R upper back, excised diameter 1.2 cm, specimen A; 4 mm punch biopsy of a rash L forearm, specimen B.\n');
    expect(r.lines).toContain('11104');
  });

  it.each([
    ['"Wall left in place for later excision."', 'I&D of an inflamed cyst R upper back, packed. Wall left in place for later excision.\n'],
    ['"… before definitive excision."', 'I&D of an inflamed cyst R upper back, packed with gauze, before definitive excision.\n'],
  ])('%s is a plan, no excision today', (_name, body) => {
    const r = codeNote(body);
    expect(r.lines).toEqual(['10061']);
    // A phantom excision would ask for its size and site.
    expect(r.findings.filter((f) => f.startsWith('excision/'))).toEqual([]);
  });
});

describe('a two-tumour Mohs note dictated as prose', () => {
  it('"Tumor 2, … The first stage was divided into 2 tissue blocks" is its own Mohs; the temple repair goes to the temple tumour', () => {
    const r = codeNote(
      "Tumor 1, left temple: biopsy-proven nodular BCC. The first stage was cut into 3 tissue blocks, tumor at 6 o'clock; the second stage, 1 block, was clear.\n\nTumor 2, right nasal tip: biopsy-proven superficial BCC. The first stage was divided into 2 tissue blocks and was clear.\n\nRepairs: the nasal tip defect was closed with a full thickness skin graft from the R preauricular skin, 1.2 sq cm. The temple defect was closed with an intermediate layered repair, 2.8 cm.\n",
    );
    // Reference §6.4: each tumour its own 17311 (59 on the second); repairs separately reportable; §4.3 face 2.6-5.0 cm = 12052.
    expect(r.lines).toEqual(['17311', '17312', '17311-59', '15260', '12052']);
    expect(r.dx).toEqual([['C44.319'], ['C44.319'], ['C44.311'], ['C44.311'], ['C44.319']]);
  });

  it('"The second tumor, on the nose, …" in prose; "The forehead defect was closed …" after the nasal flap is the forehead\'s', () => {
    const r = codeNote(
      'The first tumor, a nodular BCC of the R forehead, 1.0 cm. Stage I was taken in 2 blocks; stage II, 1 block, was clear.\n\nThe second tumor, on the nose, an infiltrative BCC of the L nasal sidewall, 0.7 cm, was removed in three stages: stage I 2 blocks, stage II 2 blocks, stage III 1 block, clear.\n\nThe nasal defect was closed with a bilobed flap, total area 3.2 sq cm. The forehead defect was closed with an intermediate layered repair, 2.4 cm.\n',
    );
    expect(r.lines).toEqual(['17311', '17312 x3', '17311-59', '14060', '12051']);
    expect(r.dx.at(-1)).toEqual(['C44.319']);
    expect(r.dx.at(-2)).toEqual(['C44.311']);
  });

  it('a repair naming no site stays with the last tumour', () => {
    const r = codeNote(
      'Tumor 1, left temple: BCC. Stage I 2 blocks, clear.\n\nTumor 2, right nasal tip: BCC. Stage I 1 block, clear. The defect was closed with an intermediate layered repair, 1.5 cm.\n',
    );
    expect(r.lines.at(-1)).toBe('12051');
    expect(r.dx.at(-1)).toEqual(['C44.311']);
  });
});

describe('lentigo maligna mapping biopsies in a table', () => {
  const note = (after: string) =>
    `Dx: lentigo maligna (melanoma in situ), R cheek, proven on shave biopsy 10/22/2026.\nPlan today: perimeter mapping biopsies to outline the extent before staged excision.\n\nMapping biopsies (2 mm punch at 1 cm beyond the visible pigment):\n| Spec | Position | Technique |\n| A | superior | punch 2 mm |\n| B | lateral | punch 2 mm |\n| C | inferior | punch 2 mm |\n| D | medial | punch 2 mm |\n\nEach specimen in its own jar to in-house dermpath. ${after}\n`;
  it.each([
    ['"Staged excision (slow Mohs) will follow once the map returns."', 'Staged excision (slow Mohs) will follow once the map returns.'],
    ['"Staged excision to be scheduled."', 'Staged excision to be scheduled.'],
  ])('%s → four punch biopsies, 88305 x4, no excision, never cosmetic', (_name, after) => {
    const r = codeNote(note(after));
    // Reference §1.2: one primary punch code, the others 11105; §7.2: a unit per jar.
    expect(r.lines).toEqual(['11104', '11105 x3', '88305 x4']);
    expect(r.findings.filter((f) => f.startsWith('excision/') || f.startsWith('cosmetic/'))).toEqual([]);
  });

  it('a parenthesis after the procedure words does not hide the clause: "Shave biopsy (pt declined Mohs) of …" is still done', () => {
    const r = codeNote('Shave biopsy (pt declined Mohs) of 0.6 cm pearly papule R cheek, specimen A to path.\n');
    expect(r.lines).toEqual(['11102', '88305']);
  });
});

describe('mapping biopsies: the indication line and a count in words are no extra specimens', () => {
  const table =
    "| Jar | Clock | Technique |\n| A | 12 o'clock | shave bx |\n| B | 3 o'clock | shave bx |\n| C | 6 o'clock | shave bx |\n| D | 9 o'clock | shave bx |\n";
  it('"Indication: … Scouting biopsies today …" and "four shave biopsies were taken …" over a table of four jars → four biopsies', () => {
    const r = codeNote(
      `Indication: lentigo maligna of the L temple, proven 10/15/2026. Scouting biopsies today to map the margins before staged excision.\n\nProcedure: after consent and 1% lidocaine with epi, four shave biopsies were taken at the edge of the visible pigment, each in its own jar. Hemostasis with AlCl3.\n\n${table}\nAll 4 jars to in-house dermpath.\n`,
    );
    // Reference §1.2: 11102 + 11103 x3; §7.2: one 88305 a jar.
    expect(r.lines).toEqual(['11102', '11103 x3', '88305 x4']);
  });

  it("a biopsy the indication line names at another site than the procedure section's is kept", () => {
    const r = codeNote('Indication: changing nevus L upper back - shave biopsy today.\n\nProcedure: punch biopsy 4 mm R forearm rash, specimen B.\n');
    expect(r.lines).toEqual(['11104', '11103', '88305 x2']);
  });
});

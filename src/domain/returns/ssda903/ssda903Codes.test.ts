import { describe, expect, it } from 'vitest';
import { participationLevels } from '../../conference/conferenceState';
import { careEndings } from '../../inCare/inCareState';
import { missingKinds } from '../../inCare/missingEpisodes';
import { legalStatuses } from '../../people/codes';
import { disruptionCauses, placementEndings } from '../../placements/placementState';
import { providerTypes } from '../../placements/providers';
import { settingChoices } from '../../placements/settings';
import { primaryNeeds } from '../cinCensus/cinWords';
// The care leaver's words are kept with their page; the return must map every one of them.
import { accommodations, activities } from '../../../modules/careLeaver/careLeaverService';
import {
  accommodationCode,
  accommodationOfCode,
  activityCode,
  activityOfCode,
  careEndingOfRec,
  categoryOfNeed,
  inTouchCode,
  inTouchOfCode,
  isSsda903Code,
  legalStatusCode,
  legalStatusOfCode,
  missingKindCodes,
  missingKindOfCode,
  participationOfReviewCode,
  placementCodes,
  placementEndingOfReason,
  placementOfCodes,
  primaryNeedOfCin,
  providerKindOfCodes,
  reasonForPlacementChange,
  recForCareEnding,
  reviewCode,
  ssda903CodeSets,
  type Ssda903CodeSet,
} from './ssda903Codes';

const codesOf = (codeSet: Ssda903CodeSet) => ssda903CodeSets[codeSet].map((c) => c.code);
const valid = (codeSet: Ssda903CodeSet) => (code: string | null) => code !== null && isSsda903Code(codeSet, code);

describe('every word a worker records in Hearth becomes a DfE code', () => {
  it('legal statuses are the LS codes themselves', () => {
    for (const s of legalStatuses) expect(legalStatusCode(s.code), s.code).toBe(s.code);
    expect(legalStatusCode('X9')).toBeNull();
  });

  it('primary needs N1-N8 are the category of need; N0 and N9 are not (rules-2024-25.csv 145)', () => {
    const mapped = primaryNeeds.map((p) => [p.value, categoryOfNeed(p.value)]);
    expect(mapped.filter(([, code]) => code !== null).map(([, code]) => code)).toEqual(['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8']);
    expect(categoryOfNeed('not_in_need')).toBeNull();
  });

  it('every placement setting, with and without each kind of provider, is a placement type and provider the rules pair (146, 178, 527-531, 550)', () => {
    for (const s of settingChoices) {
      const { PLACE, PLACE_PROVIDER } = placementCodes({ setting: s.value, providerKind: null, longTerm: false, adoption: null });
      expect(valid('PLACE')(PLACE), s.value).toBe(true);
      expect(PLACE === 'Z1' ? PLACE_PROVIDER === null : valid('PLACE_PROVIDER')(PLACE_PROVIDER), s.value).toBe(true);
      // PR0 only with P1 (550); P1 only with PR0 (527-531).
      expect(PLACE_PROVIDER === 'PR0', s.value).toBe(PLACE === 'P1');
    }
    for (const t of providerTypes) {
      const { PLACE, PLACE_PROVIDER } = placementCodes({ setting: t.setting, providerKind: t.value, longTerm: false, adoption: null });
      expect(valid('PLACE')(PLACE) && valid('PLACE_PROVIDER')(PLACE_PROVIDER), t.value).toBe(true);
    }
    expect(placementCodes({ setting: 'residential', providerKind: 'residential_school', longTerm: false, adoption: null }).PLACE).toBe('S1');
    expect(placementCodes({ setting: 'connected_person', providerKind: null, longTerm: true, adoption: null }).PLACE).toBe('U1');
    expect(placementCodes({ setting: 'in_house_fostering', providerKind: null, longTerm: true, adoption: null }).PLACE).toBe('U4');
    expect(['A3', 'A4', 'A5', 'A6'].map((_, i) => placementCodes({ setting: 'in_house_fostering', providerKind: null, longTerm: false, adoption: { withCurrentCarers: i % 2 === 0, placementOrder: i >= 2 } }).PLACE)).toEqual(['A3', 'A4', 'A5', 'A6']);
  });

  it('every reason care ends is a reason episode ceased, never X1 (149)', () => {
    for (const e of careEndings) for (const setting of [null, ...settingChoices.map((s) => s.value)]) {
      const rec = recForCareEnding(e.value, setting);
      expect(valid('REC')(rec) && rec !== 'X1', `${e.value} from ${setting}`).toBe(true);
    }
    expect(recForCareEnding('special_guardianship', 'connected_person')).toBe('E45');
    expect(recForCareEnding('special_guardianship', 'residential')).toBe('E47');
    expect(recForCareEnding('adopted', null, { consentDispensed: true })).toBe('E12');
    expect(recForCareEnding('independent_living', 'supported_accommodation')).toBe('E5');
    expect(recForCareEnding('nonsense', null)).toBeNull();
  });

  it('every way a placement ends, with every disruption cause, is a reason for placement change (1009)', () => {
    for (const e of placementEndings) {
      expect(valid('REASON_PLACE_CHANGE')(reasonForPlacementChange(e.value)), e.value).toBe(true);
      for (const c of disruptionCauses) expect(valid('REASON_PLACE_CHANGE')(reasonForPlacementChange(e.value, [c.value])), `${e.value} ${c.value}`).toBe(true);
    }
    expect(reasonForPlacementChange('safeguarding', ['allegation'])).toBe('ALLEG');
    expect(reasonForPlacementChange('notice_to_quit', ['behaviour'])).toBe('CREQB');
    expect(reasonForPlacementChange('notice_to_quit', ['matching'])).toBe('CREQO');
  });

  it('every level of participation in a review is a review code; under 4 is always PN0 (167, 440, 441)', () => {
    for (const p of participationLevels) expect(valid('REVIEW_CODE')(reviewCode(p.value, 10)), p.value).toBe(true);
    expect(reviewCode('attended', 3)).toBe('PN0');
    expect(reviewCode('attended', 4)).toBe('PN1');
    expect(reviewCode(undefined, 10)).toBeNull();
  });

  it('missing and absent are M and A (1006)', () => {
    for (const k of missingKinds) expect(valid('MISSING')((missingKindCodes as Record<string, string>)[k.value] ?? null), k.value).toBe(true);
  });

  it("every care leaver's activity and accommodation, suitable or not, and in touch or not, are OC3 codes (131, 132, 133)", () => {
    for (const a of activities) for (const where of accommodations) expect(valid('ACTIV')(activityCode(a.value, where.value)), `${a.value} ${where.value}`).toBe(true);
    for (const where of accommodations) for (const suitable of [true, false]) expect(valid('ACCOM')(accommodationCode(where.value, suitable)), `${where.value} ${suitable}`).toBe(true);
    expect(accommodationCode('custody', true)).toBe('X2');
    expect(accommodationCode('no_fixed_abode', true)).toBe('S2');
    expect(accommodationCode('with_former_carers', false)).toBe('Z2');
    expect(activityCode('education', 'independent')).toBe('F2');
    expect(activityCode('education', 'higher_education')).toBe('F1');
    expect([inTouchCode(true), inTouchCode(false), inTouchCode(undefined)]).toEqual(['YES', 'NO', null]);
    expect(isSsda903Code('ACCOM', 'S1')).toBe(false);
    expect(isSsda903Code('ACCOM', '0')).toBe(true);
  });
});

describe('every DfE code an earlier return holds has Hearth words to import it as', () => {
  it('legal statuses, except D1 (freed for adoption, not made since 2005)', () => {
    for (const code of codesOf('LS')) expect(legalStatusOfCode(code), code).toBe(code === 'D1' ? null : code);
  });

  it('categories of need are primary needs', () => {
    for (const code of codesOf('CIN')) expect(categoryOfNeed(primaryNeedOfCin(code)), code).toBe(code);
  });

  it('placement types, with each provider, are settings Hearth has; foster and adoption placements keep what they were', () => {
    const settings = new Set<string>(settingChoices.map((s) => s.value));
    const kinds = new Set<string>(providerTypes.map((t) => t.value));
    for (const place of codesOf('PLACE')) for (const provider of [null, ...codesOf('PLACE_PROVIDER')]) {
      const words = placementOfCodes(place, provider);
      expect(words && settings.has(words.setting), `${place} ${provider}`).toBe(true);
      const kind = providerKindOfCodes(place, provider);
      expect(kind === null || kinds.has(kind), `${place} ${provider}`).toBe(true);
    }
    // Written back, a foster, home or adoption placement gives the same code.
    for (const [place, provider] of [['U1', 'PR1'], ['U3', 'PR1'], ['U4', 'PR1'], ['U6', 'PR4'], ['K2', 'PR1'], ['K2', 'PR4'], ['H5', 'PR4'], ['P1', 'PR0'], ['S1', 'PR4'], ['A5', 'PR1'], ['A4', 'PR1']] as const) {
      const words = placementOfCodes(place, provider)!;
      expect(placementCodes({ setting: words.setting, providerKind: providerKindOfCodes(place, provider), longTerm: words.longTerm, adoption: words.adoption }), `${place} ${provider}`).toEqual({ PLACE: place, PLACE_PROVIDER: provider });
    }
    expect(placementOfCodes('Q9', null)).toBeNull();
    expect(placementOfCodes('T1', 'PR1')!.temporary).toBe(true);
  });

  it('reasons episodes ceased are ways care ends (X1 is not one), and the main ones come back as they were', () => {
    const endings = new Set<string>(careEndings.map((e) => e.value));
    for (const code of codesOf('REC').filter((c) => c !== 'X1')) expect(endings.has(careEndingOfRec[code] ?? ''), code).toBe(true);
    expect(careEndingOfRec.X1).toBeUndefined();
    for (const code of ['E11', 'E2', 'E3', 'E4A', 'E41', 'E17', 'E8']) expect(recForCareEnding(careEndingOfRec[code], null), code).toBe(code);
  });

  it('reasons for placement change are ways placements end, with the disruption cause where there is one', () => {
    const endings = new Set<string>(placementEndings.map((e) => e.value));
    const causes = new Set<string>(disruptionCauses.map((c) => c.value));
    for (const code of codesOf('REASON_PLACE_CHANGE')) {
      const words = placementEndingOfReason[code]!;
      expect(endings.has(words.ending) && (words.cause === null || causes.has(words.cause)), code).toBe(true);
    }
    for (const code of ['CARPL', 'CLOSE', 'ALLEG', 'STAND', 'CREQB', 'CREQO', 'CHILD', 'OTHER']) {
      const words = placementEndingOfReason[code]!;
      expect(reasonForPlacementChange(words.ending, words.cause ? [words.cause] : []), code).toBe(code);
    }
  });

  it('review codes, missing, in touch, activity and accommodation codes', () => {
    const levels = new Set<string>(participationLevels.map((p) => p.value));
    for (const code of codesOf('REVIEW_CODE')) expect(levels.has(participationOfReviewCode[code]!), code).toBe(true);
    const kinds = new Set<string>(missingKinds.map((k) => k.value));
    for (const code of codesOf('MISSING')) expect(kinds.has(missingKindOfCode[code]!), code).toBe(true);
    for (const code of codesOf('IN_TOUCH')) expect(typeof inTouchOfCode[code], code).toBe('boolean');
    const doing = new Set<string>(activities.map((a) => a.value));
    for (const code of codesOf('ACTIV').filter((c) => c !== '0')) expect(doing.has(activityOfCode[code]!), code).toBe(true);
    const places = new Set<string>(accommodations.map((a) => a.value));
    for (const letter of codesOf('ACCOM')) for (const digit of ['1', '2']) {
      const code = `${letter}${digit}`;
      if (!isSsda903Code('ACCOM', code)) continue;
      const words = accommodationOfCode(code)!;
      expect(places.has(words.accommodation) && words.suitable === (digit === '1'), code).toBe(true);
    }
    expect(accommodationOfCode('0')).toBeNull();
    expect(accommodationOfCode('Q1')).toBeNull();
  });
});

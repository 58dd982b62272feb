/**
 * Every implemented SSDA903 rule (ssda903/rules-2024-25.csv) with one failing and one passing case:
 * each case mutates a clean child (testChildren.ts); age and date limits are tried on both sides.
 */
import { describe, expect, it } from 'vitest';
import { ssda903RuleByCode, ssda903Rules, validateSsda903Child } from './index';
import { type BaseName, ep, episode, hdr, type Scenario, scenario } from './testChildren';

interface Case { code: string; base?: BaseName; fail: (s: Scenario) => void; pass?: (s: Scenario) => void }

const set = <T extends object>(o: T, patch: Partial<T>): void => { Object.assign(o, patch); };
const allLs = (s: Scenario, ls: string) => s.t.episodes.forEach((e) => (e.LS = ls));
const uascRow = (s: Scenario, patch: Partial<Scenario['t']['uasc'][number]> = {}) =>
  s.t.uasc.push({ CHILD: s.child.childId, SEX: hdr(s).SEX, DOB: hdr(s).DOB, DUC: '2028-06-15', ...patch });
const only = (s: Scenario, patch: Partial<Scenario['t']['episodes'][number]>) => { s.t.episodes = [{ ...ep(s, 1), ...patch }]; };
const ends = (s: Scenario, dec: string, rec: string) => set(ep(s, 1), { DEC: dec, REC: rec });
const oc2 = (s: Scenario) => s.t.oc2[0]!;
const oc3 = (s: Scenario) => s.t.oc3[0]!;
const ad1 = (s: Scenario) => s.t.ad1[0]!;
const placed = (s: Scenario) => s.t.placed_for_adoption[0]!;
const miss = (s: Scenario) => s.t.missing[0]!;
const notTwelveMonths = (s: Scenario) => set(ep(s, 0), { DECOM: '2024-04-02' });
const stillLookedAfterAt17 = (s: Scenario, dec: string) => {
  set(hdr(s), { DOB: '2007-06-01' });
  s.t.episodes.push(episode('C3', { DECOM: '2024-01-01', RNE: 'S', LS: 'C2', CIN: 'N4', PLACE: 'U4', PLACE_PROVIDER: 'PR4', DEC: dec, REC: 'E8' }));
};
/** Three holiday placements (T3) between 1 October and 5 December 2024. */
function holidays(s: Scenario, third: string) {
  const C = s.child.childId;
  const base = { RNE: 'P', LS: 'C2', CIN: 'N1', PLACE_PROVIDER: 'PR1', REC: 'X1', HOME_POST: 'AB1 2CD', PL_POST: 'EF3 4GH', URN: 'SC123456' };
  s.t.episodes = [
    ep(s, 0),
    episode(C, { ...base, DECOM: '2024-10-01', PLACE: 'T3', DEC: '2024-10-05', PLACE_PROVIDER: null }),
    episode(C, { ...base, DECOM: '2024-10-05', PLACE: 'U4', DEC: '2024-11-01' }),
    episode(C, { ...base, DECOM: '2024-11-01', PLACE: 'T3', DEC: '2024-11-05', PLACE_PROVIDER: null }),
    episode(C, { ...base, DECOM: '2024-11-05', PLACE: 'U4', DEC: '2024-12-01' }),
    episode(C, { ...base, DECOM: '2024-12-01', PLACE: third, DEC: '2024-12-05', PLACE_PROVIDER: null }),
    episode(C, { ...base, DECOM: '2024-12-05', PLACE: 'U4', DEC: null, REC: null }),
  ];
}
/** A temporary placement between two others. */
function temporary(s: Scenario, after: Partial<Scenario['t']['episodes'][number]>) {
  const e1 = ep(s, 0);
  s.t.episodes = [
    e1,
    episode('C1', { ...e1, DECOM: '2024-10-01', RNE: 'P', PLACE: 'T3', PLACE_PROVIDER: null, DEC: '2024-10-05', REC: 'X1', REASON_PLACE_CHANGE: null, URN: null }),
    episode('C1', { ...e1, DECOM: '2024-10-05', RNE: 'P', DEC: null, REC: null, REASON_PLACE_CHANGE: null, ...after }),
  ];
}

const cases: Case[] = [
  // ---- header ------------------------------------------------------------------------------
  { code: '101', fail: (s) => set(hdr(s), { SEX: 'X' }), pass: (s) => set(hdr(s), { SEX: 'F' }) },
  { code: '102', fail: (s) => set(hdr(s), { DOB: '2010-02-30' }) },
  { code: '103', fail: (s) => set(hdr(s), { ETHNIC: 'XXXX' }) },
  { code: '168', fail: (s) => set(hdr(s), { UPN: 'A12345' }), pass: (s) => set(hdr(s), { UPN: 'UN3' }) },
  { code: '171', fail: (s) => set(hdr(s), { MOTHER: '1', MC_DOB: '2024-13-01' }), pass: (s) => set(hdr(s), { MOTHER: '1', MC_DOB: '2024-12-01' }) },
  { code: '174', base: 'adopted', fail: (s) => set(hdr(s), { MC_DOB: '2024-01-01' }) },
  { code: '209', fail: (s) => set(hdr(s), { UPN: 'UN1', DOB: '2019-08-31' }), pass: (s) => set(hdr(s), { UPN: 'UN1', DOB: '2019-09-01' }) },
  { code: '210', fail: (s) => { set(hdr(s), { UPN: 'UN4' }); only(s, { RNE: 'S', DECOM: '2025-03-23' }); }, pass: (s) => { set(hdr(s), { UPN: 'UN4' }); only(s, { RNE: 'S', DECOM: '2025-03-24' }); } },
  { code: '301', fail: (s) => set(hdr(s), { DOB: '2025-04-01' }), pass: (s) => set(hdr(s), { DOB: '2025-03-31' }) },
  { code: '351', fail: (s) => set(hdr(s), { DOB: '1999-03-31' }), pass: (s) => set(hdr(s), { DOB: '1999-04-01' }) },
  { code: '393', fail: (s) => set(hdr(s), { MOTHER: null }), pass: (s) => { set(hdr(s), { MOTHER: null }); allLs(s, 'V3'); } },
  { code: '442', fail: (s) => set(hdr(s), { UPN: null }), pass: (s) => { set(hdr(s), { UPN: null }); allLs(s, 'V4'); } },
  { code: '611', fail: (s) => set(hdr(s), { MOTHER: '1' }), pass: (s) => set(hdr(s), { MOTHER: '1', MC_DOB: '2024-12-01' }) },
  { code: '612', fail: (s) => set(hdr(s), { MC_DOB: '2024-12-01' }), pass: (s) => set(hdr(s), { MOTHER: '1', MC_DOB: '2024-12-01' }) },
  { code: '620', fail: (s) => set(hdr(s), { MOTHER: '1', MC_DOB: '2024-12-01', DOB: '2013-04-02' }), pass: (s) => set(hdr(s), { MOTHER: '1', MC_DOB: '2024-12-01', DOB: '2013-04-01' }) },
  { code: '621', fail: (s) => set(hdr(s), { MOTHER: '1', MC_DOB: '2010-06-15' }), pass: (s) => set(hdr(s), { MOTHER: '1', MC_DOB: '2024-12-01' }) },
  { code: '625', fail: (s) => set(hdr(s), { MOTHER: '1', MC_DOB: '2025-04-01' }), pass: (s) => set(hdr(s), { MOTHER: '1', MC_DOB: '2025-03-31' }) },
  { code: '165', fail: (s) => set(hdr(s), { MOTHER: '2' }) },
  { code: '607', fail: (s) => { set(hdr(s), { MOTHER: null }); ends(s, '2025-01-01', 'E4A'); }, pass: (s) => ends(s, '2025-01-01', 'E4A') },
  { code: '628', base: 'leaver', fail: (s) => set(hdr(s), { MOTHER: '0' }) },
  { code: 'EPI', fail: (s) => { s.t.episodes = []; } },
  { code: '202', fail: (s) => set(hdr(s), { SEX: '1' }), pass: (s) => set(hdr(s), { SEX: 'F' }) },
  { code: '203', fail: (s) => set(hdr(s), { DOB: '2010-06-16' }) },
  { code: '204', fail: (s) => set(hdr(s), { ETHNIC: 'WIRI' }) },
  { code: '207', fail: (s) => set(s.prev.header[0]!, { MOTHER: '1' }), pass: (s) => { set(s.prev.header[0]!, { MOTHER: '1' }); set(hdr(s), { MOTHER: '1' }); } },
  { code: '208', fail: (s) => set(hdr(s), { UPN: 'A999999999999' }), pass: (s) => { set(s.prev.header[0]!, { UPN: 'UN4' }); set(hdr(s), { UPN: 'A999999999999' }); } },
  { code: '624', fail: (s) => { set(s.prev.header[0]!, { MC_DOB: '2020-01-01' }); set(hdr(s), { MC_DOB: '2020-01-02' }); }, pass: (s) => { set(s.prev.header[0]!, { MC_DOB: '2020-01-01' }); set(hdr(s), { MC_DOB: '2020-01-01' }); } },
  { code: '626', fail: (s) => set(hdr(s), { MOTHER: '1', MC_DOB: '2024-03-31' }), pass: (s) => set(hdr(s), { MOTHER: '1', MC_DOB: '2024-04-01' }) },
  // ---- internal checks -----------------------------------------------------------------------
  { code: 'INT01', base: 'adopted', fail: (s) => { s.t.header = []; } },
  { code: 'INT02', base: 'adopted', fail: (s) => { s.t.header = []; } },
  { code: 'INT03', fail: (s) => { s.t.header = []; } },
  { code: 'INT04', fail: (s) => { s.t.header = []; } },
  { code: 'INT05', fail: (s) => { s.t.header = []; } },
  { code: 'INT06', base: 'leaver', fail: (s) => { s.t.header = []; } },
  { code: 'INT07', fail: (s) => { s.t.header = []; } },
  { code: 'INT08', fail: (s) => { s.t.header = []; } },
  { code: 'INT09', fail: (s) => { uascRow(s); s.t.header = []; }, pass: (s) => uascRow(s) },
  { code: 'INT11', base: 'adopted', fail: (s) => set(ad1(s), { DOB: '2019-01-21' }) },
  { code: 'INT12', base: 'adopted', fail: (s) => set(placed(s), { DOB: '2019-01-21' }) },
  { code: 'INT13', fail: (s) => set(miss(s), { DOB: '2010-06-16' }) },
  { code: 'INT14', fail: (s) => set(oc2(s), { DOB: '2010-06-16' }) },
  { code: 'INT15', base: 'leaver', fail: (s) => set(oc3(s), { DOB: '2006-01-11' }) },
  { code: 'INT16', fail: (s) => set(s.t.previous_permanence[0]!, { DOB: '2010-06-16' }) },
  { code: 'INT17', fail: (s) => set(s.t.reviews[0]!, { DOB: '2010-06-16' }) },
  { code: 'INT18', fail: (s) => uascRow(s, { DOB: '2010-06-16' }), pass: (s) => uascRow(s) },
  { code: 'INT21', fail: (s) => uascRow(s, { SEX: '1' }), pass: (s) => uascRow(s) },
  { code: 'INT31', base: 'adopted', fail: (s) => s.t.ad1.push({ ...ad1(s) }) },
  { code: 'INT32', fail: (s) => s.t.header.push({ ...hdr(s) }) },
  { code: 'INT33', fail: (s) => s.t.oc2.push({ ...oc2(s) }) },
  { code: 'INT34', base: 'leaver', fail: (s) => s.t.oc3.push({ ...oc3(s) }) },
  { code: 'INT35', fail: (s) => s.t.previous_permanence.push({ ...s.t.previous_permanence[0]! }) },
  { code: 'INT36', fail: (s) => { uascRow(s); uascRow(s); }, pass: (s) => uascRow(s) },

  // ---- episodes: codes and dates ---------------------------------------------------------------
  { code: '141', fail: (s) => set(ep(s, 1), { DECOM: '2024-13-01' }) },
  { code: '143', fail: (s) => set(ep(s, 1), { RNE: 'X' }) },
  { code: '144', fail: (s) => set(ep(s, 1), { LS: 'Z9' }) },
  { code: '145', fail: (s) => set(ep(s, 1), { CIN: 'N9' }) },
  { code: '146', fail: (s) => set(ep(s, 1), { PLACE: 'Q1' }) },
  { code: '147', fail: (s) => set(ep(s, 0), { DEC: '2024-02-30' }) },
  { code: '148', fail: (s) => set(ep(s, 1), { REC: 'E8' }), pass: (s) => ends(s, '2025-01-01', 'E8') },
  { code: '149', fail: (s) => set(ep(s, 0), { REC: 'E99' }) },
  { code: '178', fail: (s) => set(ep(s, 1), { PLACE_PROVIDER: 'PR9' }) },
  { code: '1009', fail: (s) => set(ep(s, 0), { REASON_PLACE_CHANGE: 'XYZ' }) },
  { code: '353', fail: (s) => set(ep(s, 0), { DECOM: '1991-10-13' }), pass: (s) => set(ep(s, 0), { DECOM: '1991-10-14' }) },
  { code: '354', fail: (s) => set(ep(s, 1), { DECOM: '2025-04-01' }), pass: (s) => set(ep(s, 1), { DECOM: '2025-03-31' }) },
  { code: '385', fail: (s) => ends(s, '2025-04-01', 'E8'), pass: (s) => ends(s, '2025-03-31', 'E8') },
  { code: '355', fail: (s) => ends(s, '2024-10-01', 'E8'), pass: (s) => ends(s, '2024-10-02', 'E8') },
  { code: '356', fail: (s) => ends(s, '2024-09-30', 'E8') },
  // ---- provider, URN, postcodes --------------------------------------------------------------------
  { code: '213', fail: (s) => set(ep(s, 1), { PLACE: 'T0' }), pass: (s) => set(ep(s, 1), { PLACE: 'T0', PLACE_PROVIDER: null }) },
  { code: '526', fail: (s) => set(ep(s, 1), { PLACE_PROVIDER: null }), pass: (s) => set(ep(s, 1), { PLACE: 'Z1', PLACE_PROVIDER: null }) },
  { code: '527', fail: (s) => set(ep(s, 1), { PLACE: 'P1', PLACE_PROVIDER: 'PR1' }) },
  { code: '528', fail: (s) => set(ep(s, 1), { PLACE: 'R2', PLACE_PROVIDER: 'PR2' }) },
  { code: '529', fail: (s) => set(ep(s, 1), { PLACE_PROVIDER: 'PR3' }), pass: (s) => set(ep(s, 1), { PLACE: 'R1', PLACE_PROVIDER: 'PR3' }) },
  { code: '530', fail: (s) => set(ep(s, 1), { PLACE: 'P1', PLACE_PROVIDER: 'PR4' }) },
  { code: '531', fail: (s) => set(ep(s, 1), { PLACE: 'P1', PLACE_PROVIDER: 'PR5' }) },
  { code: '550', fail: (s) => set(ep(s, 1), { PLACE_PROVIDER: 'PR0' }), pass: (s) => set(ep(s, 1), { PLACE: 'P1', PLACE_PROVIDER: 'PR0' }) },
  { code: '214', fail: (s) => set(ep(s, 1), { LS: 'V3' }), pass: (s) => set(ep(s, 1), { LS: 'V3', PL_POST: null, URN: null }) },
  { code: '218', fail: (s) => set(ep(s, 1), { URN: null }), pass: (s) => set(ep(s, 1), { PLACE: 'P1', URN: null }) },
  { code: '222', fail: (s) => set(ep(s, 1), { PLACE: 'R2' }), pass: (s) => set(ep(s, 1), { PLACE: 'R2', URN: 'XXXXXXX' }) },
  { code: '392b', fail: (s) => set(ep(s, 1), { PL_POST: null }), pass: (s) => { set(ep(s, 1), { PL_POST: null }); uascRow(s); } },
  { code: '392c', fail: (s) => set(ep(s, 1), { HOME_POST: 'NOTAPOSTCODE' }) },
  { code: '392d', fail: (s) => set(ep(s, 1), { PL_POST: 'AB12CD' }), pass: (s) => set(ep(s, 1), { PLACE: 'P1', PLACE_PROVIDER: 'PR0', PL_POST: 'AB1 2CD' }) },
  { code: '398', fail: (s) => set(ep(s, 1), { LS: 'V4' }), pass: (s) => set(ep(s, 1), { LS: 'V4', HOME_POST: null, PL_POST: null }) },
  { code: '225', fail: (s) => set(ep(s, 0), { REASON_PLACE_CHANGE: null }), pass: (s) => { set(ep(s, 0), { REASON_PLACE_CHANGE: null }); set(ep(s, 1), { PLACE: 'T1' }); } },
  { code: '226', fail: (s) => set(ep(s, 1), { PLACE: 'T2' }), pass: (s) => { set(ep(s, 1), { PLACE: 'T2' }); set(ep(s, 0), { REASON_PLACE_CHANGE: null }); } },
  // ---- ages ----------------------------------------------------------------------------------------
  { code: '302', fail: (s) => set(hdr(s), { DOB: '2023-09-02' }), pass: (s) => set(hdr(s), { DOB: '2023-09-01' }) },
  { code: '352', fail: (s) => set(hdr(s), { DOB: '2005-09-01' }), pass: (s) => set(hdr(s), { DOB: '2005-09-02' }) },
  { code: '358', fail: (s) => { set(ep(s, 1), { LS: 'J1' }); set(hdr(s), { DOB: '2014-10-02' }); }, pass: (s) => { set(ep(s, 1), { LS: 'J1' }); set(hdr(s), { DOB: '2014-10-01' }); } },
  { code: '359', fail: (s) => set(hdr(s), { DOB: '2007-03-30' }), pass: (s) => set(hdr(s), { DOB: '2007-03-31' }) },
  { code: '371', fail: (s) => set(ep(s, 1), { PLACE: 'K3' }), pass: (s) => { set(ep(s, 1), { PLACE: 'K3' }); set(hdr(s), { DOB: '2008-10-01' }); } },
  { code: '372', fail: (s) => { set(ep(s, 1), { PLACE: 'R5' }); set(hdr(s), { DOB: '2014-10-02' }); }, pass: (s) => { set(ep(s, 1), { PLACE: 'R5' }); set(hdr(s), { DOB: '2014-10-01' }); } },
  { code: '373', fail: (s) => { set(ep(s, 1), { PLACE: 'S1' }); set(hdr(s), { DOB: '2020-10-02' }); }, pass: (s) => { set(ep(s, 1), { PLACE: 'S1' }); set(hdr(s), { DOB: '2020-10-01' }); } },
  { code: '374', fail: (s) => { set(ep(s, 1), { PLACE: 'P3' }); set(hdr(s), { DOB: '2010-10-02' }); }, pass: (s) => { set(ep(s, 1), { PLACE: 'P3' }); set(hdr(s), { DOB: '2010-10-01' }); } },
  { code: '386', base: 'adopted', fail: (s) => set(hdr(s), { DOB: '2007-02-01' }), pass: (s) => set(hdr(s), { DOB: '2007-02-02' }) },
  { code: '387', fail: (s) => { ends(s, '2025-01-01', 'E5'); set(hdr(s), { DOB: '2011-01-02' }); }, pass: (s) => { ends(s, '2025-01-01', 'E5'); set(hdr(s), { DOB: '2011-01-01' }); } },
  { code: '389', fail: (s) => { ends(s, '2025-01-01', 'E7'); set(hdr(s), { DOB: '2009-01-02' }); }, pass: (s) => { ends(s, '2025-01-01', 'E7'); set(hdr(s), { DOB: '2009-01-01' }); } },
  { code: '407', fail: (s) => { ends(s, '2025-01-01', 'E45'); set(hdr(s), { DOB: '2007-01-01' }); }, pass: (s) => { ends(s, '2025-01-01', 'E45'); set(hdr(s), { DOB: '2007-01-02' }); } },
  { code: '460', fail: (s) => { ends(s, '2025-01-01', 'E17'); set(hdr(s), { DOB: '2007-01-02' }); }, pass: (s) => { ends(s, '2025-01-01', 'E17'); set(hdr(s), { DOB: '2007-01-01' }); } },
  // ---- durations -----------------------------------------------------------------------------------
  { code: '361', fail: (s) => { set(ep(s, 1), { LS: 'L1' }); ends(s, '2024-10-05', 'E4A'); }, pass: (s) => { set(ep(s, 1), { LS: 'L1' }); ends(s, '2024-10-04', 'E4A'); } },
  { code: '362', fail: (s) => { set(ep(s, 1), { LS: 'L2' }); ends(s, '2024-10-23', 'E4A'); }, pass: (s) => { set(ep(s, 1), { LS: 'L2' }); ends(s, '2024-10-22', 'E4A'); } },
  { code: '363', fail: (s) => { set(ep(s, 1), { LS: 'L3' }); ends(s, '2024-10-09', 'E4A'); }, pass: (s) => { set(ep(s, 1), { LS: 'L3' }); ends(s, '2024-10-08', 'E4A'); } },
  { code: '364', fail: (s) => { set(ep(s, 1), { LS: 'J2' }); ends(s, '2024-10-23', 'E4A'); }, pass: (s) => { set(ep(s, 1), { LS: 'J2' }); ends(s, '2024-10-22', 'E4A'); } },
  { code: '365', fail: (s) => { set(ep(s, 1), { LS: 'V3' }); ends(s, '2024-10-19', 'E4A'); }, pass: (s) => { set(ep(s, 1), { LS: 'V3' }); ends(s, '2024-10-18', 'E4A'); } },
  { code: '375', fail: (s) => { set(ep(s, 1), { PLACE: 'T1' }); ends(s, '2024-11-13', 'E8'); }, pass: (s) => { set(ep(s, 1), { PLACE: 'T1' }); ends(s, '2024-11-12', 'E8'); } },
  { code: '376', fail: (s) => { set(ep(s, 1), { PLACE: 'T3' }); ends(s, '2024-10-23', 'E8'); }, pass: (s) => { set(ep(s, 1), { PLACE: 'T3' }); ends(s, '2024-10-22', 'E8'); } },
  { code: '379', fail: (s) => { set(ep(s, 1), { PLACE: 'T4' }); ends(s, '2024-10-09', 'E8'); }, pass: (s) => { set(ep(s, 1), { PLACE: 'T4' }); ends(s, '2024-10-08', 'E8'); } },
  { code: '367', fail: (s) => { set(ep(s, 1), { LS: 'V3' }); ends(s, '2024-12-16', 'E8'); }, pass: (s) => { set(ep(s, 1), { LS: 'V3' }); ends(s, '2024-12-15', 'E8'); } },
  { code: '377', fail: (s) => holidays(s, 'T3'), pass: (s) => holidays(s, 'T1') },
  // ---- legal status and placement ------------------------------------------------------------------
  { code: '217', fail: (s) => set(ep(s, 1), { PLACE: 'A5' }), pass: (s) => set(ep(s, 1), { PLACE: 'A5', RNE: 'U' }) },
  { code: '378', fail: (s) => set(ep(s, 1), { PLACE: 'P1', LS: 'V2' }), pass: (s) => set(ep(s, 1), { PLACE: 'P1' }) },
  { code: '382', fail: (s) => set(ep(s, 1), { LS: 'V3', PLACE: 'T1' }), pass: (s) => set(ep(s, 1), { PLACE: 'T1' }) },
  { code: '384', fail: (s) => set(ep(s, 1), { LS: 'V4', PLACE: 'U4' }), pass: (s) => set(ep(s, 1), { LS: 'V4' }) },
  { code: '366', fail: (s) => set(ep(s, 1), { LS: 'V3' }), pass: (s) => set(ep(s, 1), { LS: 'V3', RNE: 'S' }) },
  { code: '426', fail: (s) => { set(ep(s, 0), { LS: 'V3' }); set(ep(s, 1), { LS: 'V4' }); }, pass: (s) => allLs(s, 'V4') },
  { code: '408', fail: (s) => set(ep(s, 1), { PLACE: 'A6' }), pass: (s) => set(ep(s, 1), { PLACE: 'A6', LS: 'E1' }) },
  { code: '445', fail: (s) => set(ep(s, 1), { LS: 'D1' }), pass: (s) => set(ep(s, 1), { LS: 'D1', DECOM: '2005-12-30' }) },
  { code: '446', fail: (s) => set(ep(s, 0), { LS: 'E1', DECOM: '2005-12-29' }), pass: (s) => set(ep(s, 0), { LS: 'E1', DECOM: '2005-12-30' }) },
  { code: '451', fail: (s) => set(ep(s, 1), { LS: 'D1' }), pass: (s) => set(ep(s, 0), { LS: 'D1' }) },
  // ---- sequences -------------------------------------------------------------------------------------
  { code: '142', fail: (s) => set(ep(s, 0), { DEC: null, REC: null }) },
  { code: '501', fail: (s) => set(ep(s, 0), { DEC: '2024-10-02' }) },
  { code: '357', fail: (s) => { only(s, { RNE: 'P' }); s.prev.episodes = []; }, pass: (s) => { only(s, { RNE: 'S' }); s.prev.episodes = []; } },
  { code: '380', fail: (s) => set(ep(s, 0), { PLACE: 'T0' }), pass: (s) => set(ep(s, 1), { PLACE: 'T0' }) },
  { code: '381', fail: (s) => { set(ep(s, 1), { PLACE: 'T1' }); ends(s, '2025-01-01', 'E4A'); }, pass: (s) => set(ep(s, 1), { PLACE: 'T1' }) },
  { code: '383', fail: (s) => temporary(s, { PL_POST: 'ZZ9 9ZZ' }), pass: (s) => temporary(s, {}) },
  { code: '388', fail: (s) => ends(s, '2025-01-01', 'X1') },
  { code: '390', base: 'adopted', fail: (s) => set(ep(s, 1), { PLACE: 'U4' }) },
  { code: '431', fail: (s) => set(ep(s, 1), { RNE: 'S' }), pass: (s) => { set(ep(s, 1), { RNE: 'S' }); set(ep(s, 0), { DEC: '2024-09-30', REC: 'E4A' }); } },
  { code: '432', fail: (s) => set(ep(s, 0), { REC: 'E4A' }), pass: (s) => { set(ep(s, 0), { REC: 'E4A' }); set(ep(s, 1), { RNE: 'S' }); } },
  { code: '433', fail: (s) => set(ep(s, 0), { DEC: '2024-09-30' }) },
  { code: '434', fail: (s) => set(ep(s, 1), { RNE: 'L' }), pass: (s) => { const e1 = ep(s, 0); set(ep(s, 1), { RNE: 'L', LS: 'C1', PLACE: e1.PLACE, PLACE_PROVIDER: e1.PLACE_PROVIDER, PL_POST: e1.PL_POST, URN: e1.URN }); } },
  // T is a placement change with the same carers: the same rule as P (the base child's move is a P).
  { code: '435', fail: (s) => set(ep(s, 1), { RNE: 'T', LS: 'C1' }), pass: (s) => set(ep(s, 1), { RNE: 'T' }) },
  { code: '436', fail: (s) => set(ep(s, 1), { RNE: 'B' }), pass: (s) => set(ep(s, 1), { RNE: 'B', LS: 'C1' }) },
  { code: '437', fail: (s) => set(ep(s, 0), { REC: 'E2' }), pass: (s) => ends(s, '2025-01-01', 'E2') },
  { code: '504', fail: (s) => set(ep(s, 1), { CIN: 'N2' }) },
  { code: '516', fail: (s) => { ends(s, '2025-01-01', 'E45'); set(ep(s, 1), { PLACE: 'K2' }); }, pass: (s) => ends(s, '2025-01-01', 'E45') },
  // ---- against last year's episodes --------------------------------------------------------------------
  { code: '502', fail: (s) => set(s.prev.episodes[0]!, { DECOM: '2023-08-01' }) },
  { code: '503A', fail: (s) => set(s.prev.episodes[0]!, { RNE: 'L' }) },
  { code: '503B', fail: (s) => set(s.prev.episodes[0]!, { LS: 'C1' }) },
  { code: '503C', fail: (s) => set(s.prev.episodes[0]!, { CIN: 'N2' }) },
  { code: '503D', fail: (s) => set(s.prev.episodes[0]!, { PLACE: 'U5' }) },
  { code: '503E', fail: (s) => set(s.prev.episodes[0]!, { PLACE_PROVIDER: 'PR2' }) },
  { code: '503F', fail: (s) => set(s.prev.episodes[0]!, { URN: 'SC999999' }) },
  { code: '562', fail: (s) => set(s.prev.episodes[0]!, { DECOM: '2023-08-01' }) },
  { code: 'NoE', fail: (s) => { s.prev.episodes = []; } },
  { code: '199', fail: (s) => s.prev.episodes.unshift(episode('C1', { DECOM: '2020-01-01', RNE: 'S', LS: 'E1', PLACE: 'A6', DEC: '2021-01-01', REC: 'E11' })),
    pass: (s) => s.prev.episodes.unshift(episode('C1', { DECOM: '2020-01-01', RNE: 'S', LS: 'C2', PLACE: 'U4', DEC: '2021-01-01', REC: 'E4A' })) },

  // ---- reviews --------------------------------------------------------------------------------------
  { code: '166', fail: (s) => set(s.t.reviews[0]!, { REVIEW: null }) },
  { code: '167', fail: (s) => set(s.t.reviews[0]!, { REVIEW_CODE: 'PN9' }) },
  { code: '440', fail: (s) => { set(hdr(s), { DOB: '2020-05-01' }); set(s.t.reviews[0]!, { REVIEW_CODE: 'PN0' }); }, pass: (s) => { set(hdr(s), { DOB: '2020-05-02' }); set(s.t.reviews[0]!, { REVIEW_CODE: 'PN0' }); } },
  { code: '441', fail: (s) => set(hdr(s), { DOB: '2020-05-02' }), pass: (s) => set(hdr(s), { DOB: '2020-05-01' }) },
  { code: '399', fail: (s) => allLs(s, 'V3'), pass: (s) => { allLs(s, 'V3'); set(hdr(s), { MOTHER: null }); s.t.reviews = []; } },

  // ---- missing ---------------------------------------------------------------------------------------
  { code: '1004', fail: (s) => set(miss(s), { MIS_START: '2024-11-31' }) },
  { code: '1005', fail: (s) => set(miss(s), { MIS_END: '2024-11-31' }) },
  { code: '1006', fail: (s) => set(miss(s), { MISSING: 'X' }) },
  { code: '564', fail: (s) => set(miss(s), { MIS_START: null }) },
  { code: '565', fail: (s) => set(miss(s), { MISSING: null }) },
  { code: '566', fail: (s) => set(miss(s), { MISSING: null }), pass: (s) => set(miss(s), { MISSING: null, MIS_END: null, MIS_START: null }) },
  { code: '567', fail: (s) => set(miss(s), { MIS_END: '2024-11-04' }), pass: (s) => set(miss(s), { MIS_END: '2024-11-05' }) },
  { code: '570', fail: (s) => set(miss(s), { MIS_START: '2025-04-01', MIS_END: null }), pass: (s) => set(miss(s), { MIS_START: '2025-03-31', MIS_END: null }) },
  { code: '571', fail: (s) => set(miss(s), { MIS_END: '2025-04-01' }), pass: (s) => set(miss(s), { MIS_END: '2025-03-31' }) },
  { code: '586', fail: (s) => set(hdr(s), { DOB: '2024-11-06' }), pass: (s) => set(hdr(s), { DOB: '2024-11-05' }) },
  { code: '574', fail: (s) => s.t.missing.push({ ...miss(s), MIS_START: '2024-11-05', MIS_END: '2024-11-07' }), pass: (s) => s.t.missing.push({ ...miss(s), MIS_START: '2024-11-06', MIS_END: '2024-11-07' }) },
  { code: '575', fail: (s) => set(miss(s), { MIS_START: '2024-09-15', MIS_END: null }), pass: (s) => set(miss(s), { MIS_END: null }) },
  { code: '577', fail: (s) => { ends(s, '2025-01-01', 'E8'); set(miss(s), { MIS_END: null }); }, pass: (s) => ends(s, '2025-01-01', 'E8') },
  { code: '578', fail: (s) => ends(s, '2024-11-04', 'E4A'), pass: (s) => ends(s, '2024-11-05', 'E4A') },
  { code: '581', fail: (s) => set(miss(s), { MIS_START: '2023-08-31' }), pass: (s) => set(miss(s), { MIS_START: '2023-09-01' }) },
  { code: '580', fail: (s) => ends(s, '2024-11-06', 'E4A'), pass: (s) => ends(s, '2024-11-06', 'E8') },
  { code: '576', fail: (s) => s.prev.missing.push({ CHILD: 'C1', DOB: '2010-06-15', MISSING: 'M', MIS_START: '2024-03-20', MIS_END: null }),
    pass: (s) => { s.prev.missing.push({ CHILD: 'C1', DOB: '2010-06-15', MISSING: 'M', MIS_START: '2024-03-20', MIS_END: null }); s.t.missing.push({ ...miss(s), MIS_START: '2024-03-20', MIS_END: '2024-04-02' }); } },

  // ---- UASC -----------------------------------------------------------------------------------------
  { code: '104', fail: (s) => uascRow(s, { DUC: '2028-02-30' }), pass: (s) => uascRow(s) },
  { code: '304', fail: (s) => uascRow(s, { DUC: '2028-06-16' }), pass: (s) => uascRow(s, { DUC: '2028-06-15' }) },
  { code: '205A', fail: (s) => s.prev.uasc.push({ CHILD: 'C1', SEX: '2', DOB: '2010-06-15', DUC: '2028-06-15' }), pass: (s) => s.prev.uasc.push({ CHILD: 'C1', SEX: '2', DOB: '2010-06-15', DUC: '2024-01-01' }) },
  { code: '205B', fail: (s) => { s.prev.uasc.push({ CHILD: 'C1', SEX: '2', DOB: '2010-06-15', DUC: '2028-06-15' }); uascRow(s, { DUC: '2028-06-16' }); },
    pass: (s) => { s.prev.uasc.push({ CHILD: 'C1', SEX: '2', DOB: '2010-06-15', DUC: '2028-06-15' }); uascRow(s); } },
  { code: '205D', fail: (s) => uascRow(s), pass: (s) => { uascRow(s); s.prev.uasc.push({ CHILD: 'C1', SEX: '2', DOB: '2010-06-15', DUC: '2028-06-15' }); } },
  { code: '1014', base: 'leaver', fail: (s) => uascRow(s, { DUC: '2024-01-10' }) },

  // ---- OC3 ------------------------------------------------------------------------------------------
  { code: '131', base: 'leaver', fail: (s) => set(oc3(s), { IN_TOUCH: 'MAYBE' }) },
  { code: '132', base: 'leaver', fail: (s) => set(oc3(s), { ACTIV: 'F3' }) },
  { code: '133', base: 'leaver', fail: (s) => set(oc3(s), { ACCOM: 'Q1' }) },
  { code: '153', base: 'leaver', fail: (s) => set(oc3(s), { ACCOM: null }), pass: (s) => set(oc3(s), { IN_TOUCH: 'DIED', ACTIV: null, ACCOM: null }) },
  { code: '344', base: 'leaver', fail: (s) => set(oc3(s), { IN_TOUCH: 'DIED' }), pass: (s) => set(oc3(s), { IN_TOUCH: 'DIED', ACTIV: null, ACCOM: null }) },
  { code: '345', base: 'leaver', fail: (s) => set(oc3(s), { ACTIV: '0' }), pass: (s) => set(oc3(s), { IN_TOUCH: 'NO', ACTIV: '0', ACCOM: '0' }) },
  { code: '3001', base: 'leaver', fail: (s) => { set(hdr(s), { DOB: '2007-06-01' }); set(oc3(s), { ACCOM: 'Z1' }); }, pass: (s) => set(oc3(s), { ACCOM: 'Z1' }) },
  { code: '347', base: 'leaver', fail: (s) => { set(hdr(s), { DOB: '2006-04-02' }); set(oc3(s), { ACCOM: 'T1' }); }, pass: (s) => { set(hdr(s), { DOB: '2006-04-01' }); set(oc3(s), { ACCOM: 'T1' }); } },
  { code: '391', base: 'leaver', fail: (s) => set(hdr(s), { DOB: '2008-06-01' }), pass: (s) => set(hdr(s), { DOB: '2008-03-31' }) },
  { code: '1000', base: 'leaver', fail: (s) => set(s.prev.episodes[0]!, { REC: 'E2' }) },
  { code: '1011', base: 'leaver', fail: (s) => set(s.prev.episodes[0]!, { REC: 'E3' }) },
  { code: '1001', base: 'leaver', fail: (s) => set(s.prev.episodes[0]!, { DECOM: '2023-10-12' }), pass: (s) => set(s.prev.episodes[0]!, { DECOM: '2023-10-11' }) },
  { code: '1002', base: 'leaver', fail: (s) => { s.prev.episodes = []; } },
  { code: '1010', base: 'leaver', fail: (s) => set(s.prev.episodes[0]!, { DEC: null, REC: null }) },
  { code: '1007', base: 'leaver', fail: (s) => stillLookedAfterAt17(s, '2024-07-01'), pass: (s) => stillLookedAfterAt17(s, '2024-06-01') },
  { code: '1016', base: 'leaver', fail: (s) => stillLookedAfterAt17(s, '2024-06-02'), pass: (s) => stillLookedAfterAt17(s, '2024-06-01') },
  { code: '1012', base: 'leaver', fail: (s) => s.t.reviews.push({ CHILD: 'C3', DOB: '2006-01-10', REVIEW: '2024-05-01', REVIEW_CODE: 'PN1' }) },
  { code: '134', base: 'leaver', fail: (s) => s.t.ad1.push({ CHILD: 'C3', DOB: '2006-01-10', DATE_INT: '2024-05-01', DATE_MATCH: null, FOSTER_CARE: null, NB_ADOPTR: null, SEX_ADOPTR: null, LS_ADOPTR: null }) },
  { code: '187', fail: (s) => s.t.oc3.push({ CHILD: 'C1', DOB: '2010-06-15', IN_TOUCH: 'YES', ACTIV: 'F1', ACCOM: 'S2' }) },
  { code: '215', base: 'leaver', fail: (s) => s.t.oc2.push({ CHILD: 'C3', DOB: '2006-01-10', SDQ_SCORE: null, SDQ_REASON: null, CONVICTED: null, HEALTH_CHECK: null, IMMUNISATIONS: '1', TEETH_CHECK: null, HEALTH_ASSESSMENT: null, SUBSTANCE_MISUSE: null, INTERVENTION_RECEIVED: null, INTERVENTION_OFFERED: null }),
    pass: (s) => s.t.oc2.push({ CHILD: 'C3', DOB: '2006-01-10', SDQ_SCORE: null, SDQ_REASON: null, CONVICTED: null, HEALTH_CHECK: null, IMMUNISATIONS: null, TEETH_CHECK: null, HEALTH_ASSESSMENT: null, SUBSTANCE_MISUSE: null, INTERVENTION_RECEIVED: null, INTERVENTION_OFFERED: null }) },

  // ---- OC2 ------------------------------------------------------------------------------------------
  { code: '180', fail: (s) => set(oc2(s), { SDQ_SCORE: '41' }), pass: (s) => set(oc2(s), { SDQ_SCORE: '40' }) },
  { code: '181', fail: (s) => set(oc2(s), { IMMUNISATIONS: '2' }) },
  { code: '182', fail: (s) => set(oc2(s), { TEETH_CHECK: null }) },
  { code: '185', fail: (s) => notTwelveMonths(s), pass: (s) => set(ep(s, 0), { DECOM: '2024-04-01' }) },
  { code: '186', fail: (s) => set(oc2(s), { SDQ_SCORE: null }), pass: (s) => set(oc2(s), { SDQ_SCORE: null, SDQ_REASON: 'SDQ2' }) },
  { code: '188', fail: (s) => set(hdr(s), { DOB: '2021-04-01' }), pass: (s) => set(hdr(s), { DOB: '2021-03-31' }) },
  { code: '189', fail: (s) => set(hdr(s), { DOB: '2007-04-01' }), pass: (s) => set(hdr(s), { DOB: '2007-04-02' }) },
  { code: '190', fail: (s) => notTwelveMonths(s) },
  { code: '191', fail: (s) => { s.t.oc2 = []; } },
  { code: '192', fail: (s) => set(oc2(s), { SUBSTANCE_MISUSE: '1' }), pass: (s) => set(oc2(s), { SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '1' }) },
  { code: '193', fail: (s) => set(oc2(s), { INTERVENTION_RECEIVED: '1' }) },
  { code: '158', fail: (s) => set(oc2(s), { SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '1', INTERVENTION_OFFERED: '1' }), pass: (s) => set(oc2(s), { SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '1' }) },
  { code: '159', fail: (s) => set(oc2(s), { SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '0' }), pass: (s) => set(oc2(s), { SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '0', INTERVENTION_OFFERED: '1' }) },
  { code: '196', fail: (s) => set(oc2(s), { SDQ_SCORE: null, SDQ_REASON: 'SDQ9' }) },
  { code: '197a', fail: (s) => set(oc2(s), { SDQ_REASON: 'SDQ2' }) },
  { code: '197B', fail: (s) => { set(hdr(s), { DOB: '2007-06-01' }); set(oc2(s), { SDQ_SCORE: null }); }, pass: (s) => { set(hdr(s), { DOB: '2007-06-01' }); set(oc2(s), { SDQ_SCORE: null, SDQ_REASON: 'SDQ1' }); } },
  { code: '198', fail: (s) => { notTwelveMonths(s); set(oc2(s), { SDQ_SCORE: null, SDQ_REASON: 'SDQ2' }); }, pass: (s) => set(oc2(s), { SDQ_SCORE: null, SDQ_REASON: 'SDQ2' }) },
  { code: '157', fail: (s) => set(oc2(s), { SDQ_SCORE: null, SDQ_REASON: 'SDQ1' }), pass: (s) => { set(hdr(s), { DOB: '2008-03-31' }); set(oc2(s), { SDQ_SCORE: null, SDQ_REASON: 'SDQ1' }); } },
  { code: '542', fail: (s) => set(hdr(s), { DOB: '2015-04-01' }), pass: (s) => set(hdr(s), { DOB: '2015-03-31' }) },
  { code: '543', fail: (s) => set(oc2(s), { CONVICTED: null }), pass: (s) => { set(hdr(s), { DOB: '2015-04-01' }); set(oc2(s), { CONVICTED: null }); } },
  { code: '544', fail: (s) => set(oc2(s), { IMMUNISATIONS: null }) },
  { code: '545', fail: (s) => set(hdr(s), { DOB: '2020-04-01' }), pass: (s) => { set(hdr(s), { DOB: '2020-04-01' }); set(oc2(s), { HEALTH_CHECK: '1' }); } },
  { code: '546', fail: (s) => set(oc2(s), { HEALTH_CHECK: '1' }), pass: (s) => { set(hdr(s), { DOB: '2020-04-01' }); set(oc2(s), { HEALTH_CHECK: '1' }); } },
  { code: '547', fail: (s) => set(oc2(s), { HEALTH_CHECK: '1', TEETH_CHECK: null }), pass: (s) => set(oc2(s), { HEALTH_CHECK: '1' }) },

  // ---- AD1 ------------------------------------------------------------------------------------------
  { code: '112', base: 'adopted', fail: (s) => set(ad1(s), { DATE_INT: '2024-02-30' }) },
  { code: '113', base: 'adopted', fail: (s) => set(ad1(s), { DATE_MATCH: '2024-02-30' }) },
  { code: '114', base: 'adopted', fail: (s) => set(ad1(s), { FOSTER_CARE: '2' }) },
  { code: '175', base: 'adopted', fail: (s) => set(ad1(s), { NB_ADOPTR: '3' }) },
  { code: '176', base: 'adopted', fail: (s) => set(ad1(s), { SEX_ADOPTR: 'XX' }) },
  { code: '177', base: 'adopted', fail: (s) => set(ad1(s), { LS_ADOPTR: 'L9' }) },
  { code: '151', base: 'adopted', fail: (s) => set(ad1(s), { LS_ADOPTR: null }) },
  { code: '511', base: 'adopted', fail: (s) => set(ad1(s), { SEX_ADOPTR: 'M1' }) },
  { code: '514', base: 'adopted', fail: (s) => set(ad1(s), { LS_ADOPTR: 'L0' }), pass: (s) => set(ad1(s), { LS_ADOPTR: 'L0', SEX_ADOPTR: 'F1', NB_ADOPTR: '1' }) },
  { code: '517', base: 'adopted', fail: (s) => set(ad1(s), { LS_ADOPTR: 'L3', SEX_ADOPTR: 'FF' }), pass: (s) => set(ad1(s), { LS_ADOPTR: 'L3' }) },
  { code: '518', base: 'adopted', fail: (s) => set(ad1(s), { LS_ADOPTR: 'L4' }), pass: (s) => set(ad1(s), { LS_ADOPTR: 'L4', SEX_ADOPTR: 'FF' }) },
  { code: '519', base: 'adopted', fail: (s) => set(ad1(s), { LS_ADOPTR: 'L2', SEX_ADOPTR: 'M1' }), pass: (s) => set(ad1(s), { LS_ADOPTR: 'L2', SEX_ADOPTR: 'MM' }) },
  { code: '520', base: 'adopted', fail: (s) => set(ad1(s), { SEX_ADOPTR: 'MM' }) },
  { code: '524', base: 'adopted', fail: (s) => set(ad1(s), { LS_ADOPTR: 'L12' }), pass: (s) => set(ad1(s), { LS_ADOPTR: 'L12', SEX_ADOPTR: 'FF' }) },
  { code: '333', base: 'adopted', fail: (s) => set(ad1(s), { DATE_INT: '2024-05-21' }), pass: (s) => set(ad1(s), { DATE_INT: '2024-05-20' }) },
  { code: '334', base: 'adopted', fail: (s) => set(ad1(s), { DATE_INT: '2023-05-31' }), pass: (s) => set(ad1(s), { DATE_INT: '2023-06-01' }) },
  { code: '331', base: 'adopted', fail: (s) => set(ad1(s), { DATE_MATCH: '2024-06-02' }), pass: (s) => set(ad1(s), { DATE_MATCH: '2024-06-01' }) },
  { code: '521', base: 'adopted', fail: (s) => set(ad1(s), { DATE_INT: '2024-06-02' }), pass: (s) => set(ad1(s), { DATE_INT: '2024-06-01' }) },
  { code: '335', base: 'adopted', fail: (s) => set(ad1(s), { FOSTER_CARE: '1' }) },
  { code: '336', fail: (s) => { set(ep(s, 0), { PLACE: 'K2' }); set(ep(s, 1), { PLACE: 'A5' }); }, pass: (s) => set(ep(s, 1), { PLACE: 'A5' }) },
  { code: '523', base: 'adopted', fail: (s) => set(ad1(s), { DATE_INT: '2024-04-16' }) },
  { code: '525', base: 'adopted', fail: (s) => set(placed(s), { DATE_PLACED_CEASED: '2024-12-01', REASON_PLACED_CEASED: 'RD1' }) },
  { code: '582', base: 'adopted', fail: (s) => set(ad1(s), { DATE_MATCH: '2025-02-01' }) },
  { code: '601', base: 'adopted', fail: (s) => { s.t.ad1 = []; } },
  { code: '602', fail: (s) => s.t.ad1.push({ CHILD: 'C1', DOB: '2010-06-15', DATE_INT: '2024-04-15', DATE_MATCH: '2024-05-20', FOSTER_CARE: '0', NB_ADOPTR: '2', SEX_ADOPTR: 'MF', LS_ADOPTR: 'L11' }) },
  // ---- PlacedAdoption --------------------------------------------------------------------------------
  { code: '115', base: 'adopted', fail: (s) => set(placed(s), { DATE_PLACED: '2024-04-31' }) },
  { code: '116', base: 'adopted', fail: (s) => set(placed(s), { DATE_PLACED_CEASED: '2024-04-31', REASON_PLACED_CEASED: 'RD1' }) },
  { code: '117', base: 'adopted', fail: (s) => set(placed(s), { DATE_PLACED_CEASED: '2025-02-02', REASON_PLACED_CEASED: 'RD1' }), pass: (s) => set(placed(s), { DATE_PLACED_CEASED: '2025-02-01', REASON_PLACED_CEASED: 'RD1' }) },
  { code: '118', base: 'adopted', fail: (s) => set(placed(s), { DATE_PLACED_CEASED: '2024-03-31', REASON_PLACED_CEASED: 'RD1' }), pass: (s) => set(placed(s), { DATE_PLACED_CEASED: '2024-04-01', REASON_PLACED_CEASED: 'RD1' }) },
  { code: '119', base: 'adopted', fail: (s) => set(placed(s), { DATE_PLACED_CEASED: '2024-12-01' }), pass: (s) => set(placed(s), { DATE_PLACED_CEASED: '2024-12-01', REASON_PLACED_CEASED: 'RD1' }) },
  { code: '120', base: 'adopted', fail: (s) => set(placed(s), { DATE_PLACED_CEASED: '2024-12-01', REASON_PLACED_CEASED: 'RD9' }) },
  { code: '184', base: 'adopted', fail: (s) => set(placed(s), { DATE_PLACED: '2019-01-19' }), pass: (s) => set(placed(s), { DATE_PLACED: '2019-01-20' }) },
  { code: '1003', base: 'adopted', fail: (s) => set(placed(s), { DATE_PLACED: '2023-05-31' }), pass: (s) => set(placed(s), { DATE_PLACED: '2023-06-01' }) },
  { code: '522', base: 'adopted', fail: (s) => set(placed(s), { DATE_PLACED_CEASED: '2024-04-14', REASON_PLACED_CEASED: 'RD1' }), pass: (s) => set(placed(s), { DATE_PLACED_CEASED: '2024-04-15', REASON_PLACED_CEASED: 'RD1' }) },
  { code: '563', base: 'adopted', fail: (s) => set(placed(s), { DATE_PLACED: null, DATE_PLACED_CEASED: '2024-12-01', REASON_PLACED_CEASED: 'RD1' }) },
  { code: '551', base: 'adopted', fail: (s) => { s.t.placed_for_adoption = []; } },
  { code: '553', base: 'adopted', fail: (s) => { s.t.placed_for_adoption = []; } },
  { code: '555', base: 'adopted', fail: (s) => { set(ep(s, 1), { LS: 'D1' }); s.t.placed_for_adoption = []; }, pass: (s) => set(ep(s, 1), { LS: 'D1' }) },
  { code: '552', base: 'adopted', fail: (s) => set(placed(s), { DATE_PLACED: '2024-06-02' }), pass: (s) => set(placed(s), { DATE_PLACED: '2024-06-01' }) },
  { code: '554', base: 'adopted', fail: (s) => set(placed(s), { DATE_PLACED: '2024-06-02' }), pass: (s) => set(placed(s), { DATE_PLACED: '2024-06-01' }) },
  { code: '556', base: 'adopted', fail: (s) => { set(ep(s, 1), { LS: 'D1' }); set(placed(s), { DATE_PLACED: '2024-06-02' }); }, pass: (s) => { set(ep(s, 1), { LS: 'D1' }); set(placed(s), { DATE_PLACED: '2024-06-01' }); } },
  { code: '557', base: 'adopted', fail: (s) => set(ep(s, 1), { REC: 'E4A' }), pass: (s) => { set(ep(s, 1), { REC: 'E4A' }); set(placed(s), { DATE_PLACED_CEASED: '2025-02-01', REASON_PLACED_CEASED: 'RD1' }); } },
  { code: '558', base: 'adopted', fail: (s) => set(placed(s), { DATE_PLACED_CEASED: '2024-12-01', REASON_PLACED_CEASED: 'RD1' }) },
  { code: '579', base: 'adopted', fail: (s) => s.t.placed_for_adoption.unshift({ ...placed(s), DATE_PLACED: '2024-04-01' }),
    pass: (s) => s.t.placed_for_adoption.unshift({ ...placed(s), DATE_PLACED: '2024-04-01', DATE_PLACED_CEASED: '2024-04-10', REASON_PLACED_CEASED: 'RD1' }) },
  { code: '583', base: 'adopted', fail: (s) => s.t.placed_for_adoption.unshift({ ...placed(s), DATE_PLACED: '2024-04-01' }),
    pass: (s) => s.t.placed_for_adoption.unshift({ ...placed(s), DATE_PLACED: '2024-04-01', DATE_PLACED_CEASED: '2024-04-10', REASON_PLACED_CEASED: 'RD1' }) },
  { code: '559', base: 'adopted', fail: (s) => set(placed(s), { DATE_PLACED: '2024-03-01' }), pass: (s) => { set(placed(s), { DATE_PLACED: '2024-03-01' }); s.prev.placed_for_adoption.push({ ...placed(s) }); } },
  { code: '560', base: 'adopted', fail: (s) => s.prev.placed_for_adoption.push({ ...placed(s), DATE_PLACED: '2024-03-01' }),
    pass: (s) => { set(placed(s), { DATE_PLACED: '2024-03-01' }); s.prev.placed_for_adoption.push({ ...placed(s) }); } },
  { code: '561', base: 'adopted', fail: (s) => { set(placed(s), { DATE_PLACED: '2024-03-01' }); s.prev.placed_for_adoption.push({ ...placed(s), DATE_PLACED_CEASED: '2024-03-20', REASON_PLACED_CEASED: 'RD1' }); },
    pass: (s) => { set(placed(s), { DATE_PLACED: '2024-03-01', DATE_PLACED_CEASED: '2024-03-20', REASON_PLACED_CEASED: 'RD1' }); s.prev.placed_for_adoption.push({ ...placed(s) }); } },
  { code: '584', base: 'adopted', fail: (s) => s.prev.placed_for_adoption.push({ ...placed(s), DATE_PLACED: '2024-01-01', DATE_PLACED_CEASED: '2024-04-15', REASON_PLACED_CEASED: 'RD1' }),
    pass: (s) => s.prev.placed_for_adoption.push({ ...placed(s), DATE_PLACED: '2024-01-01', DATE_PLACED_CEASED: '2024-04-14', REASON_PLACED_CEASED: 'RD1' }) },
  // ---- PrevPerm -------------------------------------------------------------------------------------
  { code: '630', fail: (s) => { only(s, { RNE: 'S' }); s.t.previous_permanence = []; }, pass: (s) => only(s, { RNE: 'S' }) },
  { code: '631', fail: (s) => set(s.t.previous_permanence[0]!, { PREV_PERM: 'P9' }) },
  { code: '632', fail: (s) => set(s.t.previous_permanence[0]!, { PREV_PERM: 'P1', DATE_PERM: '02/09/2023' }), pass: (s) => set(s.t.previous_permanence[0]!, { PREV_PERM: 'P1', DATE_PERM: 'zz/05/2020' }) },
  { code: '634', fail: (s) => { set(ep(s, 0), { DECOM: '2016-03-31' }); s.ctx.previous = null; }, pass: (s) => { set(ep(s, 0), { DECOM: '2016-04-01' }); s.ctx.previous = null; } },
  { code: '635', fail: (s) => set(s.t.previous_permanence[0]!, { LA_PERM: '123' }) },
];

const run = (code: string, base: BaseName | undefined, mutate?: (s: Scenario) => void) => {
  const s = scenario(base);
  mutate?.(s);
  return ssda903RuleByCode(code)!.check(s.child, s.ctx);
};

describe('SSDA903 rules (ssda903/rules-2024-25.csv)', () => {
  it.each(['lac', 'adopted', 'leaver'] as const)('the clean %s child passes every rule', (base) => {
    const s = scenario(base);
    expect(validateSsda903Child(s.child, s.ctx)).toEqual([]);
  });

  it('has a failing and a passing case for every implemented rule', () => {
    const tested = new Set(cases.map((c) => c.code));
    expect(ssda903Rules.map((r) => r.code).filter((c) => !tested.has(c))).toEqual([]);
    expect(cases.map((c) => c.code).filter((c, i, all) => all.indexOf(c) !== i)).toEqual([]);
  });

  describe.each(cases)('$code', ({ code, base, fail, pass }) => {
    it('fails', () => {
      const failures = run(code, base, fail);
      expect(failures.length).toBeGreaterThan(0);
      for (const f of failures) {
        expect(f.code).toBe(code);
        expect(f.fields.length).toBeGreaterThan(0);
      }
    });
    it('passes', () => {
      expect(run(code, base, pass)).toEqual([]);
    });
  });
});

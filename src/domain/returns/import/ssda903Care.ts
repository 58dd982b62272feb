import {
  careEndingOfRec,
  isSsda903Code,
  legalStatusOfCode,
  placementEndingOfReason,
  placementOfCodes,
  primaryNeedOfCin,
  ssda903CodeText,
} from '../ssda903/ssda903Codes';
import type { EpisodeRow, Ssda903TableName } from '../ssda903/ssda903Types';
import { dateProblem, type DayPhase, type ImportLine } from './importLine';

/**
 * A child's SSDA903 episodes as periods of care in Hearth's words (ssda903Import.ts reads the
 * rest of the return): the codes of each episode checked, the episodes checked to follow one
 * another, then each period of care, legal status and placement as the In care and Placements
 * pages record them, with the DfE's own codes kept in data.dfeCodes for the SSDA903 projection.
 */
export const ssda903File = (table: Ssda903TableName) => `${table}.csv`;

export function line(child: string, type: string, date: string, phase: DayPhase, table: Ssda903TableName, row: number, tag: string, data: Record<string, unknown>): ImportLine {
  return { child, type, date, phase, file: ssda903File(table), row, data: { ...data, imported: tag } };
}

export interface CareContext {
  tag: string;
  today: string;
  lines: ImportLine[];
  problem: (row: number, reason: string) => void;
}

const legalStatusChanges = new Set(['L', 'B', 'U']);
const placementChanges = new Set(['P', 'T', 'B', 'U']);
/** T and U: the placement changed, the carers did not (a foster placement becoming an adoptive one, say). */
const sameCarers = new Set(['T', 'U']);

/** One episode's codes checked: each in the DfE's set and one Hearth has words for. */
function episodeCodes(e: EpisodeRow, row: number, today: string, problem: (row: number, reason: string) => void) {
  const problems: string[] = [];
  const decom = dateProblem('DECOM', e.DECOM, today);
  if (decom) problems.push(`${decom}: an episode needs the date it began`);
  if (e.DEC !== null) {
    const dec = dateProblem('DEC', e.DEC, today);
    if (dec) problems.push(dec);
    else if (e.DECOM && e.DEC < e.DECOM) problems.push(`DEC ${e.DEC} is before DECOM ${e.DECOM}: an episode cannot end before it begins`);
  }
  if (!isSsda903Code('RNE', e.RNE)) problems.push(e.RNE === null ? 'RNE is missing: give the reason for the new episode (S, L, P, T, B or U)' : `RNE "${e.RNE}" is not S, L, P, T, B or U`);
  const legalStatus = e.LS === null ? null : legalStatusOfCode(e.LS);
  if (legalStatus === null) {
    problems.push(
      e.LS === null
        ? 'LS is missing: give the legal status'
        : isSsda903Code('LS', e.LS)
          ? `LS ${e.LS} (${ssda903CodeText('LS', e.LS)}) is a legal status Hearth does not record: freeing orders ended in 2005 (rules-2024-25.csv 445); give the status the child was under, such as E1`
          : `LS "${e.LS}" is not a DfE legal status code`,
    );
  }
  const placement = e.PLACE === null ? null : placementOfCodes(e.PLACE, e.PLACE_PROVIDER);
  if (placement === null) problems.push(e.PLACE === null ? 'PLACE is missing: give the placement type' : `PLACE "${e.PLACE}" is not a DfE placement type code`);
  if (e.PLACE_PROVIDER !== null && !isSsda903Code('PLACE_PROVIDER', e.PLACE_PROVIDER)) problems.push(`PLACE_PROVIDER "${e.PLACE_PROVIDER}" is not PR0-PR5`);
  const primaryNeed = e.CIN === null ? null : primaryNeedOfCin(e.CIN);
  if (e.CIN !== null && primaryNeed === null) problems.push(`CIN "${e.CIN}" is not a category of need N1-N8`);
  if (e.REC !== null && !isSsda903Code('REC', e.REC)) problems.push(`REC "${e.REC}" is not a DfE reason episode ceased code`);
  if (e.DEC !== null && e.REC === null) problems.push(`DEC ${e.DEC} has no REC: give the reason the episode ceased (X1 when the next episode follows the same day; rules-2024-25.csv 148)`);
  if (e.DEC === null && e.REC !== null) problems.push(`REC ${e.REC} has no DEC: give the date the episode ceased, or leave REC empty while it is open (rules-2024-25.csv 148)`);
  if (e.REASON_PLACE_CHANGE !== null && !placementEndingOfReason[e.REASON_PLACE_CHANGE]) problems.push(`REASON_PLACE_CHANGE "${e.REASON_PLACE_CHANGE}" is not a DfE reason for placement change code`);
  for (const p of problems) problem(row, p);
  if (problems.length > 0 || !placement || !legalStatus) return null;
  return { legalStatus, placement, primaryNeed };
}

/**
 * A child's episodes as periods of care. The first episode of a period starts it (cic.started and
 * its first placement); each later one changes the legal status, the placement, or both, on the day
 * the one before ceased (X1); an episode that ceases with any other reason ends the period (cic.ended).
 */
export function careLines(child: string, rows: { row: number; value: EpisodeRow }[], ctx: CareContext) {
  const checked = rows.map((r) => ({ ...r, codes: episodeCodes(r.value, r.row, ctx.today, ctx.problem) }));
  if (checked.some((c) => c.codes === null)) return;
  const episodes = checked.sort((a, b) => (a.value.DECOM as string).localeCompare(b.value.DECOM as string) || a.row - b.row) as { row: number; value: EpisodeRow & { DECOM: string }; codes: NonNullable<ReturnType<typeof episodeCodes>> }[];

  // The episodes must follow one another (rules-2024-25.csv 431, 432, 433, 502, 503).
  let ok = true;
  episodes.forEach((ep, i) => {
    const before = episodes[i - 1];
    const e = ep.value;
    if (!before) return;
    const b = before.value;
    const refuse = (reason: string) => {
      ctx.problem(ep.row, reason);
      ok = false;
    };
    if (b.DEC === null) return refuse(`the episode starting ${e.DECOM} overlaps the episode on row ${before.row}, which starts ${b.DECOM} and has not ceased (no DEC): give that episode its DEC and REC`);
    if (e.DECOM < b.DEC) return refuse(`the episode starting ${e.DECOM} overlaps the episode on row ${before.row} (${b.DECOM} to ${b.DEC}): episodes of care cannot overlap; correct DECOM or DEC`);
    if (b.REC === 'X1') {
      if (e.DECOM !== b.DEC) return refuse(`the episode on row ${before.row} ceased on ${b.DEC} with REC X1 (a new episode the same day), but this one starts ${e.DECOM}: start it on ${b.DEC}, or give the earlier one the reason care ended`);
      if (e.RNE === 'S') return refuse(`RNE S says the child started to be looked after on ${e.DECOM}, but the episode on row ${before.row} ceased with REC X1, carrying on the same period of care: give the change (L, P, T, B or U), or the reason care ended on row ${before.row}`);
    } else {
      if (e.RNE !== 'S') return refuse(`the episode on row ${before.row} ended care on ${b.DEC} (REC ${b.REC}), so this one starts a new period of care: its RNE must be S, not ${e.RNE}`);
      if (e.DECOM === b.DEC) return refuse(`RNE S starts a period of care on ${e.DECOM}, the day the episode on row ${before.row} ended care (REC ${b.REC}): if the child stayed looked after, that episode's REC is X1 (rules-2024-25.csv 431)`);
    }
  });
  const last = episodes.at(-1);
  if (last && last.value.REC === 'X1') {
    ctx.problem(last.row, `REC X1 says a new episode began on ${last.value.DEC}, but there is no later episode for the child: add it, or give the reason care ended`);
    ok = false;
  }
  if (!ok) return;

  // The child's lines are kept only if every episode reads as a change (434, below).
  const lines: ImportLine[] = [];
  let carer = '';
  let placementId = '';
  let placedForAdoption = false;
  episodes.forEach((ep, i) => {
    const e = ep.value;
    const before = episodes[i - 1];
    const push = (type: string, date: string, phase: DayPhase, data: Record<string, unknown>) => lines.push(line(child, type, date, phase, 'episodes', ep.row, ctx.tag, data));
    const dfeCodes = Object.fromEntries(Object.entries(e).filter(([k, v]) => k !== 'CHILD' && v !== null));
    const { placement } = ep.codes;
    const place = (move: boolean, sameCarersAsBefore: boolean) => {
      carer = sameCarersAsBefore ? carer : `${ssda903CodeText('PLACE', e.PLACE as string)} (from ${e.DECOM})`;
      placementId = `${ctx.tag}-${child}-${ep.row}`;
      push('cic.placement_started', e.DECOM, 'opens', {
        placementId,
        setting: placement.setting,
        carer,
        ...(e.PL_POST ? { postcode: e.PL_POST.toUpperCase() } : {}),
        ...(move ? { move: true } : {}),
        ...(placement.temporary ? { temporary: true } : {}),
        summary: `Placed, as the SSDA903 return recorded it: ${ssda903CodeText('PLACE', e.PLACE as string)}`,
        dfeCodes,
      });
    };
    const adoption = () => {
      if (!placement.adoption || placedForAdoption) return;
      placedForAdoption = true;
      push('adoption.placed', e.DECOM, 'opens', { withCurrentCarers: placement.adoption.withCurrentCarers, carer, summary: 'Placed for adoption, as the SSDA903 return recorded it', dfeCodes });
    };

    if (!before || before.value.REC !== 'X1') {
      // A period of care begins. The first episode in the return may carry on a period that began
      // before it (RNE other than S): Hearth's record of it starts with this episode.
      placedForAdoption = false;
      push('cic.started', e.DECOM, 'opens', {
        legalStatus: ep.codes.legalStatus,
        ...(ep.codes.primaryNeed ? { primaryNeed: ep.codes.primaryNeed } : {}),
        ...(e.RNE !== 'S' ? { begunBefore: true } : {}),
        reason: e.RNE === 'S' ? 'Looked after, as the SSDA903 return recorded it' : 'Looked after since before the earliest episode the SSDA903 return holds',
        dfeCodes,
      });
      place(false, false);
      adoption();
    } else {
      const b = before.value;
      const rne = e.RNE as string;
      const statusChanged = b.LS !== e.LS;
      const placeChanged = placementChanges.has(rne) || b.PLACE !== e.PLACE || b.PLACE_PROVIDER !== e.PLACE_PROVIDER || b.PL_POST !== e.PL_POST || b.URN !== e.URN;
      if (!statusChanged && !placeChanged) {
        ctx.problem(ep.row, `RNE ${rne} says ${legalStatusChanges.has(rne) ? 'the legal status changed' : 'something changed'} on ${e.DECOM}, but LS and the placement are as on row ${before.row}: correct RNE or the episode (rules-2024-25.csv 434)`);
        ok = false;
        return;
      }
      // With the same carers and now placed for adoption with them (A3, A5): the placement carries on.
      const adoptedInPlace = placeChanged && placement.adoption?.withCurrentCarers === true && sameCarers.has(rne);
      if (placeChanged && !adoptedInPlace) {
        const ending = b.REASON_PLACE_CHANGE ? placementEndingOfReason[b.REASON_PLACE_CHANGE] : undefined;
        push('cic.placement_ended', e.DECOM, 'opens', { placementId, ...(ending ? { reason: ending.ending } : {}), summary: 'Placement ended, as the SSDA903 return recorded it', dfeCodes: { REASON_PLACE_CHANGE: b.REASON_PLACE_CHANGE } });
      }
      if (statusChanged) push('cic.legal_status_changed', e.DECOM, 'opens', { legalStatus: ep.codes.legalStatus, summary: 'Legal status changed, as the SSDA903 return recorded it', dfeCodes });
      if (placeChanged && !adoptedInPlace) {
        // A later placement that is not for adoption ends a placement for adoption.
        if (!placement.adoption) placedForAdoption = false;
        place(true, sameCarers.has(rne));
      }
      if (placeChanged) adoption();
    }
    if (e.DEC !== null && e.REC !== 'X1') {
      push('cic.ended', e.DEC, 'closes', { reason: careEndingOfRec[e.REC as string] ?? 'other', summary: `Stopped being looked after, as the SSDA903 return recorded it: ${ssda903CodeText('REC', e.REC as string)}`, dfeCodes: { REC: e.REC } });
    }
  });
  if (ok) ctx.lines.push(...lines);
}


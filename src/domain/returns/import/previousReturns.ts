import { londonDate } from '../../calendar/localDate';
import { registrationLine, type ImportedChild } from './importedChild';
import { timed, type ImportLine, type ReturnProblem, type TimedLine } from './importLine';

/**
 * Both returns' lines brought together for each child, checked against what Hearth already holds
 * of them, with the children Hearth does not hold added first. Pure: what Hearth holds is passed in.
 */
export interface ReturnLines {
  lines: ImportLine[];
  children: ImportedChild[];
  problems: ReturnProblem[];
  warnings: ReturnProblem[];
  /** Children with a problem in the return: none of their lines goes further. */
  refused: ReadonlySet<string>;
  /** The tag its events carry ('ssda903-2025'): a return already imported for a child is not imported again. */
  tag: string;
}

/** What Hearth holds of a child the returns name, by their external id. */
export interface HeldChild {
  dateOfBirth: string | null;
  events: readonly { type: string; occurredAt: Date; data: Record<string, unknown> }[];
}

export interface ImportPlan {
  lines: TimedLine[];
  problems: ReturnProblem[];
  warnings: ReturnProblem[];
  /** The children the plan adds, by external id. */
  created: string[];
  /** Children with a problem: the event import need not check their lines. */
  refusedChildren: Set<string>;
}

export function planImport(returns: readonly ReturnLines[], held: ReadonlyMap<string, HeldChild>, options: { today: string; registerOn: string }): ImportPlan {
  const problems: ReturnProblem[] = returns.flatMap((r) => r.problems);
  const warnings: ReturnProblem[] = returns.flatMap((r) => r.warnings);
  const refusedChildren = new Set<string>(returns.flatMap((r) => [...r.refused]));
  const refuse = (child: string, at: { file: string; row: number }, reason: string) => {
    problems.push({ file: at.file, row: at.row, reason });
    refusedChildren.add(child);
  };

  // Each child once, from the return that identifies them first (SSDA903's header, then the census).
  const identities = new Map<string, ImportedChild>();
  const tagOf = new Map<string, string>();
  for (const r of returns) {
    for (const c of r.children) {
      const first = identities.get(c.child);
      if (!first) {
        identities.set(c.child, c);
        tagOf.set(c.child, r.tag);
      }
      else if (first.dateOfBirth && c.dateOfBirth && first.dateOfBirth !== c.dateOfBirth) {
        refuse(c.child, c, `${c.child}: the date of birth ${c.dateOfBirth} is not the ${first.dateOfBirth} of ${first.file} row ${first.row}: is it the same child? Correct the date of birth or the id`);
      } else if (c.disabilities.length > 0 && first.disabilities.length === 0) {
        identities.set(c.child, { ...first, disabilities: c.disabilities });
      }
    }
  }
  const linesOf = new Map<string, ImportLine[]>();
  for (const r of returns) for (const l of r.lines) linesOf.set(l.child, [...(linesOf.get(l.child) ?? []), l]);

  const all: ImportLine[] = [];
  const created: string[] = [];
  for (const [child, identity] of identities) {
    const lines = linesOf.get(child) ?? [];
    const existing = held.get(child);
    const who = `${child}`;
    if (existing) {
      if (existing.dateOfBirth && identity.dateOfBirth && existing.dateOfBirth !== identity.dateOfBirth) {
        refuse(child, identity, `${who}: Hearth's child with this id was born on ${existing.dateOfBirth}, the return says ${identity.dateOfBirth}: check the id, or correct the date of birth on one of them`);
      }
      let again = false;
      for (const r of returns) {
        const before = existing.events.find((e) => e.data.imported === r.tag);
        const first = lines.find((l) => l.data.imported === r.tag);
        if (before && first) {
          refuse(child, first, `${who}: the ${r.tag} return is already imported for this child (its events are on their record from ${londonDate(before.occurredAt)}): nothing is imported twice`);
          again = true;
        }
      }
      if (!again) for (const clash of careClashes(lines, existing.events)) refuse(child, clash.line, `${who}: the period of care from ${clash.line.date} overlaps the one Hearth holds from ${clash.from}${clash.to ? ` to ${clash.to}` : ', still open'}: leave it out of the return, or correct the dates`);
    } else {
      for (const reason of identity.toAdd) refuse(child, identity, reason);
      const dob = identity.dateOfBirth;
      for (const l of lines) if (dob && l.date < dob) refuse(child, l, `${who}: ${l.type} on ${l.date} is before the child's date of birth, ${dob}: correct the date, or the date of birth`);
      const first = lines.map((l) => l.date).sort()[0];
      // A child with no events in the returns (a care leaver's header row) is added on the day given, or their birth if later.
      const on = first ?? (dob && dob > options.registerOn ? dob : options.registerOn);
      if (!refusedChildren.has(child)) {
        all.push(registrationLine(identity, on > options.today ? options.today : on, tagOf.get(child) as string));
        created.push(child);
      }
    }
    all.push(...lines);
  }
  return { lines: timed(all.filter((l) => !refusedChildren.has(l.child))), problems, warnings, created, refusedChildren };
}

/** Imported periods of care that overlap one Hearth already holds. */
function careClashes(lines: readonly ImportLine[], events: HeldChild['events']) {
  const held: { from: string; to: string | null }[] = [];
  for (const e of [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())) {
    const on = londonDate(e.occurredAt);
    if (e.type === 'cic.started' && (held.length === 0 || held.at(-1)!.to !== null)) held.push({ from: on, to: null });
    if (e.type === 'cic.ended' && held.length > 0 && held.at(-1)!.to === null) held.at(-1)!.to = on;
  }
  const clashes: { line: ImportLine; from: string; to: string | null }[] = [];
  const sorted = [...lines].sort((a, b) => a.date.localeCompare(b.date));
  sorted.forEach((l) => {
    if (l.type !== 'cic.started') return;
    const end = sorted.find((e) => e.type === 'cic.ended' && e.date >= l.date)?.date ?? null;
    const clash = held.find((h) => (end === null || h.from <= end) && (h.to === null || l.date <= h.to));
    if (clash) clashes.push({ line: l, ...clash });
  });
  return clashes;
}

import type { RecordedEvent } from '../../domain/records/events';

export const placementTypes = ['cic.placement_started', 'cic.placement_ended', 'cic.ended'] as const;

/** A child's placement with a carer: from when, to when (null while it lasts). */
export interface CarerPlacement { childId: string; placementId: string; from: Date; to: Date | null }

/**
 * Each child's placements with these carers, from the children's placement events: named on the
 * placement by `carerId` (as the placement-start check records it), or linked to the carer's
 * record afterwards (`fostering.placement_linked`, for placements recorded before the register).
 */
export function placementsWithCarers(events: readonly RecordedEvent[], carerOf: (e: RecordedEvent) => string | null): Map<string, CarerPlacement[]> {
  const byCarer = new Map<string, CarerPlacement[]>();
  const open = new Map<string, { carerId: string | null; placement: CarerPlacement }>();
  const close = (childId: string, at: Date) => {
    const current = open.get(childId);
    if (current) current.placement.to = at;
    open.delete(childId);
  };
  for (const e of [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.seq - b.seq)) {
    if (e.type === 'cic.placement_started') {
      close(e.personId, e.occurredAt);
      const carerId = carerOf(e);
      const placement = { childId: e.personId, placementId: String(e.data.placementId ?? e.id), from: e.occurredAt, to: null };
      open.set(e.personId, { carerId, placement });
      if (carerId) byCarer.set(carerId, [...(byCarer.get(carerId) ?? []), placement]);
    } else close(e.personId, e.occurredAt);
  }
  return byCarer;
}


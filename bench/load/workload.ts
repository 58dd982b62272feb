import { randomUUID } from 'node:crypto';
import type { LoadAuthority, LoadChild } from './loadAuthority';
import type { Outcome, VirtualUser } from './virtualUser';

/**
 * The mixed workload of issue 9: read my work, open a child, search, record a visit, record a
 * case note. Weights are a working day's mix as we understand it: mostly reading.
 */
export const mix = [
  { kind: 'my work', weight: 25 },
  { kind: 'open a child', weight: 30 },
  { kind: 'search', weight: 20 },
  { kind: 'record a visit', weight: 10 },
  { kind: 'record a case note', weight: 15 },
] as const;

export type Kind = (typeof mix)[number]['kind'];

/** A small seeded generator, so that two runs send the same requests in the same order per user. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** Yesterday: what is recorded must have happened, whatever the time of day the test runs. */
function today() {
  const d = new Date(Date.now() - 86_400_000);
  return { day: String(d.getUTCDate()), month: String(d.getUTCMonth() + 1), year: String(d.getUTCFullYear()) };
}

/** The form of a case note, with a marker that the durability check looks for afterwards. */
export function caseNote(marker: string): Record<string, string> {
  const { day, month, year } = today();
  return {
    noteType: 'phone_call',
    'occurredOn-day': day,
    'occurredOn-month': month,
    'occurredOn-year': year,
    occurredTime: '09:15',
    present: 'The child’s mother',
    facts: `${marker}: spoke with mum about the week; school attendance improving, next visit agreed.`,
    opinions: '',
    childsWords: '',
  };
}

function visit(type: string): Record<string, string> {
  const { day, month, year } = today();
  return {
    type,
    shownFor: type,
    rule: type,
    'occurredOn-day': day,
    'occurredOn-month': month,
    'occurredOn-year': year,
    occurredTime: '10:30',
    summary: 'Seen at home and on their own; talked about school and friends.',
    // The questions some visits ask (a child protection visit: was the bedroom seen; seen alone).
    'data.bedroomSeen': 'yes',
    'data.seenAlone': 'yes',
  };
}

/** One request of the mix for this user, on one of their team's children. */
export async function act(user: VirtualUser, kind: Kind, random: () => number, authority: LoadAuthority, children: readonly LoadChild[], marker: () => string = () => `load-${randomUUID()}`): Promise<Outcome> {
  const child = pick(random, children);
  switch (kind) {
    case 'my work':
      return user.timed(kind, 'GET', '/');
    case 'open a child':
      return user.timed(kind, 'GET', `/people/${child.id}`);
    case 'search': {
      const name = pick(random, authority.surnames);
      return user.timed(kind, 'GET', `/people?q=${encodeURIComponent(name.slice(0, Math.max(3, Math.min(name.length, 5))))}`);
    }
    case 'record a visit': {
      const visited = children.filter((c) => c.visitType);
      if (visited.length === 0) return user.timed(kind, 'POST', `/people/${child.id}/case-record/notes`, { ...caseNote(marker()), noteType: 'home_visit' });
      const target = pick(random, visited);
      return user.timed(kind, 'POST', `/people/${target.id}/work/new`, visit(target.visitType as string));
    }
    case 'record a case note':
      return user.timed(kind, 'POST', `/people/${child.id}/case-record/notes`, caseNote(marker()));
  }
}

export function chooseKind(random: () => number): Kind {
  const total = mix.reduce((s, m) => s + m.weight, 0);
  let r = random() * total;
  for (const m of mix) {
    if ((r -= m.weight) < 0) return m.kind;
  }
  return mix[0].kind;
}

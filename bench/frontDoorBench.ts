import type { FastifyInstance } from 'fastify';
import { cliContext } from '../src/cli/cliContext';
import type { Services } from '../src/services';
import { Client } from '../test/support/testApp';
import { timeIt, type Timing } from './measure';
import type { FrontSheetCase } from './frontSheetBench';
import type { LoadedPerson } from './searchBench';

/** The front door and case record issue's pages, timed (no targets of their own: they are reported). */
export interface FrontDoorFigures {
  contactsAwaiting: number;
  queue: Timing;
  queueBytes: number;
  chronology: Timing;
  chronologyBytes: number;
  caseRecord: Timing;
  /** The workflow pages of issues 4 and 5 for the same child, each reading their whole record. */
  workflowPages: { label: string; timing: Timing }[];
}

/** A signed-in page timed: it must answer 200 with the text expected; the size of its HTML too. */
export async function timedPage(client: Client, url: string, expect: string, options: { warmUp: number; iterations: number }) {
  let bytes = 0;
  const timing = await timeIt(async () => {
    const response = await client.get(url);
    if (response.statusCode !== 200 || !response.body.includes(expect)) throw new Error(`GET ${url} answered ${response.statusCode}`);
    bytes = response.body.length;
  }, options);
  return { timing, bytes };
}

/**
 * The front door's queue with `awaiting` contacts waiting for a decision (each about one of the
 * loaded children, received over the last two days, imported as an old system's would be), and
 * the chronology and case record pages of the child with 1,000 events.
 */
export async function timeFrontDoor(s: Services, app: FastifyInstance, theCase: FrontSheetCase, loaded: readonly LoadedPerson[], awaiting: number, options: { warmUp: number; iterations: number }): Promise<FrontDoorFigures> {
  const children = loaded.filter((p) => p.kind === 'child').slice(0, awaiting);
  const now = Date.now();
  await s.people.importEvents(
    cliContext(),
    children.map((child, i) => ({
      personId: child.personId,
      type: 'contact.received',
      occurredAt: new Date(now - (i * 48 * 3_600_000) / children.length - 60_000),
      data: { source: 'marf', referrer: { name: 'Class teacher', relationship: 'Teacher' }, concerns: 'Bruising seen at school' },
    })),
  );
  const client = new Client(app);
  await client.signIn(theCase.worker.actor.username, theCase.worker.password);
  const queue = await timedPage(client, '/front-door', 'Awaiting a decision', options);
  const chronology = await timedPage(client, `/people/${theCase.child.id}/chronology`, 'Chronology', options);
  const caseRecord = await timedPage(client, `/people/${theCase.child.id}/case-record`, 'Case record', options);
  const pages = [
    ['Child and Family Assessment', 'assessment', 'Child and Family Assessment'],
    ['Case closure workflow', 'workflows/closure', 'Case closure'],
    ['Strategy discussion', 'strategy', 'Strategy discussion'],
    ['Section 47 enquiry', 'section-47', 'Section 47 enquiry'],
    ['Child protection conference', 'conference', 'Child protection conference'],
    ['Core groups', 'core-groups', 'Core groups'],
    ['Child in need plan', 'cin-plan', 'Child in need plan'],
    ['Safety plan', 'safety-plan', 'Safety plan'],
    ['In care', 'in-care', 'In care'],
    ['Reviews in care', 'reviews', 'Reviews in care'],
    ['Missing episodes', 'missing', 'Missing episodes'],
    ['Permanence', 'permanence', 'Permanence'],
    ['Care leaver', 'care-leaver', 'Care leaver'],
    ['Placements', 'placements', 'Placements'],
    ['Placement requests', 'placement-requests', 'Placement requests'],
    ['Care packages', 'care-packages', 'Care packages'],
    ['Family time', 'family-time', 'Family time'],
  ] as const;
  const workflowPages = [];
  for (const [label, path, expect] of pages) workflowPages.push({ label, timing: (await timedPage(client, `/people/${theCase.child.id}/${path}`, expect, options)).timing });
  return { contactsAwaiting: children.length, queue: queue.timing, queueBytes: queue.bytes, chronology: chronology.timing, chronologyBytes: chronology.bytes, caseRecord: caseRecord.timing, workflowPages };
}

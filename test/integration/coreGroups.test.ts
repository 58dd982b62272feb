import { beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../src/platform/errors';
import { engines, testDatabase } from '../support/testDatabase';
import { problemList as problems } from '../support/refusals';
import { allocatedCase, importEvent, world, type TestWorld } from '../factories';

const at = (occurredOn: string, occurredTime: string) => ({ occurredOn, occurredTime, problems: [] });

/**
 * Core groups of a plan made at an initial conference on Tuesday 15 December 2026 (practice-standards.txt,
 * Section 2: Core Group Meetings 8-16), over Christmas and New Year's bank holidays.
 */
describe.each(engines())('core group meetings on %s', (engine) => {
  let t: TestWorld;

  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, '2026-12-30T15:00:00Z');
  });

  const rule = async (personId: string, ruleId: string) => (await t.services.standards.forPerson(personId)).filter((r) => r.obligation.ruleId === ruleId).at(-1);
  const meeting = (chairId: string, extra: Record<string, unknown> = {}) => ({ chairId, attended: 'Mother, school DSL, health visitor', apologies: 'Police', progress: 'Safety plan kept; bedtime routine in place. Next: nursery place.', ...extra });

  it('takes the first meeting within 10 working days, chaired by a manager, and its record signed off by a manager within two weeks', async () => {
    const { worker, manager, child } = await allocatedCase(t.services);
    t.clock.set('2026-12-30T15:00:00Z');
    expect(await problems(t.services.coreGroups.record(worker, child.id, meeting(worker.actor.userId), at('2026-12-30', '10:00')))).toEqual([
      'progress: Core group meetings are held during a child protection plan: the child is not on one',
    ]);
    await importEvent(t.services, child.id, 'cp.conference_held', '2026-12-15T10:00:00Z', { kind: 'initial', planMade: true, category: 'neglect' });
    // 10 working days from Tuesday 15 December: Thursday 31 December, Christmas Day and the substitute Boxing Day not counted.
    expect((await rule(child.id, 'cp.first-core-group'))?.obligation.dueDate).toBe('2026-12-31');
    expect(await problems(t.services.coreGroups.record(worker, child.id, meeting(worker.actor.userId), at('2026-12-30', '10:00')))).toEqual([
      'chairId: The first core group meeting of a plan is chaired by a manager: choose the manager who chaired it',
    ]);
    expect(await problems(t.services.coreGroups.record(worker, child.id, meeting('nobody', { progress: '' }), at('2026-12-30', '10:00')))).toEqual([
      'progress: Enter the progress against the safety plan, its amendments and next steps',
    ]);
    await t.services.coreGroups.record(worker, child.id, meeting(manager.actor.userId), at('2026-12-30', '10:00'));
    expect((await rule(child.id, 'cp.first-core-group'))?.state).toBe('met');

    // Signed off on Thursday 14 January: a day past the two weeks; only a manager of the team may.
    t.clock.set('2027-01-14T10:00:00Z');
    await expect(t.services.coreGroups.signOff(worker, child.id)).rejects.toBeInstanceOf(ForbiddenError);
    await t.services.coreGroups.signOff(manager, child.id);
    expect((await rule(child.id, 'cp.core-group-record'))?.state).toBe('met_late');
    expect(await problems(t.services.coreGroups.signOff(manager, child.id))).toEqual(['signOff: No core group record is waiting to be signed off']);

    // Later meetings may be chaired by the worker; the last again by a manager.
    t.clock.set('2027-02-05T15:00:00Z');
    await t.services.coreGroups.record(worker, child.id, meeting(worker.actor.userId), at('2027-02-05', '10:00'));
    expect(await problems(t.services.coreGroups.record(worker, child.id, meeting(worker.actor.userId, { last: 'yes' }), at('2027-02-05', '14:00')))).toEqual([
      'chairId: The last core group meeting of a plan is chaired by a manager: choose the manager who chaired it',
    ]);
    const view = await t.services.coreGroups.view(manager, child.id);
    expect(view.meetings.map((m) => [m.chairWasManager, m.signedOff !== null])).toEqual([
      [true, true],
      [false, false],
    ]);
    expect(view.may.signOff).toBe(true);
  });
});

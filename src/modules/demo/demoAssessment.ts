import { addDays, londonDate } from '../../domain/calendar/localDate';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Services } from '../../services';

/**
 * Tyrese Brown's Child and Family Assessment, written by Sam Patel as a draft and sent for sign-off
 * yesterday: it waits on Tom Reilly's My work (the assistant team manager of the team), with its
 * danger statement, safety goal and scaling over two weeks (practice-standards.txt, Section 2:
 * Child and Family Assessment 2 and 8; Safety Planning 1).
 */
export async function assessmentAwaitingSignOff(s: Services, worker: RequestContext, childId: string, setClock: (at: Date) => void, at: (daysAgo: number, hour?: number) => Date) {
  setClock(at(1, 15));
  const today = londonDate(at(1, 15));
  const { draft, data } = await s.assessment.draft(worker, childId);
  const written = {
    ...data,
    dangerStatements: [
      'Social workers are worried that Tyrese (13) is out late at night with older young men his mother does not know, and could be drawn into carrying drugs or be hurt, as happened to his cousin last year.',
    ],
    safetyGoals: ['Tyrese will be home by 9pm on school nights, and his mother will know where he is and who he is with when he is out.'],
    scaling: [
      { person: 'Social worker', score: 3, on: addDays(today, -10), reason: 'Tyrese missing until 2am twice in a week; no plan in place.' },
      { person: 'Denise (mother)', score: 5, on: addDays(today, -10), reason: 'She thinks he is just being a teenager but is worried about the new friends.' },
      { person: 'Social worker', score: 5, on: addDays(today, -2), reason: 'Curfew agreed and kept for a week; school attendance up.' },
      { person: 'Denise (mother)', score: 7, on: addDays(today, -2), reason: 'He has been home every night and has joined the youth club.' },
    ],
    worries: 'Late nights with older young men; a new phone he will not explain; a drop in school attendance.',
    workingWell: 'A warm relationship with his mother; he enjoys football and has joined the youth club.',
    childsViews: 'Tyrese: "They are my mates. I don\'t want Mum worrying, I\'ll tell her where I am."',
    analysis: 'Early signs of criminal exploitation with a protective, engaged mother. Risk is reducing with the safety plan; he needs support outside the home to keep it that way.',
    sharedWithFamily: 'yes' as const,
    familyComments: 'Denise agrees with the plan and asked for help finding a mentor.',
    recommendation: 'child_in_need',
  };
  await s.assessment.saveDraft(worker, draft.id, written);
  await s.assessment.submit(worker, childId, written);
}

/**
 * The Ahmed family's assessment, allocated 20 days ago: Tom Reilly, who holds it, asked
 * yesterday for an extension (day 19, in time: Child and Family Assessment 7). The team has no
 * team manager of its own, so it waits on the service manager Marcus Bell's My work.
 */
export async function extensionAwaitingDecision(s: Services, worker: RequestContext, childId: string, setClock: (at: Date) => void, at: (daysAgo: number, hour?: number) => Date) {
  setClock(at(1, 11));
  await s.assessment.requestExtension(worker, childId, {
    reason: 'The family speak Somali and the interpreter could only come next week; the school nurse and the GP have not yet replied to the agency checks.',
  });
}

import { describe, expect, it } from 'vitest';
import { approvedCarerState, carerState, inForce, missingViews, reviewsAwaitingPanel, vacanciesOf } from './carerState';

let n = 0;
const ev = (type: string, on: string, data: Record<string, unknown> = {}) => ({ id: `e${++n}`, type, occurredAt: new Date(`${on}T10:00:00Z`), recordedByName: 'Rebecca Lewis', data });
const terms = { children: 2, ageFrom: 0, ageTo: 10, gender: 'any', careTypes: ['short_term'] };
const approved = ev('fostering.carer_approved', '2025-04-18', { terms, approvalKind: 'mainstream', decisionOn: '2025-04-18', summary: 'Approved' });

describe("an approved foster carer's state (Family Placement 17-42)", () => {
  it('is null before approval and after the approval ends', () => {
    expect(carerState([ev('fostering.supervising_visit', '2025-01-02')])).toBeNull();
    const ended = [approved, ev('fostering.approval_ended', '2026-12-28', { reason: 'resigned', summary: 'Retired' })];
    expect(carerState(ended)?.ended?.reason).toBe('resigned');
    expect(approvedCarerState(ended, new Date('2027-01-04T10:00:00Z'))).toBeNull();
    expect(approvedCarerState([approved], new Date('2026-04-03T10:00:00Z'))?.terms.children).toBe(2);
  });

  it('keeps visits, marking the unannounced ones', () => {
    const s = carerState([approved, ev('fostering.supervising_visit', '2026-04-03', { unannounced: true, summary: 'Good Friday, unannounced' }), ev('fostering.supervising_visit', '2026-05-04')])!;
    expect(s.visits.map((v) => v.unannounced)).toEqual([true, false]);
  });

  it('asks for the children’s views only when a child was placed, and a review clears views, report and concerns', () => {
    const before = carerState([approved, ev('fostering.review_views_received', '2026-03-01', { source: 'carers', views: 'We enjoy it' }), ev('fostering.review_required', '2026-03-02', { reason: 'allegation', summary: 'A review is needed after an allegation (LADO)' })])!;
    expect(missingViews(before, 0)).toEqual(['household', 'ssw']);
    expect(missingViews(before, 1)).toEqual(['household', 'ssw', 'children', 'childrens_social_workers', 'childrens_iros']);
    expect(before.reviewRequired).toHaveLength(1);
    const after = carerState([approved, ev('fostering.review_views_received', '2026-03-01', { source: 'carers' }), ev('fostering.review_required', '2026-03-02', { reason: 'allegation' }), ev('fostering.report_shared', '2026-03-20'), ev('fostering.carer_reviewed', '2026-04-07', { recommendation: 'continue' })])!;
    expect(after.reviewRequired).toEqual([]);
    expect(after.views.size).toBe(0);
    expect(after.reportSharedAt).toBeNull();
    // The first review, and one after an allegation, go to the Fostering Panel (Family Placement 32-33).
    expect(after.reviews[0]).toMatchObject({ first: true, afterConcern: true, panelReason: 'it follows a concern, complaint or allegation' });
    expect(reviewsAwaitingPanel(after)).toHaveLength(1);
  });

  it('sends the first review to panel, not the second unless the terms change; the panel’s recommendation waits for the decision maker', () => {
    const first = ev('fostering.carer_reviewed', '2026-04-07', { recommendation: 'continue' });
    const panel = ev('fostering.panel_considered', '2026-05-05', { about: 'carer_review', reviewId: first.id, recommendation: 'continue', carersInvited: true });
    const second = ev('fostering.carer_reviewed', '2027-04-06', { recommendation: 'continue' });
    const s = carerState([approved, first, panel, second])!;
    expect(s.reviews.map((r) => [r.first, r.panelReason, r.panelAt !== null])).toEqual([[true, "it is the carer's first review", true], [false, null, false]]);
    expect(reviewsAwaitingPanel(s)).toEqual([]);

    const third = ev('fostering.carer_reviewed', '2027-05-04', { recommendation: 'change_terms', proposedTerms: { ...terms, children: 3 } });
    const recommend = ev('fostering.panel_considered', '2027-05-25', { about: 'carer_review', reviewId: third.id, recommendation: 'change_terms', terms: { ...terms, children: 3 }, carersInvited: true });
    const waiting = carerState([approved, first, panel, second, third, recommend])!;
    expect(waiting.awaitingDecision?.terms?.children).toBe(3);
    const decided = carerState([approved, first, panel, second, third, recommend, ev('fostering.terms_changed', '2027-06-01', { terms: { ...terms, children: 3 }, reason: 'Agreed', decisionOn: '2027-06-01' })])!;
    expect(decided.awaitingDecision).toBeNull();
    expect(decided.terms.children).toBe(3);
    expect(decided.termsHistory.map((t) => t.terms.children)).toEqual([2, 3]);
  });

  it('leaves out a new application’s panel (a carer who resigned and applied again): it is not a decision the carer awaits', () => {
    const resigned = ev('fostering.approval_ended', '2026-06-01', { reason: 'resigned' });
    const applicationPanel = ev('fostering.panel_considered', '2026-12-29', { about: 'application', recommendation: 'approve', terms, attended: true });
    const s = carerState([approved, resigned, applicationPanel])!;
    expect(s.panels).toEqual([]);
    expect(s.awaitingDecision).toBeNull();
  });

  it('counts vacancies as the terms less the children placed, never below none', () => {
    expect(vacanciesOf({ children: 2, ageFrom: 0, ageTo: 10, gender: 'any', careTypes: ['short_term'] }, 1)).toBe(1);
    expect(vacanciesOf({ children: 1, ageFrom: 0, ageTo: 10, gender: 'any', careTypes: ['short_term'] }, 2)).toBe(0);
  });

  it("a connected person's temporary approval ends after 16 weeks, or after its one extension (reg 24-25)", () => {
    const temporary = ev('fostering.carer_approved', '2026-03-02', { terms: { ...terms, careTypes: ['family_and_friends'], namedChildIds: ['c1'] }, approvalKind: 'temporary_connected_person', decisionOn: '2026-03-02', until: '2026-06-22', summary: 'Temporary' });
    const s = carerState([temporary])!;
    expect(s.temporaryUntil).toBe('2026-06-22');
    expect(inForce(s, new Date('2026-06-22T20:00:00Z'))).toBe(true);
    expect(approvedCarerState([temporary], new Date('2026-06-23T09:00:00Z'))).toBeNull();
    // Without `until` recorded: 16 weeks from the decision.
    const noUntil = { ...temporary, id: 'e-nountil', data: { ...temporary.data, until: undefined } };
    expect(carerState([noUntil])!.temporaryUntil).toBe('2026-06-22');
    const extended = [temporary, ev('fostering.temporary_approval_extended', '2026-06-15', { until: '2026-08-17', reason: 'Assessment not finished' })];
    expect(approvedCarerState(extended, new Date('2026-08-17T10:00:00Z'))?.temporaryUntil).toBe('2026-08-17');
    expect(approvedCarerState(extended, new Date('2026-08-18T10:00:00Z'))).toBeNull();
    // A full approval does not lapse.
    expect(approvedCarerState([approved], new Date('2030-01-01T10:00:00Z'))).not.toBeNull();
  });

  it("clears the panel's recommendation when the agency decision maker does not agree (Family Placement 15-16)", () => {
    const panel = ev('fostering.panel_considered', '2026-05-05', { about: 'change_of_terms', recommendation: 'terminate', carersInvited: true });
    expect(carerState([approved, panel])!.awaitingDecision?.id).toBe(panel.id);
    const notAgreed = ev('fostering.terms_decision', '2026-05-26', { panelId: panel.id, recommendation: 'terminate', agreed: false, reason: 'Support first' });
    const s = carerState([approved, panel, notAgreed])!;
    expect(s.awaitingDecision).toBeNull();
    expect(s.ended).toBeNull();
  });

  it('reads events in the order they happened, not the order they were recorded', () => {
    // A visit recorded late, after the review it came before: the review still clears the concern raised before it.
    const concern = ev('fostering.review_required', '2026-03-02', { reason: 'complaint' });
    const review = ev('fostering.carer_reviewed', '2026-04-07', { recommendation: 'continue' });
    const lateVisit = ev('fostering.supervising_visit', '2026-03-31', { summary: 'Recorded late' });
    const changed = ev('fostering.terms_changed', '2026-05-04', { terms: { ...terms, children: 3 }, reason: 'More room' });
    const s = carerState([approved, review, changed, concern, lateVisit])!;
    expect(s.reviewRequired).toEqual([]);
    expect(s.visits.map((v) => v.summary)).toEqual(['Recorded late']);
    expect(s.terms.children).toBe(3);
    // The same moment keeps the recorded order.
    const a = ev('fostering.terms_changed', '2026-06-01', { terms: { ...terms, children: 4 }, reason: 'a' });
    const b = ev('fostering.terms_changed', '2026-06-01', { terms: { ...terms, children: 1 }, reason: 'b' });
    expect(carerState([approved, a, b])!.terms.children).toBe(1);
  });

  it('ties an exemption to the terms in force when it was agreed', () => {
    const changed = ev('fostering.terms_changed', '2026-05-04', { terms: { ...terms, children: 3 }, reason: 'More room' });
    const exemption = ev('fostering.terms_exemption_agreed', '2026-05-26', { childId: 'k', childName: 'K', outside: ['age'], reason: 'Sibling' });
    expect(carerState([approved, changed, exemption])!.exemptions[0]!.termsAt).toEqual(changed.occurredAt);
  });

  it('keeps a qualifying determination until the decision is made (Family Placement 16 footnote 4)', () => {
    const panel = ev('fostering.panel_considered', '2026-12-28', { about: 'termination', recommendation: 'terminate', carersInvited: true });
    const qd = ev('fostering.carer_qualifying_determination', '2026-12-29', { panelId: panel.id, recommendation: 'terminate', respondBy: '2027-01-26' });
    const pending = carerState([approved, panel, qd])!;
    expect(pending.qualifying).toMatchObject({ panelId: panel.id, respondBy: '2027-01-26' });
    expect(pending.awaitingDecision?.id).toBe(panel.id);
    expect(pending.ended).toBeNull();
    const decided = carerState([approved, panel, qd, ev('fostering.terms_decision', '2027-01-27', { panelId: panel.id, agreed: true }), ev('fostering.approval_ended', '2027-01-27', { reason: 'terminated' })])!;
    expect(decided.qualifying).toBeNull();
    expect(decided.ended?.reason).toBe('terminated');
  });
});

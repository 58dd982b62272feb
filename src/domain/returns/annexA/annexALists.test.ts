import { describe, expect, it } from 'vitest';
import { annexALists } from './annexALists';
import { child, context, dayBefore, ev, lastDay, range, rowsOf } from './annexATestKit';
import type { ReturnSubject } from '../subject';

const listOf = (n: number, subjects: ReturnSubject[]) => annexALists(subjects, range, context)[n - 1]!;
const rows = (n: number, subjects: ReturnSubject[]) => rowsOf(listOf(n, subjects));

const allocated = ev('child.allocated', '2025-01-01', { teamId: 't1', teamName: 'Old team name', workerId: 'w1', workerName: 'Old worker name' });

describe('annexALists', () => {
  it('gives lists 1 to 11 with their headings, each starting with the child', () => {
    const lists = annexALists([], range, context);
    expect(lists.map((l) => l.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const list of lists.slice(0, 9)) expect(list.headings.slice(0, 5)).toEqual(['Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age of Child (Years)']);
    expect(lists[7]!.headings).toContain('Placement Type');
  });

  it('refuses a range that ends before it starts', () => {
    expect(() => annexALists([], { from: '2026-01-02', to: '2026-01-01' }, context)).toThrow(/starts/);
  });

  it('list 1: a contact on the last day is listed, one the day before the range is not', () => {
    const subject = child('C1', [
      ev('contact.received', dayBefore, { contactId: 'k1', source: 'family' }),
      ev('contact.received', lastDay, { contactId: 'k2', source: 'marf', referrer: { organisation: 'Riverside Primary School' } }),
    ]);
    expect(listOf(1, [subject]).rows).toEqual([['C1', 'b) Female', 'a) WBRI', '01/06/2015', '10', '31/03/2026', '2A: Schools']]);
  });

  it('list 1: contact sources are the census codes: the agency chosen at the front door, else the route and the organisation named', () => {
    const sources = (data: Record<string, unknown>) => rows(1, [child('C1', [ev('contact.received', '2025-05-01', data)])])[0]!['Contact Source'];
    expect(sources({ source: 'professional_call', referrer: { organisation: 'Thames Valley Police' } })).toBe('6: Police');
    expect(sources({ source: 'young_person' })).toBe('1C: Individual – self');
    // A MARF comes from a professional: with no organisation named it is still another agency (cinCodes.ts referralSourceOf).
    expect(sources({ source: 'marf', referrer: { organisation: '' } })).toMatch(/^8: Other/);
    expect(sources({ source: 'marf', referrerAgency: 'health_visitor', referrer: { organisation: 'Riverside Surgery' } })).toBe('3B: Health services – health visitor');
    expect(sources({ source: 'marf', referrer: { organisation: "Barnardo's" } })).toMatch(/^8: Other/);
  });

  it('list 2: an Early Help Assessment completed the day before is not listed; one started on the last day is', () => {
    const subject = child('C2', [
      ev('early_help.received', '2025-03-01'),
      ev('early_help.allocated', '2025-03-05', { leadProfessional: 'early_help' }),
      ev('early_help.assessment_completed', dayBefore),
      ev('early_help.closed', '2025-04-20', { outcome: 'ended' }),
      ev('early_help.received', '2026-03-20'),
      ev('early_help.allocated', lastDay, { leadProfessional: 'early_help' }),
    ]);
    expect(rows(2, [subject])).toEqual([
      expect.objectContaining({ 'Assessment start date': '31/03/2026', 'Assessment completion date': '', 'Organisation completing assessment': 'Early Help service' }),
    ]);
  });

  it('list 3: referrals are contacts decided for assessment or a strategy discussion, in the range', () => {
    const subject = child('C3', [
      allocated,
      ev('contact.received', dayBefore, { contactId: 'k1', source: 'family' }),
      ev('threshold.decided', dayBefore, { contactId: 'k1', outcome: 'assessment' }),
      ev('contact.received', '2025-06-01', { contactId: 'k2', source: 'public' }),
      ev('threshold.decided', '2025-06-02', { contactId: 'k2', outcome: 'no_further_action' }),
      ev('contact.received', lastDay, { contactId: 'k3', source: 'professional_call', referrer: { organisation: 'Health visiting service' } }),
      ev('threshold.decided', lastDay, { contactId: 'k3', outcome: 'strategy_discussion' }),
    ]);
    expect(rows(3, [subject])).toEqual([
      {
        'Child Unique ID': 'C3',
        Gender: 'b) Female',
        Ethnicity: 'a) WBRI',
        'Date of Birth': '01/06/2015',
        'Age of Child (Years)': '10',
        'Date of referral': '31/03/2026',
        'Referral Source': '3B: Health services – health visitor',
        'Referral NFA?': 'b) No',
        'Number of Referrals in Last 12 Months': '1',
        'Allocated Team': 'Assessment Team North',
        'Allocated Worker': 'Sam Okafor',
      },
    ]);
  });

  it('list 3: a referral closed with no assessment or enquiry is NFA, and earlier referrals in the year are counted', () => {
    const subject = child('C3', [
      ev('contact.received', '2025-05-01', { contactId: 'k1', source: 'family' }),
      ev('threshold.decided', '2025-05-01', { contactId: 'k1', outcome: 'assessment' }),
      ev('assessment.allocated', '2025-05-02'),
      ev('closure.completed', '2025-06-01'),
      ev('contact.received', '2025-09-01', { contactId: 'k2', source: 'family' }),
      ev('threshold.decided', '2025-09-01', { contactId: 'k2', outcome: 'assessment' }),
      ev('closure.completed', '2025-09-05'),
    ]);
    expect(rows(3, [subject]).map((r) => [r['Referral NFA?'], r['Number of Referrals in Last 12 Months']])).toEqual([
      ['b) No', '1'],
      ['a) Yes', '2'],
    ]);
  });

  it('list 4: an assessment authorised the day before is not listed; one started on the last day is', () => {
    const subject = child(
      'C4',
      [
        allocated,
        ev('assessment.allocated', '2025-02-01', { workerId: 'w1' }),
        ev('assessment.completed', dayBefore, { outcome: 'child_in_need', primaryNeed: 'abuse_or_neglect' }),
        ev('assessment.allocated', `${lastDay}T09:00:00Z`, { workerId: 'w1' }),
        ev('assessment.child_seen', `${lastDay}T15:00:00Z`, { seenAlone: true }),
      ],
      { disabilities: ['AUT'] },
    );
    expect(rows(4, [subject])).toEqual([
      expect.objectContaining({
        'Does the Child have a Disability': 'a) Yes',
        'Continuous Assessment Start Date': '31/03/2026',
        'Child Seen During Continuous Assessment': 'a) Yes',
        'Continuous Assessment Date of Authorisation': '',
        "Was the child assessed as requiring LA children's social care support?": '',
        'Allocated Worker': 'Sam Okafor',
      }),
    ]);
  });

  it('list 4: the outcome at sign-off says whether the child needs social care support', () => {
    const subject = child('C4', [ev('assessment.allocated', '2025-05-01'), ev('assessment.completed', '2025-06-01', { outcome: 'close' })]);
    expect(rows(4, [subject])[0]).toMatchObject({ 'Child Seen During Continuous Assessment': 'b) No', 'Continuous Assessment Date of Authorisation': '01/06/2025', "Was the child assessed as requiring LA children's social care support?": 'b) No' });
  });

  it('list 5: an enquiry ended the day before is not listed; one begun on the last day is', () => {
    const subject = child('C5', [
      ev('strategy.discussion_held', '2025-03-20', { section47ThresholdMet: true }),
      ev('s47.started', '2025-03-20'),
      ev('s47.completed', dayBefore, { outcome: 'no_further_action' }),
      ev('strategy.discussion_held', lastDay, { section47ThresholdMet: true }),
      ev('s47.started', lastDay),
    ]);
    expect(rows(5, [subject])).toEqual([
      expect.objectContaining({
        'Strategy discussion initiating Section 47 Enquiry Start Date': '31/03/2026',
        'Was an Initial Child Protection Conference deemed unnecessary?': '',
        'Date of Initial Child Protection Conference': '',
        'Number of Section 47 Enquiries in the last 12 months': '1',
        'Number of ICPCs in the last 12 months': '0',
      }),
    ]);
  });

  it('list 5: the initial conference that follows an enquiry, and whether it made a plan', () => {
    const subject = child('C5', [
      ev('strategy.discussion_held', '2025-06-02', { section47ThresholdMet: true }),
      ev('s47.started', '2025-06-03'),
      ev('s47.completed', '2025-06-10', { outcome: 'initial_conference' }),
      ev('cp.conference_held', '2025-06-24', { kind: 'initial', planMade: true, category: 'neglect' }),
    ]);
    expect(rows(5, [subject])[0]).toMatchObject({
      'Strategy discussion initiating Section 47 Enquiry Start Date': '02/06/2025',
      'Was an Initial Child Protection Conference deemed unnecessary?': 'b) No',
      'Date of Initial Child Protection Conference': '24/06/2025',
      'Did the Initial Child Protection Conference Result in a Child Protection Plan': 'a) Yes',
      'Number of ICPCs in the last 12 months': '1',
    });
  });

  it('list 6: an episode closed the day before is not listed; one opened on the last day is, with its status', () => {
    const subject = child('C6', [
      ev('contact.received', '2025-01-10', { contactId: 'k1', source: 'family' }),
      ev('threshold.decided', '2025-01-10', { contactId: 'k1', outcome: 'assessment' }),
      ev('closure.completed', dayBefore, { closureReason: 'no_longer_in_need' }),
      ev('contact.received', `${lastDay}T09:00:00Z`, { contactId: 'k2', source: 'family' }),
      ev('threshold.decided', `${lastDay}T10:00:00Z`, { contactId: 'k2', outcome: 'assessment' }),
      ev('assessment.allocated', `${lastDay}T11:00:00Z`),
    ]);
    expect(rows(6, [subject])).toEqual([
      expect.objectContaining({ 'CIN Start Date': '31/03/2026', 'Primary Need Code': '', 'CIN Closure Date': '', 'Reason for Closure': '', 'Case Status': 'd) Open assessment' }),
    ]);
  });

  it('list 6: a closed episode gives its primary need, when the child was last seen, and why it closed; what happened after the range is not read', () => {
    const subject = child('C6', [
      ev('contact.received', '2025-05-01', { contactId: 'k1', source: 'family' }),
      ev('threshold.decided', '2025-05-01', { contactId: 'k1', outcome: 'assessment' }),
      ev('assessment.allocated', '2025-05-02'),
      ev('assessment.child_seen', '2025-05-06'),
      ev('assessment.completed', '2025-06-01', { outcome: 'child_in_need', primaryNeed: 'family_dysfunction' }),
      ev('cin.plan_started', '2025-06-10', { from: 'assessment' }),
      ev('cin.visit', '2025-08-01', { seenAlone: true }),
      ev('cin.plan_ended', '2025-12-01', { reason: 'no_longer_needed' }),
      ev('closure.completed', '2025-12-02', { closureReason: 'no_longer_in_need' }),
      ev('contact.received', '2026-02-01', { contactId: 'k2', source: 'family' }),
      ev('threshold.decided', '2026-02-01', { contactId: 'k2', outcome: 'assessment' }),
      ev('assessment.allocated', '2026-02-02'),
      ev('assessment.completed', '2026-03-01', { outcome: 'child_in_need', primaryNeed: 'abuse_or_neglect' }),
      ev('cin.plan_started', '2026-03-02', { from: 'assessment' }),
      // After the range: the list for the year does not show it.
      ev('closure.completed', '2026-04-10', { closureReason: 'no_longer_in_need' }),
    ]);
    expect(rows(6, [subject]).map((r) => [r['CIN Start Date'], r['Primary Need Code'], r['Date Child Was Last Seen'], r['CIN Closure Date'], r['Reason for Closure'], r['Case Status']])).toEqual([
      ['01/05/2025', 'N5 - Family dysfunction', '01/08/2025', '02/12/2025', 'RC7 - Services ceased for any other reason, including child no longer in need', 'e) Closed episode'],
      ['01/02/2026', 'N1 - Abuse or neglect', '', '', '', 'c) Child in need plan'],
    ]);
  });

  it('list 7: a plan ended the day before is not listed; one made on the last day is, counting the earlier plan', () => {
    const subject = child('C7', [
      ev('cp.conference_held', '2024-10-01', { kind: 'initial', planMade: true, category: 'neglect' }),
      ev('cp.conference_held', dayBefore, { kind: 'review', planContinues: false }),
      ev('cp.plan_ended', dayBefore),
      ev('cp.conference_held', lastDay, { kind: 'initial', planMade: true, category: 'physical' }),
    ]);
    expect(rows(7, [subject])).toEqual([
      expect.objectContaining({
        'Child Protection Plan Start Date': '31/03/2026',
        'Initial Category of Abuse': 'b) Physical abuse',
        'Latest Category of Abuse': 'b) Physical abuse',
        'Date of the Last Statutory Visit': '',
        'Child Protection Plan End Date': '',
        'Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)': 'b) No',
        'Number of Previous Child Protection Plans': '1',
      }),
    ]);
  });

  it('list 7: the latest visit, whether the child was seen alone, the latest review and its category, and an emergency protection order', () => {
    const subject = child('C7', [
      ev('cic.started', '2025-05-01', { legalStatus: 'L2' }),
      ev('cic.ended', '2025-05-08', { reason: 'home' }),
      ev('cp.conference_held', '2025-06-01', { kind: 'initial', planMade: true, category: 'neglect' }),
      ev('cp.visit', '2025-06-10', { seenAlone: true }),
      ev('cp.visit', '2025-06-20', { seenAlone: false, whyNotSeenAlone: 'Asleep' }),
      ev('cp.conference_held', '2025-09-01', { kind: 'review', planContinues: true, category: 'emotional' }),
    ]);
    expect(rows(7, [subject])[0]).toMatchObject({
      'Initial Category of Abuse': 'a) Neglect',
      'Latest Category of Abuse': 'd) Emotional abuse',
      'Date of the Last Statutory Visit': '20/06/2025',
      'Was the Child Seen Alone?': 'b) No',
      'Date of latest review conference': '01/09/2025',
      'Number of Previous Child Protection Plans': '0',
    });
    // An emergency protection order from May 2025 is within six months of a list read as at November 2025.
    const november = annexALists([subject], { from: '2025-04-01', to: '2025-11-01' }, context)[6]!;
    expect(rowsOf(november)[0]!['Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)']).toBe('a) Yes');
  });

  it('list 8: a period of care ended the day before is not listed; one begun on the last day is', () => {
    const subject = child('C8', [
      allocated,
      ev('cic.started', '2024-01-01', { legalStatus: 'V2' }),
      ev('cic.placement_started', '2024-01-01', { setting: 'in_house_fostering', carer: 'The Smiths' }),
      ev('cic.ended', dayBefore, { reason: 'home' }),
      ev('cic.started', lastDay, { legalStatus: 'C1' }),
      ev('cic.placement_started', lastDay, { setting: 'residential', providerId: 'p1', carer: 'Oak House' }),
    ]);
    expect(rows(8, [subject])).toEqual([
      expect.objectContaining({
        'Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)': 'b) No',
        'Date Started to be Looked After': '31/03/2026',
        'Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)': 'b) No',
        'Start date of current legal status': '31/03/2026',
        "Child's Legal Status": 'C1: Interim care order',
        'Number of Placements in the Last 12 months': '1',
        'Start Date of Most Recent Placement': '31/03/2026',
        'Placement Type': "K2: Children's Homes",
        'Placement Provider': 'Private or voluntary provision (PR4 or PR5: not recorded)',
        'Placement postcode': 'WM5 7QR',
        'URN of Placement': 'SC123456',
        'Placement Location': '',
        'LA of Placement': '',
        'Date Ceased to be Looked After': '',
        'Allocated Team': 'Assessment Team North',
      }),
    ]);
  });

  it('list 8: reviews, visits, health, placements, missing episodes and the end of care, as at the end of the period', () => {
    const subject = child(
      'C8',
      [
        ev('assessment.completed', '2025-03-01', { outcome: 'care', primaryNeed: 'abuse_or_neglect' }),
        ev('cic.started', '2025-04-10', { legalStatus: 'V2' }),
        ev('cic.placement_started', '2025-04-10', { setting: 'in_house_fostering', postcode: 'RG1 1AA' }),
        ev('cic.legal_status_changed', '2025-06-01', { legalStatus: 'C2' }),
        ev('cic.placement_started', '2025-07-01', { setting: 'connected_person', postcode: 'RG2 2BB', move: true }),
        ev('cic.review_held', '2025-08-01'),
        ev('cic.visit', '2025-08-15'),
        ev('cic.iro_saw_child', '2025-07-30'),
        ev('cic.health_assessment_completed', '2025-05-01'),
        ev('cic.health_check_completed', '2025-06-15', { kind: 'dental' }),
        ev('cic.permanency_plan_established', '2025-09-01', { option: 'long_term_fostering' }),
        ev('cic.missing_started', '2025-09-10', { kind: 'missing', from: 'placement' }),
        ev('cic.missing_ended', '2025-09-11', { whereFound: 'friend' }),
        ev('cic.return_interview_held', '2025-09-12'),
        ev('cic.missing_started', '2025-10-01', { kind: 'absent', from: 'school' }),
        ev('cic.missing_ended', '2025-10-01', { whereFound: 'town' }),
        ev('cic.ended', '2025-12-01', { reason: 'child_arrangements' }),
      ],
      { uasc: true },
    );
    expect(rows(8, [subject])[0]).toMatchObject({
      'Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)': 'a) Yes',
      "Child's Category of Need": 'N1 - Abuse or neglect',
      'Start date of current legal status': '01/06/2025',
      "Child's Legal Status": 'C2: Full care order',
      'Date of Latest Statutory Review': '01/08/2025',
      'Date of Last Social Work Visit': '15/08/2025',
      'What is the permanence plan for this child?': 'f) Long-term fostering',
      'Date of Last IRO Visit / Contact to the Child': '30/07/2025',
      'Date of Last Health Assessment': '01/05/2025',
      'Date of Last Dental Check': '15/06/2025',
      'Number of Placements in the Last 12 months': '2',
      'Date Ceased to be Looked After': '01/12/2025',
      'Reason Ceased to be Looked After': 'E41: Child arrangements order granted',
      'Start Date of Most Recent Placement': '01/07/2025',
      'Placement Type': 'Foster placement with relative or friend (U1 long term or U3 not long term: not recorded)',
      'Placement Provider': 'PR1: Own provision (by the LA)',
      'Placement postcode': 'RG2 2BB',
      "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months": '1',
      "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months": '1',
      'Was the child offered a Return Interview after their last missing episode (Y/N)?': 'a) Yes',
      'Did the child accept a Return Interview after their last missing episode (Y/N)?': 'a) Yes',
    });
  });

  it('list 9: a young person whose care leaver status ended the day before is not listed; one who became eligible on the last day is', () => {
    // Former relevant until their 21st birthday on 1 April 2025, the range's first day.
    const leftBefore = child('C9a', [ev('cic.started', '2018-01-01', { legalStatus: 'C2' }), ev('cic.ended', '2022-04-01', { reason: 'eighteen' })], { dateOfBirth: '2004-04-01' });
    // Sixteen on 31 March 2026, in care since before their 14th birthday: eligible from that day.
    const eligibleOnLastDay = child('C9b', [allocated, ev('cic.started', '2024-01-01', { legalStatus: 'C2' })], { dateOfBirth: '2010-03-31' });
    expect(rows(9, [leftBefore, eligibleOnLastDay])).toEqual([
      expect.objectContaining({ 'Child Unique ID': 'C9b', 'Age of Child (Years)': '16', 'Eligibility Category': 'd) Eligible child', 'Allocated Worker': 'Sam Okafor', 'LA in Touch': '' }),
    ]);
  });

  it("list 9: a former relevant young person's adviser, pathway plan, contact and circumstances", () => {
    const subject = child(
      'C9',
      [
        ev('cic.started', '2020-01-01', { legalStatus: 'C2' }),
        ev('cic.ended', '2024-01-01', { reason: 'eighteen' }),
        ev('care_leaver.pa_allocated', '2023-10-01', { pa: 'P. Shah (old name)', paId: 'pa1' }),
        ev('care_leaver.pathway_plan_completed', '2025-07-01'),
        ev('care_leaver.contact', '2025-11-20'),
        ev('care_leaver.circumstances_updated', '2025-12-01', { age: 19, activity: 'neet', accommodation: 'independent', suitable: true, inTouch: true, neetPlan: 'Plan' }),
      ],
      { dateOfBirth: '2006-01-01', uasc: true },
    );
    expect(rows(9, [subject])[0]).toMatchObject({
      'Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)': 'a) Yes',
      'Allocated Personal Advisor': 'Priya Shah',
      'Eligibility Category': 'b) Former relevant child',
      'Latest Pathway Plan Review Date': '01/07/2025',
      'LA in Touch': 'a) Yes',
      'Latest Date of Contact': '20/11/2025',
      'Type of Accommodation': 'U: Independent living',
      'Suitability of Accommodation': 'a) Suitable',
      'Activity Status': 'G5: Not in education, employment or training – other',
    });
  });

  it('list 10: an adoption completed the day before is not listed; a placement order made on the last day is', () => {
    const adoptedBefore = child('C10a', [
      ev('cic.started', '2022-01-01', { legalStatus: 'C2' }),
      ev('cic.legal_status_changed', '2023-01-01', { legalStatus: 'E1' }),
      ev('adoption.placed', '2024-01-01'),
      ev('adoption.order_made', dayBefore),
      ev('cic.ended', dayBefore, { reason: 'adopted' }),
    ]);
    const orderOnLastDay = child('C10b', [ev('cic.started', '2025-01-01', { legalStatus: 'C1' }), ev('cic.legal_status_changed', lastDay, { legalStatus: 'E1' })]);
    expect(rows(10, [adoptedBefore, orderOnLastDay])).toEqual([
      expect.objectContaining({
        'Child Unique ID': 'C10b',
        'Family identifier': '',
        'Date the Child Entered Care': '01/01/2025',
        'Date of Decision that Child Should be Placed for Adoption': '',
        'Date of Placement Order': '31/03/2026',
        'Date Placed for Adoption': '',
        'Date of Adoption Order': '',
      }),
    ]);
    expect(listOf(10, [orderOnLastDay]).rows[0]).toHaveLength(listOf(10, []).headings.length);
  });

  it('list 10: a child placed for adoption in the range, with the order made', () => {
    const subject = child('C10', [
      ev('cic.started', '2023-01-01', { legalStatus: 'C2' }),
      ev('cic.legal_status_changed', '2024-06-01', { legalStatus: 'E1' }),
      ev('adoption.placed', '2025-05-01'),
      ev('adoption.order_made', '2025-11-01'),
      ev('cic.ended', '2025-11-01', { reason: 'adopted' }),
    ]);
    expect(rows(10, [subject])[0]).toMatchObject({ 'Date of Placement Order': '01/06/2024', 'Date Placed for Adoption': '01/05/2025', 'Date of Adoption Order': '01/11/2025' });
  });

  it("list 10: the agency decision maker's decisions and the match, recorded on the Adoption page (issue 11)", () => {
    const subject = child('C12', [
      ev('cic.started', '2024-01-02', { legalStatus: 'C1' }),
      ev('adoption.should_be_placed_decided', '2025-04-02', { decision: 'should_be_placed', decisionOn: '2025-04-02' }),
      ev('cic.legal_status_changed', '2025-04-14', { legalStatus: 'E1' }),
      ev('adoption.match_decided', '2025-05-12', { decision: 'agreed', decisionOn: '2025-05-12' }),
    ]);
    expect(rows(10, [subject])[0]).toMatchObject({
      'Date of Decision that Child Should be Placed for Adoption': '02/04/2025',
      'Date of Placement Order': '14/04/2025',
      'Date of Matching Child and Prospective Adopters': '12/05/2025',
      'Date Placed for Adoption': '',
      'Date of Decision that Child Should No Longer be Placed for Adoption': '',
    });
    const changed = child('C13', [
      ev('cic.started', '2024-01-02', { legalStatus: 'C1' }),
      ev('adoption.should_be_placed_decided', '2025-04-02', { decision: 'should_be_placed', decisionOn: '2025-04-02' }),
      ev('adoption.should_be_placed_decided', '2025-09-01', { decision: 'not_agreed', decisionOn: '2025-09-01' }),
    ]);
    expect(rows(10, [changed])[0]).toMatchObject({ 'Date of Decision that Child Should be Placed for Adoption': '02/04/2025', 'Date of Decision that Child Should No Longer be Placed for Adoption': '01/09/2025' });
  });

  it('list 11: adopters has its headings and no rows (Hearth does not record adopters)', () => {
    const list = listOf(11, [child('C11', [ev('adoption.placed', '2025-05-01')])]);
    expect(list.title).toBe('Adopters');
    expect(list.headings[0]).toBe('Individual adopter identifier');
    expect(list.rows).toEqual([]);
  });

  it('reads the record as at today when the range ends later, ages included', () => {
    // Born 1 June 2015: 10 today (1 May 2026), 11 by the end of the range.
    const subject = child('C1', [ev('contact.received', '2026-04-20', { source: 'family' }), ev('contact.received', '2026-06-20', { source: 'family' })]);
    const lists = annexALists([subject], { from: '2026-04-01', to: '2027-03-31' }, context);
    expect(rowsOf(lists[0]!).map((r) => [r['Date of Contact'], r['Age of Child (Years)']])).toEqual([['20/04/2026', '10']]);
  });
});

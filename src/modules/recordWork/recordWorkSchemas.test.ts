import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { eventTypeOf } from '../../standards/index';
import { humanise, presetAnswers, readWorkData, workFields } from './recordWorkSchemas';
import { readTime, workChoices } from './recordWorkService';

describe('the questions an event type asks', () => {
  it("asks a conference's kind (required, as radios), whether a plan was made or continues, and the category", () => {
    const fields = workFields(eventTypeOf('cp.conference_held'));
    expect(fields.map((f) => [f.name, f.kind, f.required, f.label])).toEqual([
      ['kind', 'choice', true, 'Kind of conference'],
      ['planMade', 'yes-no', false, 'Was a child protection plan made?'],
      ['planContinues', 'yes-no', false, 'Does the child protection plan continue?'],
      ['category', 'choice', false, 'Category of abuse'],
    ]);
    expect(fields[0]?.kind === 'choice' && fields[0].options).toEqual([
      { value: 'initial', text: 'Initial child protection conference' },
      { value: 'review', text: 'Review child protection conference' },
    ]);
  });

  it('names legal statuses as the SSDA903 list does, and numbers with their range', () => {
    const [legalStatus] = workFields(eventTypeOf('cic.started'));
    expect(legalStatus?.kind === 'choice' && legalStatus.options.find((o) => o.value === 'C2')?.text).toBe('Care order');
    expect(workFields(eventTypeOf('care_leaver.circumstances_updated'))).toEqual([{ name: 'age', label: 'Age of the young person', required: false, kind: 'number', min: 17, max: 21, integer: true }]);
  });

  it('never asks when a contact was recorded (Hearth knows), nor a name or date of birth', () => {
    expect(workFields(eventTypeOf('contact.received'))).toEqual([]);
    expect(workFields(eventTypeOf('child.registered'))).toEqual([]);
    expect(workFields(undefined)).toEqual([]);
  });

  it('asks of a visit whether the child was seen alone, where, and whether their bedroom was seen (issue 4)', () => {
    for (const type of ['cin.visit', 'cp.visit', 'cic.visit']) {
      const fields = workFields(eventTypeOf(type));
      expect(fields.map((f) => [f.name, f.label, f.kind, f.required])).toEqual([
        ['seenAlone', 'Was the child seen alone?', 'yes-no', false],
        ['whyNotSeenAlone', 'If not seen alone: why not', 'text', false],
        ['seenIn', 'Where was the child seen?', 'choice', false],
        ['bedroomSeen', "Was the child's bedroom seen?", 'yes-no', false],
      ]);
      const seenIn = fields[2];
      expect(seenIn?.kind === 'choice' && seenIn.options.map((o) => o.text)).toEqual(['At home', 'School', 'Nursery', 'At a contact centre', 'In their placement', 'Hospital', 'Other']);
    }
  });

  it("asks why a case closed, in Hearth's words, as radios: required on the form though history may lack it (issue 10)", () => {
    const fields = workFields(eventTypeOf('closure.completed'));
    expect(fields.map((f) => [f.name, f.kind, f.required, f.label])).toEqual([
      ['closureReason', 'choice', true, 'Reason the case closed'],
      ['stepDown', 'yes-no', false, 'Was the case stepped down to Early Help?'],
    ]);
    const [reason] = fields;
    expect(reason?.kind === 'choice' && [reason.radios, reason.options.length, reason.options[0], reason.options.at(-1)]).toEqual([
      true,
      9,
      { value: 'adopted', text: 'Adopted' },
      { value: 'after_assessment_early_help', text: 'Closed after assessment, referred to Early Help' },
    ]);
    expect(readWorkData(fields, {}).problems).toEqual([{ field: 'data.closureReason', message: 'Select the reason the case closed' }]);
    expect(readWorkData(fields, { 'data.closureReason': 'moved_away' }).problems).toEqual([{ field: 'data.closureReason', message: 'Select the reason the case closed from the list' }]);
    expect(readWorkData(fields, { 'data.closureReason': 'moved_to_another_authority' })).toEqual({ data: { closureReason: 'moved_to_another_authority' }, problems: [] });
    // The event type itself takes a closure without a reason (history), and refuses one it does not know, naming those it does.
    const schema = eventTypeOf('closure.completed')?.data;
    expect(schema?.safeParse({}).success).toBe(true);
    expect(schema?.safeParse({ closureReason: 'moved_away' }).error?.issues.map((i) => i.message)).toEqual([expect.stringMatching(/^closureReason must be one of adopted, died, .*after_assessment_early_help$/)]);
  });

  it("takes an assessment's primary need and factors as history holds them, and refuses what the census cannot take (issue 10)", () => {
    const schema = eventTypeOf('assessment.completed')?.data;
    const messages = (data: unknown) => schema?.safeParse(data).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];
    expect(messages({ outcome: 'close' })).toEqual([]);
    expect(messages({ primaryNeed: 'not_stated', factors: ['physical_abuse', 'neglect'] })).toEqual([]);
    expect(messages({ primaryNeed: 'poverty' })).toEqual([['primaryNeed', expect.stringMatching(/^primaryNeed must be one of abuse_or_neglect, disability, .*not_stated$/)]]);
    expect(messages({ factors: ['neglect', 'hunger'] })).toEqual([['factors', expect.stringMatching(/^factors must each be one of alcohol_misuse_child, .*sexual_abuse: "hunger" is not$/)]]);
    expect(messages({ factors: ['none', 'neglect'] })).toEqual([['factors', 'factors cannot hold none (no factors identified) with other factors']]);
    expect(messages({ factors: ['neglect', 'neglect'] })).toEqual([['factors', 'factors holds neglect more than once']]);
    expect(messages({ factors: 'neglect' })).toEqual([['factors', 'factors must be a list of factor values']]);
  });

  it('humanises a field it has no words for', () => {
    expect(humanise('turned18InCustody')).toBe('Turned 18 in custody');
    expect(humanise('no_further_action')).toBe('No further action');
    const fields = workFields({ type: 'x.y', title: 'X', data: z.object({ someNewThing: z.string().max(20).optional(), when: z.iso.date() }) });
    expect(fields).toEqual([{ name: 'someNewThing', label: 'Some new thing', required: false, kind: 'text', maxLength: 20 }]);
  });
});

describe('reading the answers', () => {
  const fields = workFields(eventTypeOf('cp.conference_held'));

  it('turns yes and no into true and false, and leaves unanswered optional questions out', () => {
    expect(readWorkData(fields, { 'data.kind': 'initial', 'data.planMade': 'yes', 'data.planContinues': '', 'data.category': 'neglect' })).toEqual({
      data: { kind: 'initial', planMade: true, category: 'neglect' },
      problems: [],
    });
  });

  it('says what to do about each question that is wrong or missing', () => {
    expect(readWorkData(fields, { 'data.planMade': 'maybe', 'data.category': 'other' }).problems).toEqual([
      { field: 'data.kind', message: 'Select the kind of conference' },
      { field: 'data.planMade', message: 'Answer yes or no: Was a child protection plan made?' },
      { field: 'data.category', message: 'Select the category of abuse from the list' },
    ]);
    const age = workFields(eventTypeOf('care_leaver.circumstances_updated'));
    expect(readWorkData(age, { 'data.age': '17' }).data).toEqual({ age: 17 });
    expect(readWorkData(age, { 'data.age': '16' }).problems[0]?.message).toBe('Age of the young person must be between 17 and 21');
    expect(readWorkData(age, { 'data.age': '17.5' }).problems[0]?.message).toBe('Age of the young person must be a whole number, like 17');
    expect(readWorkData(age, { 'data.age': ['17', '18'] }).data).toEqual({});
  });

  it("presets what a standard's where says, but not a choice of several", () => {
    expect(presetAnswers({ kind: 'review', planMade: true, age: 17, arrangement: ['stable', 'other'] })).toEqual({ 'data.kind': 'review', 'data.planMade': 'yes', 'data.age': '17' });
    expect(presetAnswers(undefined)).toEqual({});
  });
});

describe('the time box', () => {
  it.each([
    ['14:30', '14:30'],
    ['9:05', '09:05'],
    ['09.05', '09:05'],
    ['0930', '09:30'],
    [' 23:59 ', '23:59'],
    ['24:00', null],
    ['12:60', null],
    ['2pm', null],
    ['', null],
  ])('reads %j as %j', (typed, time) => {
    expect(readTime(typed)).toBe(time);
  });
});

describe('the choice of work', () => {
  it('offers every practice event type by title, in order, and not adding a child', () => {
    const titles = workChoices.map((c) => c.text);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en-GB')));
    expect(workChoices.map((c) => c.value)).toContain('cin.visit');
    expect(workChoices.map((c) => c.value)).not.toContain('child.registered');
  });
});

import { ageOn, londonDate } from '../../domain/calendar/localDate';
import { goodOrBetter, inHouseTypes, type Provider } from '../../domain/placements/providers';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Services } from '../../services';

const dateParts = (name: string, date: string) => {
  const [year, month, day] = date.split('-');
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: String(year) };
};
const risksOf = (levels: Record<string, [string, string]>) =>
  Object.fromEntries(['exploitation', 'missing', 'self_harm', 'violence', 'substance_misuse', 'offending'].flatMap((r) => {
    const [level, management] = levels[r] ?? ['none', ''];
    return [[`risk_${r}`, level], [`risk_${r}_management`, management]];
  }));
const upload = (filename: string, text: string) => ({ filename, content: Buffer.from(text), truncated: false });

/**
 * The Resource Service's queue in the demonstration authority (resource-service-policy.txt 2.1,
 * 3.1): Kayden Campbell's request, authorised nearly a week ago and still unallocated past the
 * date he needed it from; Elena Lakatos's, allocated to Noah Williams, with the in-house home
 * considered first, an external home shortlisted and another rejected, and the site visit her
 * complex needs require still awaited; Amani Mwangi's, waiting for her manager's authorisation;
 * and Noah on the duty rota for the next two weeks.
 */
export async function placementRequestsDemo(s: Services, as: (username: string) => RequestContext, children: ReadonlyMap<string, string[]>, setClock: (at: Date) => void, at: (daysAgo: number, hour?: number) => Date): Promise<void> {
  const worker = as('daniel.hughes');
  const manager = as('aisha.rahman');
  const officer = as('noah.williams');
  const pr = s.placementRequests;
  const providers = (await s.providers.all()).filter((p) => !p.closedOn);
  const goodOf = (types: readonly string[]) => providers.filter((p: Provider) => types.includes(p.type) && goodOrBetter(p.rating));

  const kayden = children.get('Campbell')?.[0];
  if (kayden) {
    setClock(at(7, 15));
    await s.childDocuments.attach(worker, kayden, upload('Kayden Campbell assessment.txt', 'Updated assessment of Kayden’s needs for the Resource Service.'), { kind: 'assessment', description: 'Updated assessment for the placement request' });
    await s.childDocuments.attach(worker, kayden, upload('Kayden Campbell PEP.txt', 'Personal Education Plan, autumn term.'), { kind: 'pep', description: 'PEP, autumn term' });
    setClock(at(6, 10));
    const requestId = await pr.make(worker, kayden, {
      kind: 'under_18',
      reason: 'Janet and Paul Harding have given notice: Paul’s health means they are retiring from fostering.',
      outlinePlan: 'A long-term foster family near Kingsford so Kayden keeps his school and football; agreed with Aisha Rahman.',
      providerTypes: ['in_house_fostering', 'independent_fostering_agency'],
      ...dateParts('neededFrom', londonDate(at(2))),
      familyAndFriends: 'Maternal grandmother assessed in 2024: not able to care for him. No other relatives came forward.',
      needs: ['emotional_behavioural'],
      interests: 'Football (plays for Kingsford Juniors on Saturdays), Lego, drawing',
      routines: 'Bed at 8.30pm with a story; needs warning before changes',
      identity: 'Mixed White and Black Caribbean; proud of his dad’s Jamaican family',
      health: 'Asthma (inhaler); up to date with checks',
      school: 'Kingsford Primary School',
      schoolPostcode: 'WM5 2AB',
      homePostcode: 'WM5 1CD',
      contact: 'Supervised family time with Mum fortnightly on Saturdays',
      complexNeeds: 'no',
      riskOfDisruption: 'no',
      hasEhcp: 'no',
    });
    setClock(at(5, 16));
    await pr.authorise(manager, kayden, requestId, { comments: 'Agreed: long-term fostering, keep him at Kingsford Primary.' });
  }

  const elena = children.get('Lakatos')?.[0];
  const homes = goodOf(['childrens_home']);
  if (elena && homes.length > 0) {
    setClock(at(9, 15));
    await s.childDocuments.attach(worker, elena, upload('Elena Lakatos assessment.txt', 'Assessment of Elena’s needs, including the exploitation risk assessment.'), { kind: 'assessment', description: 'Assessment for the placement request' });
    await s.childDocuments.attach(worker, elena, upload('Elena Lakatos PEP.txt', 'Personal Education Plan.'), { kind: 'pep', description: 'PEP' });
    setClock(at(8, 11));
    const requestId = await pr.make(worker, elena, {
      kind: 'under_18',
      reason: 'Elena has gone missing from her home eleven times in three months and is at risk of exploitation there; the home asks for a move to a smaller home further from the town centre.',
      outlinePlan: 'A small children’s home with education on site, away from the people exploiting her; agreed with Aisha Rahman.',
      providerTypes: ['childrens_home', 'in_house_childrens_home'],
      ...dateParts('neededFrom', londonDate(at(-10))),
      familyAndFriends: 'Mum cannot keep her safe at home; no other family in the country.',
      needs: ['exploitation', 'missing'],
      interests: 'Music, hair and make-up, cooking with staff',
      identity: 'Roma; speaks Romani and English; close to her mum',
      health: 'Registered with the GP; sexual health clinic appointments',
      school: 'Kingsford Academy',
      schoolPostcode: 'WM5 3CD',
      homePostcode: 'WM5 5LM',
      contact: 'Calls with Mum each evening; visits weekly',
      complexNeeds: 'yes',
      riskOfDisruption: 'yes',
      hasEhcp: 'no',
      ...risksOf({
        exploitation: ['high', 'Safety plan with the exploitation hub; staff know the adults of concern; phone checks agreed with Elena'],
        missing: ['high', 'Reported after 30 minutes; return home interviews; the home knows her usual places'],
        self_harm: ['low', 'Talks to her key worker; CAMHS appointment booked'],
        substance_misuse: ['medium', 'Cannabis: young people’s substance misuse service'],
      }),
    });
    setClock(at(7, 10));
    await pr.authorise(manager, elena, requestId, { comments: 'Agreed: move to a smaller home with education on site.' });
    setClock(at(4, 9));
    await pr.matching.allocate(officer, elena, requestId, { officerId: 'self' });
    setClock(at(3, 14));
    // In-house first (resource-and-care-panel-policy.txt 1.4 b): every in-house home considered before any other.
    for (const home of (await pr.matching.view(officer, elena, requestId)).inHouseToConsider) {
      await pr.matching.consider(officer, elena, requestId, { providerId: home.id, decision: 'rejected', reason: `${home.name} is two miles from the adults exploiting Elena, and has no vacancy until the spring.` });
    }
    const [first, second] = homes.filter((p) => p.vacancies > 0 && p.ageFrom <= 15 && p.ageTo >= 15 && !inHouseTypes.includes(p.type)).concat(homes);
    if (first) await pr.matching.consider(officer, elena, requestId, { providerId: first.id, decision: 'shortlisted', reason: 'Small home with education on site and experience of exploitation; a vacancy now; far enough from the town centre.' });
    if (second && second.id !== first?.id) await pr.matching.consider(officer, elena, requestId, { providerId: second.id, decision: 'rejected', reason: 'No experience of exploitation; the other young people there go missing together.' });
  }

  const amani = children.get('Mwangi')?.[0];
  if (amani) {
    setClock(at(1, 12));
    const neededFrom = londonDate(at(-21));
    const dob = (await s.people.find(amani))?.details.dateOfBirth ?? null;
    await pr.make(worker, amani, {
      // The 18+ request if she is 18 by then (resource-service-policy.txt 3.1).
      kind: dob && ageOn(dob, neededFrom) >= 18 ? 'supported_accommodation_18_plus' : 'under_18',
      reason: 'Amani’s supported lodgings close at the end of next month; she needs a placement until she is 18.',
      outlinePlan: 'Supported accommodation near college, then a Staying Put conversation; agreed with Aisha Rahman.',
      providerTypes: ['supported_accommodation'],
      ...dateParts('neededFrom', neededFrom),
      familyAndFriends: 'No family in the UK.',
      needs: [],
      interests: 'Nursing course at college; church choir',
      identity: 'Kenyan; Swahili and English; Christian',
      school: 'Wealdmoor College',
      schoolPostcode: 'WM2 4EF',
      homePostcode: 'WM2 9ST',
      complexNeeds: 'no',
      riskOfDisruption: 'no',
      hasEhcp: 'no',
      ...risksOf({}),
    });
  }

  // Noah Williams on duty each working day for the next two weeks (resource-service-policy.txt 2.1).
  setClock(at(0, 8));
  const rota = await pr.rota.view(officer);
  for (const day of rota.days.slice(0, 10)) await pr.rota.set(officer, { onDate: day.onDate, officerId: officer.actor.userId });
}

import { nhsCheckDigit } from '../src/domain/people/nhsNumber';
import { emptyDetails } from '../src/domain/people/personDetails';
import type { RegistrationData } from '../src/domain/people/personEvents';
import type { ImportedEvent } from '../src/modules/people/importEvents';

/**
 * A synthetic authority's people: fictional names of the origins a British council's records
 * hold, dates of birth and NHS numbers, all drawn from a seeded generator so every run loads
 * the same people. Everyone here is invented; NHS numbers are in the 999 range kept for testing.
 */

/** The day people are drawn as of (ages, registration dates), fixed so every run has the same people. */
export const populationDate = new Date('2026-01-01T12:00:00Z');

/** mulberry32: small, fast and good enough to make test data repeatable. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, maxInclusive: number) => min + Math.floor(next() * (maxInclusive - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T,
    chance: (p: number) => next() < p,
  };
}

export type Random = ReturnType<typeof seededRandom>;

interface Origin {
  weight: number;
  ethnicities: string[];
  languages: string[];
  surnames: string[];
  boys: string[];
  girls: string[];
  men: string[];
  women: string[];
}

/** Surnames are listed roughly most common first, and drawn with that skew (Smith is common, Yeo rare). */
const origins: Origin[] = [
  {
    weight: 62,
    ethnicities: ['WBRI', 'WBRI', 'WBRI', 'WOTH'],
    languages: ['English'],
    surnames: [
      'Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson',
      'Roberts', 'Robinson', 'Thompson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall',
      'Lewis', 'Harris', 'Clarke', 'Jackson', 'Wood', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward',
      'Morris', 'Moore', 'Clark', 'Lee', 'King', 'Baker', 'Harrison', 'Morgan', 'Allen', 'James',
      'Scott', 'Phillips', 'Watson', 'Davis', 'Parker', 'Price', 'Bennett', 'Young', 'Griffiths', 'Mitchell',
      'Cook', 'Carter', 'Richardson', 'Bailey', 'Collins', 'Bell', 'Shaw', 'Miller', 'Cox', 'Richards',
      'Marshall', 'Anderson', 'Simpson', 'Ellis', 'Adams', 'Wilkinson', 'Foster', 'Chapman', 'Powell', 'Webb',
      'Rogers', 'Gray', 'Mason', 'Hunt', 'Campbell', 'Matthews', 'Owen', 'Palmer', 'Holmes', 'Mills',
      'Barnes', 'Knight', 'Lloyd', 'Butler', 'Russell', 'Barker', 'Fisher', 'Stevens', 'Jenkins', 'Dixon',
      'Harvey', 'Graham', 'Pearson', 'Fletcher', 'Gibson', 'Howard', 'Andrews', 'Stewart', 'Elliott', 'Reynolds',
      'Saunders', 'Payne', 'Fox', 'Ford', 'Pearce', 'Brooks', 'Lawrence', 'Atkinson', 'Bradley', 'Spencer',
      'Dawson', 'Burton', 'Watts', 'Booth', 'Perry', 'Armstrong', 'Rees', 'Hudson', 'Newman', 'Barrett',
      'Webster', 'Hunter', 'Gregory', 'Lowe', 'Marsh', 'Riley', 'Woods', 'Parsons', 'Stone', 'Holland',
      'Hawkins', 'Harding', 'Porter', 'Robertson', 'Newton', 'Oliver', 'Kennedy', 'Williamson', 'Gardner', 'Bishop',
      'Walton', 'Nicholson', 'Shepherd', 'Ross', 'Freeman', 'Warren', 'Hamilton', 'Sutton', 'McDonald', 'Yates',
      'Hodgson', 'Robson', 'Curtis', 'Hopkins', 'Harper', 'Coleman', 'Watkins', 'Chambers', 'Griffin', 'Hardy',
      'Wheeler', 'Potter', 'Osborne', 'Wallace', 'Hutchinson', 'Pritchard', 'Higgins', 'Stephenson', 'Hammond', 'Whitehead',
      'Lambert', 'Goodwin', 'Woodward', 'Cunningham', 'Greenwood', 'Middleton', 'Ashworth', 'Pemberton', 'Llewellyn', 'Vaughan-Jones',
      'Smith-Carter', 'Ap Rhys', 'Fairclough', 'Entwistle', 'Yeo',
    ],
    boys: ['Oliver', 'George', 'Harry', 'Noah', 'Jack', 'Leo', 'Arthur', 'Oscar', 'Charlie', 'Jacob', 'Thomas', 'Henry', 'William', 'Alfie', 'Theo', 'Freddie', 'Archie', 'Joshua', 'Isaac', 'Ethan', 'Tyler', 'Reuben', 'Dylan', 'Riley', 'Jayden', 'Rhys', 'Callum', 'Euan', 'Lewis', 'Mason', 'Harvey', 'Kai', 'Finley', 'Tommy', 'Jenson'],
    girls: ['Olivia', 'Amelia', 'Isla', 'Ava', 'Ivy', 'Freya', 'Lily', 'Florence', 'Mia', 'Willow', 'Rosie', 'Sophia', 'Isabella', 'Grace', 'Daisy', 'Sienna', 'Poppy', 'Elsie', 'Emily', 'Ella', 'Evie', 'Chloe', 'Jade', 'Leah', 'Megan', 'Cerys', 'Seren', 'Harper', 'Lacey', 'Skye', 'Summer', 'Macy'],
    men: ['Paul', 'Mark', 'David', 'Lee', 'Darren', 'Wayne', 'Craig', 'Steven', 'Gary', 'Jason', 'Dean', 'Carl', 'Kevin', 'Shaun', 'Ian', 'Christopher', 'Daniel', 'Matthew', 'Andrew', 'Richard', 'John', 'Michael', 'Robert', 'Gareth', 'Stuart', 'Liam', 'Ryan', 'Jamie', 'James', 'Scott'],
    women: ['Sarah', 'Emma', 'Claire', 'Lisa', 'Michelle', 'Kelly', 'Donna', 'Tracey', 'Karen', 'Nicola', 'Gemma', 'Stacey', 'Natalie', 'Rebecca', 'Laura', 'Joanne', 'Jennifer', 'Amy', 'Hayley', 'Samantha', 'Louise', 'Kirsty', 'Danielle', 'Charlotte', 'Victoria', 'Susan', 'Julie', 'Angela', 'Jemma', 'Leanne'],
  },
  {
    weight: 6,
    ethnicities: ['WIRI', 'WIRI', 'WIRT'],
    languages: ['English'],
    surnames: ['Murphy', 'Kelly', "O'Brien", 'Walsh', 'Byrne', 'Ryan', "O'Connor", "O'Neill", 'Doyle', 'McCarthy', 'Gallagher', 'Quinn', 'Lynch', 'Brennan', 'Kavanagh', 'Donnelly', 'McLaughlin', 'Fitzgerald', 'Connolly', 'Maguire', 'McGuinness', 'Ó Súilleabháin'],
    boys: ['Declan', 'Ciaran', 'Cian', 'Conor', 'Sean', 'Padraig', 'Oisin', 'Finn', 'Ronan', 'Eoin', 'Tadhg', 'Liam'],
    girls: ['Niamh', 'Siobhan', 'Aoife', 'Saoirse', 'Roisin', 'Ciara', 'Orla', 'Caoimhe', 'Grainne', 'Aisling', 'Méabh'],
    men: ['Patrick', 'Michael', 'Brendan', 'Kieran', 'Dermot', 'Colm', 'Seamus', 'Fergal', 'Martin', 'Joseph'],
    women: ['Mary', 'Bridget', 'Siobhan', 'Deirdre', 'Maureen', 'Sinead', 'Aoife', 'Fionnuala', 'Colette', 'Margaret'],
  },
  {
    weight: 10,
    ethnicities: ['APKN', 'ABAN', 'AIND', 'AOTH'],
    languages: ['English', 'English', 'Urdu', 'Bengali', 'Punjabi', 'Gujarati', 'Tamil'],
    surnames: ['Khan', 'Patel', 'Ali', 'Hussain', 'Ahmed', 'Begum', 'Singh', 'Kaur', 'Shah', 'Akhtar', 'Rahman', 'Iqbal', 'Mahmood', 'Bibi', 'Chowdhury', 'Miah', 'Islam', 'Uddin', 'Mistry', 'Sharma', 'Gill', 'Sandhu', 'Choudhury', 'Rashid', 'Nawaz', 'Qureshi', 'Parmar', 'Joshi', 'Kumar', 'Krishnan', 'Sivakumar', 'Bhattacharya'],
    boys: ['Muhammad', 'Mohammed', 'Ibrahim', 'Yusuf', 'Ayaan', 'Arjun', 'Rohan', 'Zayn', 'Hamza', 'Omar', 'Aarav', 'Vihaan', 'Harjot', 'Ishaan', 'Rayyan', 'Idris'],
    girls: ['Aisha', 'Fatima', 'Maryam', 'Zara', 'Amira', 'Hafsa', 'Priya', 'Anaya', 'Simran', 'Inaaya', 'Safiya', 'Noor', 'Jasleen', 'Diya', 'Zainab', 'Mehreen'],
    men: ['Tariq', 'Imran', 'Asif', 'Kamal', 'Rajesh', 'Sunil', 'Anil', 'Abdul', 'Shahid', 'Nadeem', 'Jaswinder', 'Sanjay', 'Faisal', 'Mohammed', 'Rizwan'],
    women: ['Nasreen', 'Shazia', 'Parveen', 'Rukhsana', 'Sabina', 'Nazia', 'Sunita', 'Anjali', 'Harpreet', 'Rubina', 'Shabana', 'Farzana', 'Meena', 'Sadia'],
  },
  {
    weight: 6,
    ethnicities: ['BCRB', 'MWBC', 'BOTH'],
    languages: ['English'],
    surnames: ['Campbell', 'Brown', 'Williams', 'Francis', 'Clarke', 'Grant', 'Reid', 'Thompson', 'Bailey', 'Henry', 'Samuels', 'Gayle', 'Forbes', 'McKenzie', 'Powell', 'Bennett', 'Stewart', 'Morgan'],
    boys: ['Tyrese', 'Jaden', 'Kaiden', 'Malachi', 'Josiah', 'Elijah', 'Isaiah', 'Marcus', 'Andre', 'Keon'],
    girls: ['Jada', 'Kiara', 'Nia', 'Shanice', 'Tiana', 'Amani', 'Imani', 'Keisha', 'Aaliyah', 'Destiny'],
    men: ['Delroy', 'Winston', 'Clive', 'Errol', 'Leon', 'Trevor', 'Desmond', 'Anthony', 'Marlon', 'Dwayne'],
    women: ['Marcia', 'Beverley', 'Sharon', 'Yvonne', 'Donna', 'Paulette', 'Michelle', 'Simone', 'Natasha', 'Charmaine'],
  },
  {
    weight: 6,
    ethnicities: ['BAFR', 'BAFR', 'MWBA'],
    languages: ['English', 'English', 'Yoruba', 'Igbo', 'Twi', 'Somali', 'Tigrinya'],
    surnames: ['Okafor', 'Adeyemi', 'Okonkwo', 'Mensah', 'Owusu', 'Boateng', 'Adebayo', 'Oluwole', 'Nwosu', 'Eze', 'Asante', 'Osei', 'Abdi', 'Mohamed', 'Hassan', 'Farah', 'Tesfaye', 'Kamara', 'Bangura', 'Diallo', 'Ogunleye', 'Afolabi'],
    boys: ['Tunde', 'Chidi', 'Kwame', 'Kofi', 'Emeka', 'Femi', 'Ayo', 'David', 'Samuel', 'Daniel', 'Abdirahman', 'Yonas'],
    girls: ['Amara', 'Chioma', 'Ngozi', 'Precious', 'Abena', 'Esther', 'Blessing', 'Ama', 'Favour', 'Hodan', 'Ifeoma', 'Adaeze'],
    men: ['Olumide', 'Adebayo', 'Oluwaseun', 'Kwabena', 'Chukwuemeka', 'Yaw', 'Abdullahi', 'Emmanuel', 'Gabriel', 'Ibrahim'],
    women: ['Folake', 'Funmilayo', 'Adaeze', 'Akosua', 'Grace', 'Comfort', 'Fadumo', 'Halima', 'Mercy', 'Patience'],
  },
  {
    weight: 5,
    ethnicities: ['WOTH'],
    languages: ['Polish', 'Polish', 'Romanian', 'Lithuanian', 'English'],
    surnames: ['Nowak', 'Kowalski', 'Kowalska', 'Wiśniewski', 'Wójcik', 'Kamiński', 'Lewandowska', 'Zielińska', 'Szymański', 'Popescu', 'Ionescu', 'Kazlauskas', 'Petrauskas', 'Horvat', 'Novák', 'Dąbrowski'],
    boys: ['Jakub', 'Kacper', 'Filip', 'Szymon', 'Antoni', 'Mateusz', 'Andrei', 'Lukas', 'Matas', 'Tomasz', 'Łukasz'],
    girls: ['Zofia', 'Zuzanna', 'Maja', 'Hanna', 'Julia', 'Lena', 'Alicja', 'Ioana', 'Elena', 'Gabija', 'Oliwia'],
    men: ['Piotr', 'Marek', 'Krzysztof', 'Paweł', 'Tomasz', 'Andrzej', 'Mihai', 'Ionut', 'Darius', 'Tadas'],
    women: ['Agnieszka', 'Katarzyna', 'Magdalena', 'Anna', 'Joanna', 'Ewa', 'Małgorzata', 'Ana', 'Cristina', 'Rasa'],
  },
  {
    weight: 3,
    ethnicities: ['CHNE', 'AOTH', 'MWAS'],
    languages: ['English', 'Cantonese', 'Mandarin', 'Vietnamese'],
    surnames: ['Chen', 'Wong', 'Li', 'Zhang', 'Wang', 'Liu', 'Cheung', 'Lam', 'Nguyen', 'Tran', 'Pham', 'Ng', 'Chan', 'Ho'],
    boys: ['Ethan', 'Ryan', 'Jun', 'Hao', 'Minh', 'Kevin', 'Jason', 'Wei', 'Bao'],
    girls: ['Mei', 'Lin', 'Xin', 'Chloe', 'Grace', 'Linh', 'Anh', 'Hui', 'Vivian'],
    men: ['Wei', 'Jian', 'Ming', 'Hung', 'Tuan', 'Kenneth', 'Raymond', 'Simon'],
    women: ['Li', 'Yan', 'Xiu', 'Lan', 'Thuy', 'Helen', 'Winnie', 'Jenny'],
  },
  {
    weight: 2,
    ethnicities: ['OOTH', 'WOTH'],
    languages: ['Turkish', 'Kurdish', 'Arabic', 'English'],
    surnames: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Öztürk', 'Aydın', 'Karimi', 'Haddad', 'Saleh', 'Abdullah', 'Mustafa', 'Rahimi'],
    boys: ['Emre', 'Yusuf', 'Mustafa', 'Ahmet', 'Kerem', 'Omar', 'Karim', 'Ali', 'Hassan', 'Baran'],
    girls: ['Elif', 'Zeynep', 'Ayşe', 'Defne', 'Layla', 'Yasmin', 'Rania', 'Nour', 'Sara', 'Dilan'],
    men: ['Mehmet', 'Hasan', 'Ibrahim', 'Ahmad', 'Khalid', 'Rebwar', 'Kemal', 'Salah'],
    women: ['Fatma', 'Emine', 'Hatice', 'Leila', 'Mariam', 'Huda', 'Sevda', 'Nesrin'],
  },
];

const originWeights = origins.reduce((sum, o) => sum + o.weight, 0);

function pickOrigin(random: Random): Origin {
  let roll = random.next() * originWeights;
  for (const origin of origins) {
    roll -= origin.weight;
    if (roll < 0) return origin;
  }
  return origins[0] as Origin;
}

/** Skewed towards the front of the list, as real surname frequencies are. */
function pickSkewed<T>(random: Random, list: readonly T[]): T {
  return list[Math.floor(random.next() ** 2 * list.length)] as T;
}

export interface SyntheticPerson {
  personId: string;
  kind: 'child' | 'adult';
  givenNames: string;
  familyName: string;
  dateOfBirth: string;
  nhsNumber: string | null;
  gender: 'M' | 'F';
  ethnicity: string;
  firstLanguage: string;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function dateYearsAgo(random: Random, today: Date, minYears: number, maxYears: number): string {
  const day = 24 * 60 * 60 * 1000;
  const from = today.getTime() - maxYears * 365.25 * day;
  const to = today.getTime() - minYears * 365.25 * day;
  return isoDate(new Date(from + random.next() * (to - from)));
}

/** NHS numbers in the 999 range (for testing), each valid and each used once. */
export function nhsNumbers(random: Random) {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const firstNine = `999${String(random.int(0, 999_999)).padStart(6, '0')}`;
      const check = nhsCheckDigit(firstNine);
      const value = `${firstNine}${check}`;
      if (check !== null && !used.has(value)) {
        used.add(value);
        return value;
      }
    }
  };
}

/** `count` people, about 40% children and 60% adults, about a third with an NHS number. */
export function syntheticPeople(count: number, seed: number, today: Date): SyntheticPerson[] {
  const random = seededRandom(seed);
  const nextNhsNumber = nhsNumbers(random);
  const people: SyntheticPerson[] = [];
  for (let i = 0; i < count; i++) {
    const origin = pickOrigin(random);
    const kind = random.chance(0.4) ? 'child' : 'adult';
    const female = random.chance(0.5);
    const names = kind === 'child' ? (female ? origin.girls : origin.boys) : female ? origin.women : origin.men;
    const given = random.pick(names);
    // Some have a middle name, as "James Robert" is searched for as "jam smi".
    const middle = random.chance(0.25) ? ` ${random.pick(names)}` : '';
    people.push({
      personId: randomUUIDFrom(random),
      kind,
      givenNames: middle.trim() === given ? given : `${given}${middle}`,
      familyName: pickSkewed(random, origin.surnames),
      dateOfBirth: kind === 'child' ? dateYearsAgo(random, today, 0, 17.9) : dateYearsAgo(random, today, 18, 80),
      nhsNumber: random.chance(1 / 3) ? nextNhsNumber() : null,
      gender: female ? 'F' : 'M',
      ethnicity: random.pick(origin.ethnicities),
      firstLanguage: random.pick(origin.languages),
    });
  }
  return people;
}

/** A version 4 UUID drawn from the seeded generator, so the same run gives the same ids. */
function randomUUIDFrom(random: Random): string {
  const hex = Array.from({ length: 32 }, () => random.int(0, 15).toString(16));
  hex[12] = '4';
  hex[16] = ((random.int(0, 3) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** A registration event, as an authority's old system would hand it over (Hearth ID drawn on import). */
export function registrationEvent(person: SyntheticPerson, registeredAt: Date, extra: Partial<RegistrationData> = {}): ImportedEvent {
  const data: Omit<RegistrationData, 'hearthId'> = {
    ...emptyDetails,
    givenNames: person.givenNames,
    familyName: person.familyName,
    dateOfBirth: person.dateOfBirth,
    nhsNumber: person.nhsNumber,
    gender: person.gender,
    ethnicity: person.ethnicity,
    firstLanguage: person.firstLanguage,
    kind: person.kind,
    ...extra,
  };
  return {
    personId: person.personId,
    type: person.kind === 'child' ? 'child.registered' : 'adult.registered',
    occurredAt: registeredAt,
    data: data as unknown as Record<string, unknown>,
  };
}

import { describe, expect, it } from 'vitest';
import { duplicateKey, searchKey, searchText } from './searchKey';

describe('searchKey: names compared without case, accents or extra spaces', () => {
  it.each([
    ['Ó Súilleabháin', 'o suilleabhain'],
    ['ÖZTÜRK', 'ozturk'],
    ['Şahin', 'sahin'],
    ['Łukasz', 'lukasz'],
    ['Søren', 'soren'],
    ['Straße', 'strasse'],
    ['Zoë  Ní   Bhriain ', 'zoe ni bhriain'],
    ['O’Brien', "o'brien"],
    ['Nguyễn', 'nguyen'],
  ])('%s → %s', (name, key) => {
    expect(searchKey(name)).toBe(key);
  });

  it('treats the same name written differently as the same person for duplicates', () => {
    expect(duplicateKey('Zoë', 'ÖZTÜRK')).toBe(duplicateKey('zoe', 'Ozturk'));
    expect(duplicateKey('Zoe', 'Ozturk')).not.toBe(duplicateKey('Ozturk', 'Zoe'));
  });

  it('makes the search text from every name the person is known by', () => {
    expect(searchText({ givenNames: 'Adaeze', familyName: 'Okonkwo', preferredName: 'Ada', formerNames: 'Adaeze Smith' })).toBe('adaeze okonkwo ada adaeze smith');
    expect(searchText({ givenNames: 'Leo', familyName: 'Taylor', preferredName: null, formerNames: '' })).toBe('leo taylor');
  });
});

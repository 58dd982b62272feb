import { describe, expect, it } from 'vitest';
import { parseSearchText } from './searchQuery';

const names = (...nameTerms: string[]) => ({ nameTerms, nhsNumber: null, hearthId: null });

describe('parseSearchText', () => {
  it.each([null, undefined, '', '   ', '\t\n'])('finds nothing to search for in %j', (text) => {
    expect(parseSearchText(text)).toEqual(names());
  });

  it('splits a name into lower-case terms, whole or part', () => {
    expect(parseSearchText('Jay Smi')).toEqual(names('jay', 'smi'));
    expect(parseSearchText('  LEO   taylor ')).toEqual(names('leo', 'taylor'));
  });

  it('splits on commas as in "Family, Given"', () => {
    expect(parseSearchText('Smith, John')).toEqual(names('smith', 'john'));
    expect(parseSearchText('Smith,John')).toEqual(names('smith', 'john'));
  });

  it("keeps the apostrophe inside O'Brien and the hyphen inside Ann-Marie", () => {
    expect(parseSearchText("Siobhan O'Brien")).toEqual(names('siobhan', "o'brien"));
    expect(parseSearchText('Ann-Marie Jones')).toEqual(names('ann-marie', 'jones'));
  });

  it('strips punctuation around a term', () => {
    expect(parseSearchText('"Jay" (Smith). \'Leo\'!')).toEqual(names('jay', 'smith', 'leo'));
  });

  it('drops terms that are only punctuation', () => {
    expect(parseSearchText('jay - smith ... ?')).toEqual(names('jay', 'smith'));
    expect(parseSearchText('- -- ...')).toEqual(names());
  });

  it('folds accents and letters outside English, as names are stored for searching (searchKey)', () => {
    expect(parseSearchText('Zoë Łukasz Ní Bhriain')).toEqual(names('zoe', 'lukasz', 'ni', 'bhriain'));
  });

  it('uses at most five terms', () => {
    expect(parseSearchText('a b c d e f g')).toEqual(names('a', 'b', 'c', 'd', 'e'));
  });

  it('counts the five terms after punctuation-only terms are dropped', () => {
    expect(parseSearchText('a - b - c - d - e - f')).toEqual(names('a', 'b', 'c', 'd', 'e'));
  });

  it.each(['9434765919', '943 476 5919', '943-476-5919', ' 943 476 5919 '])('reads %j as an NHS number', (text) => {
    expect(parseSearchText(text)).toEqual({ nameTerms: [], nhsNumber: '9434765919', hearthId: null });
  });

  it('reads 10 digits as an NHS number even when the check digit is wrong (the search simply finds no one)', () => {
    expect(parseSearchText('943 476 5918')).toEqual({ nameTerms: [], nhsNumber: '9434765918', hearthId: null });
  });

  it.each([
    ['100123', 100123],
    [' 42 ', 42],
    ['007', 7],
    ['123456789', 123456789],
  ])('reads %j as a Hearth ID', (text, id) => {
    expect(parseSearchText(text)).toEqual({ nameTerms: [], nhsNumber: null, hearthId: id });
  });

  it('does not read a name with digits as an ID', () => {
    expect(parseSearchText('Leo 2015')).toEqual(names('leo', '2015'));
  });
});

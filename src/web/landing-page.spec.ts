import { DEFAULT_PROGRAMME_SETTINGS } from '../programmes/programme-defaults';
import type { ProgrammeEntity } from '../programmes/programme.entity';
import { eligibilityFacts, LandingPage } from './landing-page';

const page = new LandingPage();
const programme = (settings: Partial<ProgrammeEntity> = {}) =>
  ({
    ...DEFAULT_PROGRAMME_SETTINGS,
    name: 'Karta Dużej Rodziny',
    languages: ['pl', 'en'],
    ...settings,
  }) as ProgrammeEntity;
const facts = (settings: Partial<ProgrammeEntity>, language = 'en') =>
  eligibilityFacts(programme(settings), page.texts.in(language).landing, language);

describe('eligibilityFacts', () => {
  it('says the Polish national rules in the programme’s numbers', () => {
    expect(facts({})).toEqual([
      'Families raising at least 3 children. There is no income test.',
      'Children count until they turn 18.',
      'Children in school or higher education count until 30 September after their education ends, but not after they turn 25.',
      'Children with a disability certificate count for as long as the certificate is valid, whatever their age.',
      'Foster children count for as long as the placement lasts.',
      "Every parent, a parent's spouse, every foster parent and every child who counts gets their own card.",
      'Parents keep their cards for life.',
      'Parents who have or have had at least 3 children can get a card even when their children no longer count.',
    ]);
  });

  it.each<[Partial<ProgrammeEntity>, string, string]>([
    [{ minChildren: 4 }, 'en', 'Families raising at least 4 children. There is no income test.'],
    [{ minChildren: 1 }, 'en', 'Families raising at least 1 child. There is no income test.'],
    [
      { minChildren: 2 },
      'pl',
      'Rodziny, które mają na utrzymaniu co najmniej 2 dzieci. Dochód nie ma znaczenia.',
    ],
    [{ minChildren: 3 }, 'ro', 'Familiile care cresc cel puțin 3 copii. Nu există condiții de venit.'],
    [{ childAgeLimit: 16 }, 'pl', 'Dzieci liczą się do ukończenia 16. roku życia.'],
    [{ childAgeLimit: 21 }, 'ru', 'Дети учитываются до достижения 21 года.'],
    [{ childAgeLimit: 18 }, 'ru', 'Дети учитываются до достижения 18 лет.'],
    [
      { educationAgeLimit: 26 },
      'ro',
      'Copiii care urmează școala sau studii superioare sunt luați în calcul până la 30 septembrie după încheierea studiilor, dar nu după ce împlinesc 26 de ani.',
    ],
    [
      { educationEndRule: 'endDate' },
      'en',
      'Children in school or higher education count until their education ends, but not after they turn 25.',
    ],
    [
      { parentValidity: 'whileFamilyQualifies' },
      'en',
      "Parents' cards are valid for as long as the family qualifies.",
    ],
    [
      { residency: { kind: 'postalCodePrefixes', values: ['20-'] } },
      'en',
      'The programme is open only to residents of its area.',
    ],
  ])('%j in %s says %j', (settings, language, sentence) => {
    expect(facts(settings, language)).toContain(sentence);
  });

  it.each<[Partial<ProgrammeEntity>, RegExp]>([
    [{ formerLargeFamilyParentsQualify: false }, /have or have had/],
    [{}, /residents/],
    [{ parentValidity: 'whileFamilyQualifies' }, /for life/],
  ])('%j says nothing matching %s', (settings, absent) => {
    expect(facts(settings).filter((f) => absent.test(f))).toEqual([]);
  });
});

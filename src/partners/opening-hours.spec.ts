import { openingHoursProblems } from './opening-hours';

describe('openingHoursProblems', () => {
  it.each<[unknown, string[]]>([
    [{}, []],
    [{ mon: [['09:00', '17:00']], sat: [['10:00', '14:00']] }, []],
    [
      {
        fri: [
          ['09:00', '13:00'],
          ['14:00', '18:00'],
        ],
      },
      [],
    ],
    [{ sat: [['20:00', '00:00']] }, []],
    [{ sun: [] }, []],
    [null, ['openingHours must be an object with keys mon … sun']],
    [[], ['openingHours must be an object with keys mon … sun']],
    [{ funday: [] }, ['openingHours.funday is not a weekday (mon, tue, wed, thu, fri, sat, sun)']],
    [{ mon: 'all day' }, ['openingHours.mon must be a list of at most 4 [opens, closes] pairs']],
    [
      { mon: [['9:00', '17:00']] },
      ['openingHours.mon times must be pairs of HH:MM, such as ["09:00", "17:00"]'],
    ],
    [
      { mon: [['09:00', '24:30']] },
      ['openingHours.mon times must be pairs of HH:MM, such as ["09:00", "17:00"]'],
    ],
    [{ tue: [['18:00', '09:00']] }, ['openingHours.tue: 09:00 is not after 18:00']],
    [
      {
        wed: [
          ['09:00', '13:00'],
          ['12:00', '18:00'],
        ],
      },
      ['openingHours.wed: intervals overlap or are out of order'],
    ],
  ])('%j → %j', (hours, problems) => {
    expect(openingHoursProblems(hours)).toEqual(problems);
  });
});

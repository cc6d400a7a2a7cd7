import { chinaDateOf, isCalendarDateString, parseOffsetTimestamp } from './timestamps';

describe('parseOffsetTimestamp', () => {
  it.each([
    ['2024-03-15T09:30:00+08:00', '2024-03-15T01:30:00.000Z'],
    ['2024-03-15T01:30:00Z', '2024-03-15T01:30:00.000Z'],
    ['2024-03-15T09:30+08:00', '2024-03-15T01:30:00.000Z'],
    ['2024-03-15T09:30:00.123456789+08:00', '2024-03-15T01:30:00.123Z'],
    ['2024-03-14T20:30:00-05:00', '2024-03-15T01:30:00.000Z'],
    ['2024-02-29T00:00:00+08:00', '2024-02-28T16:00:00.000Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(new Date(parseOffsetTimestamp(text)!).toISOString()).toBe(iso);
  });

  it.each([
    '2024-03-15T09:30:00', // no offset: local time of which clock?
    '2024-03-15',
    '2024-03-15 09:30:00+08:00',
    '2024-03-15T09:30:00+0800',
    '2024-03-15T09:30:00+08',
    '2023-02-29T09:30:00+08:00',
    '2024-04-31T09:30:00+08:00',
    '2024-03-15T24:00:00+08:00',
    '2024-03-15T09:60:00+08:00',
    '2024-03-15T09:30:60+08:00',
    '2024-03-15T09:30:00+14:30',
    '2024-03-15T09:30:00+08:60',
    '2024-03-15t09:30:00z',
    '24-03-15T09:30:00+08:00',
    '',
  ])('rejects %p', (text) => expect(parseOffsetTimestamp(text)).toBeUndefined());
});

describe('calendar dates', () => {
  it('knows leap years and month lengths', () => {
    expect(isCalendarDateString('2024-02-29')).toBe(true);
    expect(isCalendarDateString('2000-02-29')).toBe(true);
    expect(isCalendarDateString('1900-02-29')).toBe(false);
    expect(isCalendarDateString('2024-06-31')).toBe(false);
    expect(isCalendarDateString('2024-6-3')).toBe(false);
  });

  it('gives the China Standard Time date of an instant', () => {
    expect(chinaDateOf(Date.parse('2024-03-15T15:59:59Z'))).toBe('2024-03-15');
    expect(chinaDateOf(Date.parse('2024-03-15T16:00:00Z'))).toBe('2024-03-16');
  });
});

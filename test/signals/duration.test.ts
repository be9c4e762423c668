import { Duration } from '../../src/core/duration';

describe('Duration', () => {
  test.each([
    ['90s', 90, '1m30s'],
    ['5m', 300, '5m'],
    ['1h30m', 5400, '1h30m'],
    ['2d', 172800, '2d'],
    ['0s', 0, '0s'],
  ])('parses %s', (text, seconds, prom) => {
    const d = Duration.parse(text);
    expect(d.toSeconds()).toBe(seconds);
    expect(d.toPrometheus()).toBe(prom);
  });

  test.each(['', '5', 'm5', '5 m', '1.5m', '5min', '-5m'])('rejects %p with the fix', (text) => {
    expect(() => Duration.parse(text)).toThrow(`Duration.parse: '${text}' is not a duration. Fix: write it as integers with units s, m, h or d, e.g. '90s', '5m' or '1h30m'.`);
  });

  test('rejects negative and fractional seconds', () => {
    expect(() => Duration.seconds(-1)).toThrow('Duration.seconds: -1 seconds is negative. Fix: give a duration of 0 or more.');
    expect(() => Duration.seconds(1.5)).toThrow('Duration.seconds: 1.5 seconds is not a whole number of seconds.');
  });

  test('minutes round up for Datadog windows', () => {
    expect(Duration.seconds(61).toMinutesCeil()).toBe(2);
    expect(Duration.minutes(5).plus(Duration.seconds(30)).toSeconds()).toBe(330);
    expect(Duration.minutes(2).isLongerThan(Duration.seconds(119))).toBe(true);
  });
});

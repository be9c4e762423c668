import { measureLoad } from '../../bench/measure-load';

// `npm test` compiles lib/ with jsii before jest runs.
describe('loading the built library', () => {
  test('never loads a provider package root (over a second per process)', () => {
    const sample = measureLoad(['./lib']);
    expect(sample.providerRoots).toEqual([]);
    expect(sample.modules).toBeGreaterThan(10);
  });

  test('the check can fail: a provider root import is detected', () => {
    const sample = measureLoad(['@cdktf/provider-datadog']);
    expect(sample.providerRoots.some((f) => f.includes('provider-datadog'))).toBe(true);
  });
});

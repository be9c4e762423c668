import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AppRegistry } from '../../src/core/app-registry';

// What the library keeps app-wide grows with the app, never with its square: fleets of
// hundreds of gateways and stacks are synthesized on every pull request.
describe('app-wide registry at fleet scale', () => {
  test('filing many entries under one key stays linear (each add is constant time)', () => {
    const app = new App();
    const registry = AppRegistry.of(app);
    const n = 60_000;
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) registry.add('wiring', 'edge/production/', i);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    expect(registry.get<number>('wiring', 'edge/production/')).toHaveLength(n);
    // Copying the list on every add (n²/2 = 1.8·10⁹ element copies here) takes seconds; filing in place takes milliseconds.
    expect(ms).toBeLessThan(1_000);
  });

  test('a key claimed again by its owner is no collision; by another construct, the message names both paths', () => {
    const app = new App();
    const first = new Construct(new TerraformStack(app, 'a'), 'kong');
    const second = new Construct(new TerraformStack(app, 'b'), 'kong');
    const registry = AppRegistry.of(app);
    const describe = { subject: "Test 'x'", what: 'thing one', fix: 'rename it' };
    registry.claim('thing', 'one', first, describe);
    expect(() => registry.claim('thing', 'one', first, describe)).not.toThrow();
    expect(() => registry.claim('thing', 'one', second, describe)).toThrow("Test 'x': thing one is claimed twice in this app: by 'a/kong' and by 'b/kong'. Fix: rename it.");
  });
});

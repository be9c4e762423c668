// The input shapes every entry point checks at run time are the assembly's own types: the file
// written by build-tools/input-shapes.ts must be what the current assembly gives.
import * as fs from 'fs';
import * as path from 'path';
import { GENERATED_FILE, dependencyAssemblies, inputShapes, inputShapesSource, loadAssembly } from '../../build-tools/input-shapes';
import { requireFreshLib } from '../support/compiled';
import { ROOT } from '../support/synth';

test('src/core/input-shapes.generated.ts matches the jsii assembly (else: npx projen input-shapes, then compile)', () => {
  requireFreshLib();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const library = require(path.join(ROOT, 'lib')) as { [name: string]: unknown };
  const expected = inputShapesSource(inputShapes(loadAssembly(path.join(ROOT, '.jsii')), dependencyAssemblies(), library));
  expect(fs.readFileSync(GENERATED_FILE, 'utf8')).toBe(expected);
});

// The layer diagram in the README is the import rule, checked on every source file: a file
// imports from its own directory's layer or a lower one, and the directories of one layer
// (the backends, which are plug-ins, and the checker beside them) never import each other.
// Static imports, re-exports, `require()` and `import()` all count.
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../support/synth';

interface Layer {
  readonly name: string;
  readonly dirs: string[];
}

/** The layers of the README's diagram, top first: `<layer>  <src/dir> [<src/dir>…]  <what lives there>`. */
function readmeLayers(): Layer[] {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## How it is built\n');
  const block = /```text\n([\s\S]*?)```/.exec(readme.slice(start))![1];
  return block.split('\n').slice(1).filter((l) => l.trim() !== '').map((line) => {
    const words = line.trim().split(/\s+/);
    return { name: words[0], dirs: words.filter((w) => w.startsWith('src/')).map((w) => w.slice('src/'.length)) };
  });
}

interface ImportEdge {
  readonly file: string;
  readonly from: string;
  readonly to: string;
}

const SPECIFIER = /(?:\bfrom\s+|\bimport\s+|\brequire\(\s*|\bimport\(\s*)'(\.[^']*)'/g;

/** Every relative import between top-level directories of src/. */
function importEdges(): ImportEdge[] {
  const src = path.join(ROOT, 'src');
  const edges: ImportEdge[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {walk(full);} else if (entry.name.endsWith('.ts')) {
        const from = path.relative(src, full).split(path.sep)[0];
        for (const m of fs.readFileSync(full, 'utf8').matchAll(SPECIFIER)) {
          const to = path.relative(src, path.resolve(path.dirname(full), m[1])).split(path.sep)[0];
          if (to !== from) edges.push({ file: path.relative(ROOT, full), from, to });
        }
      }
    }
  };
  walk(src);
  return edges;
}

/** Imports that run up the layers or across one layer's directories. */
function violations(layers: Layer[], edges: ImportEdge[]): string[] {
  const rank = new Map<string, number>();
  layers.forEach((layer, i) => layer.dirs.forEach((d) => rank.set(d, layers.length - i)));
  const out: string[] = [];
  for (const e of edges) {
    const from = rank.get(e.from);
    const to = rank.get(e.to);
    if (from === undefined || to === undefined) {
      // index.ts is the package's entry: it re-exports every layer.
      if (e.from !== 'index.ts') out.push(`${e.file}: ${e.from} -> ${e.to}, a directory the diagram does not place`);
    } else if (to > from) {out.push(`${e.file}: ${e.from} imports ${e.to}, a higher layer`);} else if (to === from) {out.push(`${e.file}: ${e.from} imports ${e.to}, another directory of its own layer`);}
  }
  return out;
}

describe('layers', () => {
  const layers = readmeLayers();
  const edges = importEdges();

  test('the README diagram places every directory of src/ once', () => {
    const placed = layers.flatMap((l) => l.dirs);
    const dirs = fs.readdirSync(path.join(ROOT, 'src'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(placed.sort()).toEqual(dirs.sort());
    expect(layers.map((l) => l.name)).toEqual(['facade', 'practices', 'backends', 'signals', 'gateway', 'core', 'internal']);
  });

  test('no import runs up the layers or across a layer (0 of the edges)', () => {
    expect(edges.length).toBeGreaterThan(100);
    expect(violations(layers, edges)).toEqual([]);
  });

  test('the check finds an upward import, a sibling import and an unplaced directory', () => {
    const found = violations(layers, [
      { file: 'src/gateway/x.ts', from: 'gateway', to: 'signals' },
      { file: 'src/grafana/x.ts', from: 'grafana', to: 'prometheus' },
      { file: 'src/kubernetes/x.ts', from: 'kubernetes', to: 'practices' },
      { file: 'src/newdir/x.ts', from: 'newdir', to: 'core' },
      { file: 'src/facade/x.ts', from: 'facade', to: 'signals' },
    ]);
    expect(found).toEqual([
      'src/gateway/x.ts: gateway imports signals, a higher layer',
      'src/grafana/x.ts: grafana imports prometheus, another directory of its own layer',
      'src/kubernetes/x.ts: kubernetes imports practices, a higher layer',
      'src/newdir/x.ts: newdir -> core, a directory the diagram does not place',
    ]);
  });
});

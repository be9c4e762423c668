// Helm values as the checker reads them from a helm_release: documents merged in order,
// then `set` entries with Helm's path syntax and typing (helm.sh docs, "The Format and
// Limitations of --set": `a.b[0].c`, `\.` for a dot in a key, booleans and integers typed).
import { encodedLiteral } from '../../src/checks/internal/hcl-literal';
import { helmValuesOf, setPath } from '../../src/checks/internal/helm-values';

describe('setPath', () => {
  test.each([
    ['a.b.c', ['a', 'b', 'c']],
    ['env.pg_password', ['env', 'pg_password']],
    ['podAnnotations.prometheus\\.io/scrape', ['podAnnotations', 'prometheus.io/scrape']],
    ['proxy.stream[0].containerPort', ['proxy', 'stream', 0, 'containerPort']],
    ['list[2]', ['list', 2]],
  ])('%s', (path, parts) => {
    expect(setPath(path)).toEqual(parts);
  });
});

describe('encodedLiteral (cdktf Fn.yamlencode / Fn.jsonencode output)', () => {
  test('objects, tuples, strings with escapes, numbers, booleans, null, references', () => {
    expect(encodedLiteral('${yamlencode({"a" = {"b" = ["x", 1, true, null]}, c = "q\\"uote", "d" = var.pw, "e" = "pre-${local.x}"})}')).toEqual({
      a: { b: ['x', 1, true, null] }, c: 'q"uote', d: '${var.pw}', e: 'pre-${local.x}',
    });
    expect(encodedLiteral('${jsonencode({"a" = 1})}')).toEqual({ a: 1 });
  });

  test('expressions the checker does not follow are not literals', () => {
    expect(encodedLiteral('${yamlencode(merge(local.a, local.b))}')).toBeUndefined();
    expect(encodedLiteral('${yamlencode({"a" = upper("x")})}')).toBeUndefined();
    expect(encodedLiteral('${file("values.yaml")}')).toBeUndefined();
    expect(encodedLiteral(`\${yamlencode(${'['.repeat(1000)}${']'.repeat(1000)})}`)).toBeUndefined();
  });
});

describe('helmValuesOf', () => {
  test('documents merge map by map; set entries override them, typed as Helm types them', () => {
    const v = helmValuesOf({
      values: ['status:\n  http:\n    enabled: true\n    containerPort: 8100\n', '{"status": {"tls": {"enabled": true}}}'],
      set: [{ name: 'status.http.containerPort', value: '9100' }, { name: 'env.status_listen', value: '0.0.0.0:9100', type: 'string' }, { name: 'image.tag', value: '3.9', type: 'string' }],
      set_list: [{ name: 'proxy.tls.parameters', value: ['http2'] }],
    });
    expect(v.opaque).toBe(false);
    expect(v.values).toEqual({
      status: { http: { enabled: true, containerPort: 9100 }, tls: { enabled: true } },
      env: { status_listen: '0.0.0.0:9100' },
      image: { tag: '3.9' },
      proxy: { tls: { parameters: ['http2'] } },
    });
  });

  test('values from a file or a template are opaque, not empty', () => {
    expect(helmValuesOf({ values: ['${file("values.yaml")}'] }).opaque).toBe(true);
    expect(helmValuesOf({ values: ['${templatefile("values.tpl", {})}'] }).opaque).toBe(true);
    expect(helmValuesOf({ values: ['key: [unclosed'] }).opaque).toBe(true);
  });
});

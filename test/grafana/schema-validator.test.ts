import { GRAFANA_SCHEMA, synth } from './helpers';
import { Folder, MessageTemplate, RuleGroup } from '../../src/grafana/provider';
import {
  ProviderSchemaDocument,
  validateResourceAgainstSchema,
  validateStackAgainstSchema,
} from '../support/terraform-schema';

// A minimal valid rule group body, copied and broken by each test below.
function ruleGroupBody(): any {
  return {
    name: 'kong-health',
    folder_uid: 'kong',
    interval_seconds: 60,
    rule: [{
      name: 'Kong node not ready',
      condition: 'A',
      data: [{ ref_id: 'A', datasource_uid: 'prom', model: '{"expr":"up"}', relative_time_range: [{ from: 600, to: 0 }] }],
    }],
  };
}

const validate = (type: string, value: unknown) => validateResourceAgainstSchema(type, value, GRAFANA_SCHEMA);

describe('validateResourceAgainstSchema', () => {
  test('accepts a valid body, Terraform meta-arguments and interpolations', () => {
    expect(validate('grafana_rule_group', ruleGroupBody())).toEqual([]);
    const withMeta = {
      ...ruleGroupBody(),
      'interval_seconds': '${var.interval}',
      'depends_on': ['grafana_folder.kong'],
      'count': 1,
      'for_each': '${var.groups}',
      'provider': 'grafana.eu',
      'lifecycle': { prevent_destroy: true },
      '//': { metadata: { path: 'x' } },
    };
    expect(validate('grafana_rule_group', withMeta)).toEqual([]);
  });

  test('unknown attribute', () => {
    expect(validate('grafana_folder', { title: 'Kong', colour: 'red' }))
      .toEqual(['grafana_folder: unknown attribute "colour"']);
    const rg = ruleGroupBody();
    rg.rule[0].data[0].datasource = 'prom';
    expect(validate('grafana_rule_group', rg))
      .toEqual(['grafana_rule_group.rule[0].data[0]: unknown attribute "datasource"']);
  });

  test('missing required attribute and missing required block', () => {
    expect(validate('grafana_folder', { uid: 'kong' }))
      .toEqual(['grafana_folder: missing required attribute "title"']);
    const noRule = ruleGroupBody();
    delete noRule.rule;
    expect(validate('grafana_rule_group', noRule))
      .toEqual(['grafana_rule_group: missing required block "rule" (at least 1)']);
    const noRange = ruleGroupBody();
    delete noRange.rule[0].data[0].relative_time_range;
    expect(validate('grafana_rule_group', noRange))
      .toEqual(['grafana_rule_group.rule[0].data[0]: missing required block "relative_time_range" (at least 1)']);
  });

  test('block given as an object (a map) where a list is needed', () => {
    const rg = ruleGroupBody();
    rg.rule[0].data[0].relative_time_range = { from: 600, to: 0 };
    expect(validate('grafana_rule_group', rg)).toEqual([
      'grafana_rule_group.rule[0].data[0].relative_time_range: block "relative_time_range" (list) must be a JSON array of objects, got an object',
    ]);
    // HCL JSON itself reads an object as one block: callers holding prebuilt-provider output may allow it.
    expect(validateResourceAgainstSchema('grafana_rule_group', rg, GRAFANA_SCHEMA, { allowObjectForBlockList: true })).toEqual([]);
  });

  test('block count outside min_items / max_items', () => {
    const two = ruleGroupBody();
    two.rule[0].data[0].relative_time_range.push({ from: 300, to: 0 });
    expect(validate('grafana_rule_group', two))
      .toEqual(['grafana_rule_group.rule[0].data[0].relative_time_range: at most 1 block(s) allowed, got 2']);
    const none = ruleGroupBody();
    none.rule[0].data = [];
    expect(validate('grafana_rule_group', none))
      .toEqual(['grafana_rule_group.rule[0].data: at least 1 block(s) required, got 0']);
  });

  test('wrong primitive and collection types', () => {
    const rg = ruleGroupBody();
    rg.interval_seconds = '60';
    rg.rule[0].is_paused = 'true';
    rg.rule[0].labels = ['severity=critical'];
    rg.rule[0].data[0].relative_time_range[0].from = '10m';
    rg.rule[0].data[0].model = { expr: 'up' };
    expect(validate('grafana_rule_group', rg).sort()).toEqual([
      'grafana_rule_group.interval_seconds: expected number, got a string ("60")',
      'grafana_rule_group.rule[0].data[0].model: expected string, got an object',
      'grafana_rule_group.rule[0].data[0].relative_time_range[0].from: expected number, got a string ("10m")',
      'grafana_rule_group.rule[0].is_paused: expected bool, got a string ("true")',
      'grafana_rule_group.rule[0].labels: expected ["map","string"] (a JSON object), got an array',
    ]);
    expect(validate('grafana_folder', { title: 42 }))
      .toEqual(['grafana_folder.title: expected string, got a number (42)']);
  });

  test('computed-only attributes cannot be set', () => {
    expect(validate('grafana_message_template', { name: 'kong', template: 't', id: '1:kong' }))
      .toEqual(['grafana_message_template.id: is computed only and cannot be set']);
    expect(validate('grafana_dashboard', { config_json: '{}', uid: 'kong' }))
      .toEqual(['grafana_dashboard.uid: is computed only and cannot be set']);
  });

  test('a sixth policy level does not exist in the schema; the fifth needs group_by', () => {
    let leaf: any = { matcher: [{ label: 'a', match: '=', value: 'b' }] };
    const root: any = { contact_point: 'cp', group_by: ['...'], policy: [leaf] };
    for (let n = 2; n <= 6; n++) {
      const child = { matcher: [{ label: 'a', match: '=', value: `${n}` }] };
      leaf.policy = [child];
      leaf = child;
    }
    expect(validate('grafana_notification_policy', root)).toEqual([
      'grafana_notification_policy.policy[0].policy[0].policy[0].policy[0].policy[0]: unknown attribute "policy"',
      'grafana_notification_policy.policy[0].policy[0].policy[0].policy[0].policy[0]: missing required attribute "group_by"',
    ]);
  });

  test('unknown resource type and non-object body', () => {
    expect(validate('grafana_nope', {})).toEqual(['grafana_nope: no schema for resource type "grafana_nope"']);
    expect(validate('grafana_folder', ['Kong'])).toEqual(['grafana_folder: a resource body must be a JSON object, got an array']);
  });
});

describe('validateStackAgainstSchema', () => {
  test('reports every broken resource by address and skips other providers', () => {
    const s = synth((stack) => {
      const folder = new Folder(stack, 'kong', { title: 'Kong' });
      folder.addOverride('colour', 'red');
      const tpl = new MessageTemplate(stack, 'tpl', { name: 'kong', template: 't' });
      tpl.addOverride('template', 7);
      new RuleGroup(stack, 'ok', {
        name: 'g',
        folderUid: 'kong',
        intervalSeconds: 60,
        rule: [{ name: 'r', condition: 'A', data: [{ refId: 'A', datasourceUid: 'prom', model: '{}', relativeTimeRange: { from: 60, to: 0 } }] }],
      });
    });
    expect(validateStackAgainstSchema(s.json, GRAFANA_SCHEMA, 'grafana_')).toEqual([
      'grafana_folder.kong: unknown attribute "colour"',
      'grafana_message_template.tpl.template: expected string, got a number (7)',
    ]);
    const withOther = { ...s.parsed, resource: { ...s.parsed.resource, other_thing: { x: { anything: true } } } };
    expect(validateStackAgainstSchema(withOther, GRAFANA_SCHEMA, 'grafana_')).toHaveLength(2);
  });

  test('validates the provider block of the prefix\'s local name', () => {
    const stackJson = { provider: { grafana: [{ url: 'https://g', org_id: '1', tokn: 'x' }] } };
    expect(validateStackAgainstSchema(stackJson, GRAFANA_SCHEMA, 'grafana_')).toEqual([
      'provider.grafana[0].org_id: expected number, got a string ("1")',
      'provider.grafana[0]: unknown attribute "tokn"',
    ]);
  });

  test('knows nothing Grafana-specific: works on any provider schema, single/map nesting and object types', () => {
    const doc: ProviderSchemaDocument = {
      format_version: '1.0',
      provider_schemas: {
        'registry.terraform.io/acme/acme': {
          resource_schemas: {
            acme_thing: {
              version: 0,
              block: {
                attributes: {
                  name: { type: 'string', required: true },
                  endpoint: { type: ['object', { host: 'string', port: 'number' }], optional: true },
                  pair: { type: ['tuple', ['string', 'bool']], optional: true },
                  spec: {
                    nested_type: { nesting_mode: 'list', max_items: 1, attributes: { size: { type: 'number', required: true } } },
                    optional: true,
                  },
                },
                block_types: {
                  timeouts: { nesting_mode: 'single', block: { attributes: { create: { type: 'string', optional: true } } } },
                  rule: { nesting_mode: 'map', block: { attributes: { action: { type: 'string', required: true } } } },
                },
              },
            },
          },
        },
      },
    };
    const good = {
      name: 'a',
      endpoint: { host: 'h', port: 80 },
      pair: ['x', true],
      spec: [{ size: 1 }],
      timeouts: { create: '5m' },
      rule: { allow: { action: 'allow' } },
    };
    expect(validateStackAgainstSchema({ resource: { acme_thing: { a: good } } }, doc, 'acme_')).toEqual([]);
    const bad = {
      name: 'a',
      endpoint: { host: 'h', port: '80', extra: 1 },
      pair: ['x'],
      spec: [{ size: 1 }, { size: 2 }],
      timeouts: [{ create: '5m' }, { create: '6m' }],
      rule: { allow: {} },
    };
    expect(validateStackAgainstSchema({ resource: { acme_thing: { a: bad } } }, doc, 'acme_')).toEqual([
      'acme_thing.a.endpoint.port: expected number, got a string ("80")',
      'acme_thing.a.endpoint: unknown object attribute "extra"',
      'acme_thing.a.pair: expected ["tuple",["string","bool"]] (a JSON array of 2), got an array',
      'acme_thing.a.spec: at most 1 block(s) allowed, got 2',
      'acme_thing.a.timeouts: at most 1 block allowed, got 2',
      'acme_thing.a.rule["allow"]: missing required attribute "action"',
    ]);
  });
});

// DB-less Kong serves only what its declarative file holds: with the library's plugins alone it
// answers 404 to every request. The user's services and routes go in; the library's global
// plugins are merged into them; a global plugin configured twice is refused (Kong would refuse
// the file and never become ready).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DatadogProvider } from '@cdktf/provider-datadog/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import * as yaml from 'js-yaml';
import { onlyResource, synthJson } from './synth-helpers';
import { KongMonitoring } from '../../src/facade/kong-monitoring';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { KongDeclarativeConfig } from '../../src/kubernetes/declarative-config';
import { KongDeployment } from '../../src/kubernetes/kong-deployment';
import { KongWorkloadSettings } from '../../src/kubernetes/kong-workload-settings';
import { KongPluginDelivery } from '../../src/kubernetes/plugin-delivery';

const gateway = KongGateway.dbLess({ name: 'edge', expectedNodes: 2 });

const USER_CONFIG = `_format_version: "3.0"
services:
  - name: orders
    url: http://orders.shop.svc:8080
    routes:
      - name: orders
        paths: [/orders]
    plugins:
      - name: prometheus
        config: { per_consumer: true }
routes:
  - name: status-check
    service: orders
    paths: [/status-check]
plugins:
  - name: cors
    config: { origins: ['*'] }
`;

describe('KongDeclarativeConfig', () => {
  test('counts the routes of services and the top-level routes', () => {
    expect(KongDeclarativeConfig.fromString(USER_CONFIG).routeCount).toBe(2);
    expect(KongDeclarativeConfig.fromString('_format_version: "3.0"\nservices: []').routeCount).toBe(0);
  });

  test('reads a file', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kong-yml-')), 'kong.yml');
    fs.writeFileSync(file, USER_CONFIG);
    expect(KongDeclarativeConfig.fromFile(file).routeCount).toBe(2);
    expect(() => KongDeclarativeConfig.fromFile(`${file}.missing`)).toThrow(/^KongDeclarativeConfig: file '.*kong\.yml\.missing' cannot be read \(ENOENT.*\. Fix: give the path of your kong\.yml/);
  });

  test('a document that is not declarative configuration is refused with the fix', () => {
    expect(() => KongDeclarativeConfig.fromString('services: [')).toThrow(/^KongDeclarativeConfig: the document is not valid YAML or JSON \(.*\)\. Fix: fix the syntax/);
    expect(() => KongDeclarativeConfig.fromString('- a\n- b')).toThrow('KongDeclarativeConfig: the document is not a mapping. Fix: give a Kong declarative configuration (kong.yml) with _format_version, services and routes.');
    expect(() => KongDeclarativeConfig.fromString('services: []')).toThrow('KongDeclarativeConfig: the document has _format_version undefined. Fix: start it with _format_version: "3.0" (Kong 3.x reads 1.1, 2.1, 3.0).');
  });
});

describe('merging the library plugins into the user configuration', () => {
  const settings = new KongWorkloadSettings({ gateway, declarativeConfig: KongDeclarativeConfig.fromString(USER_CONFIG), plugins: { datadog: {} } });
  const merged = yaml.load(settings.declarativeConfig()) as any;

  test("the user's services, routes and scoped plugins stay; the library's plugins join the global ones", () => {
    expect(merged._format_version).toBe('3.0');
    expect(merged.services[0].routes).toEqual([{ name: 'orders', paths: ['/orders'] }]);
    expect(merged.routes.map((r: any) => r.name)).toEqual(['status-check']);
    // A service-scoped prometheus plugin is not the global one: no conflict.
    expect(merged.services[0].plugins.map((p: any) => p.name)).toEqual(['prometheus']);
    expect(merged.plugins.map((p: any) => p.name)).toEqual(['cors', 'prometheus', 'datadog']);
    expect(merged.plugins[1].config).toMatchObject({ status_code_metrics: true, latency_metrics: true });
  });

  test('KongDeployment mounts the merged configuration and rolls the pods when it changes', () => {
    const deployed = (config: string) => synthJson((scope) => new KongDeployment(scope, 'kong', { gateway, declarativeConfig: KongDeclarativeConfig.fromString(config) }));
    const json = deployed(USER_CONFIG);
    const configMap = onlyResource(json, 'kubernetes_config_map_v1');
    const document = JSON.parse(configMap.data['kong.yml']);
    expect(document.routes[0].paths).toEqual(['/status-check']);
    expect(document.plugins.map((p: any) => p.name)).toEqual(['cors', 'prometheus']);
    const checksum = (j: any) => onlyResource(j, 'kubernetes_deployment_v1').spec.template.metadata.annotations['checksum/declarative-config'];
    expect(checksum(json)).not.toBe(checksum(deployed(USER_CONFIG.replace('/orders', '/v2/orders'))));
  });

  test('a global plugin configured in both places is a conflict', () => {
    const config = KongDeclarativeConfig.fromString('_format_version: "3.0"\nplugins:\n  - name: prometheus\n    config: {}\n');
    expect(() => new KongWorkloadSettings({ gateway, declarativeConfig: config })).toThrow(
      "KongWorkloadSettings 'edge': the declarative configuration already has a global 'prometheus' plugin, which the library configures too (Kong refuses two global plugins of one name). "
      + "Fix: remove it from your configuration (the library's carries the settings the alerts need), or leave it out of the library's plugins (plugins.prometheus.enabled: false), or set pluginsManagedExternally: true.",
    );
    // The user's own plugins, declared external, are left as they are.
    const external = new KongWorkloadSettings({ gateway, declarativeConfig: config, pluginsManagedExternally: true });
    expect((yaml.load(external.declarativeConfig()) as any).plugins).toEqual([{ name: 'prometheus', config: {} }]);
  });

  test('only a DB-less gateway takes a declarative configuration', () => {
    expect(() => new KongWorkloadSettings({ gateway: KongGateway.traditional({ name: 'core' }), declarativeConfig: KongDeclarativeConfig.fromString(USER_CONFIG) })).toThrow(
      "KongWorkloadSettings 'core': declarativeConfig is set, but a traditional gateway reads its configuration from its database. Fix: remove declarativeConfig, or declare the gateway with KongGateway.dbLess.",
    );
  });
});

describe('your own ConfigMap for a DB-less Kong the library does not deploy', () => {
  test('holds the merged configuration, and the plugins count as delivered by it', () => {
    const settings = new KongWorkloadSettings({ gateway, declarativeConfig: KongDeclarativeConfig.fromString(USER_CONFIG) });
    expect(settings.configuredPlugins().delivery).toBe(KongPluginDelivery.NONE);
    const json = synthJson((scope) => settings.addDeclarativeConfigMap(scope, 'kong-config', { name: 'kong-legacy-config', key: 'declarative.yml' }));
    const configMap = onlyResource(json, 'kubernetes_config_map_v1');
    expect(configMap.metadata).toEqual({ name: 'kong-legacy-config', namespace: 'kong' });
    expect(JSON.parse(configMap.data['declarative.yml']).plugins.map((p: any) => p.name)).toEqual(['cors', 'prometheus']);
    expect(settings.configuredPlugins()).toMatchObject({ delivery: KongPluginDelivery.DECLARATIVE_CONFIG, plugins: ['prometheus'] });
  });

  test('only for a DB-less gateway whose plugins the library configures', () => {
    const traditional = new KongWorkloadSettings({ gateway: KongGateway.traditional({ name: 'core' }) });
    expect(() => synthJson((scope) => traditional.addDeclarativeConfigMap(scope, 'c', { name: 'c' }))).toThrow(
      "KongWorkloadSettings 'core': a declarative configuration ConfigMap is for DB-less Kong, and this is a traditional gateway. Fix: configure its plugins with KongClusterPlugins, KongDeployment (database import) or declare pluginsManagedExternally.",
    );
    const external = new KongWorkloadSettings({ gateway, pluginsManagedExternally: true });
    expect(() => synthJson((scope) => external.addDeclarativeConfigMap(scope, 'c', { name: 'c' }))).toThrow(
      "KongWorkloadSettings 'edge': pluginsManagedExternally is set, so the ConfigMap would carry none of the library's plugins. Fix: write your ConfigMap yourself, or leave pluginsManagedExternally unset.",
    );
  });
});

describe('a synthetic test on a DB-less gateway with no routes', () => {
  function facade(declarativeConfig?: KongDeclarativeConfig) {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new KubernetesProvider(stack, 'kubernetes', {});
    new DatadogProvider(stack, 'datadog', {});
    return new KongMonitoring(stack, 'kong', {
      gateway,
      kubernetes: { deploy: true, declarativeConfig },
      datadog: { notify: { critical: ['@pagerduty-kong'], warning: ['@slack-kong'] }, synthetics: { endpoint: { url: 'https://api.example.com/status-check' } } },
    });
  }

  test('is refused: Kong answers 404 to every request, so the test fails forever', () => {
    expect(() => facade()).toThrow(
      "KongMonitoring 'kong' (stack/kong): datadog.synthetics.endpoint.url https://api.example.com/status-check tests a route of the DB-less gateway 'edge', whose declarative configuration has no routes: "
      + 'Kong answers 404 to every request, so the test would fail forever. '
      + "Fix: add your services and routes (kubernetes.declarativeConfig: KongDeclarativeConfig.fromFile('kong.yml')), or leave out the endpoint test.",
    );
  });

  test('is created once the configuration has routes', () => {
    expect(facade(KongDeclarativeConfig.fromString(USER_CONFIG)).alerting?.datadogSynthetics?.endpointTest).toBeDefined();
  });
});

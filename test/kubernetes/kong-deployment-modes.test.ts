// A deployed Kong starts in every mode: the settings each mode needs (database, cluster
// certificate, control-plane endpoint) reach the container, and a missing one fails synth naming
// the setting. Facts: Kong reads `KONG_PG_*` in traditional mode and on a hybrid control plane;
// data planes need `cluster_control_plane` and the shared cluster certificate (kong.conf.default,
// "HYBRID MODE"); a data plane newer than its control plane is refused
// (kong/clustering/compat/init.lua 3.9.3 L60).
import { TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import * as yaml from 'js-yaml';
import { manifestsOfKind, onlyResource, resourcesOf, synthJson } from './synth-helpers';
import { KongGateway, KongGatewayOptions } from '../../src/gateway/kong-gateway';
import { KongEdition } from '../../src/gateway/kong-version';
import { KongConfigurationSource } from '../../src/kubernetes/configuration-source';
import { KongDatabaseOptions } from '../../src/kubernetes/deployment-options';
import { KongDeployment, KongDeploymentProps } from '../../src/kubernetes/kong-deployment';
import { KongPluginDelivery } from '../../src/kubernetes/plugin-delivery';

const DATABASE: KongDatabaseOptions = { host: 'postgres.databases.svc.cluster.local', passwordSecret: { secretName: 'kong-postgres', key: 'password' } };
const CERT = 'kong-cluster-cert';

const envOf = (container: any) => Object.fromEntries((container.env ?? []).map((e: any) => [e.name, e.value ?? e.value_from]));
const kongContainer = (json: any) => onlyResource(json, 'kubernetes_deployment_v1').spec.template.spec.container[0];
const podSpec = (json: any) => onlyResource(json, 'kubernetes_deployment_v1').spec.template.spec;
const services = (json: any) => (Object.values(resourcesOf(json, 'kubernetes_service_v1')) as any[]).map((s) => `${s.metadata.name} ${s.spec.type}`).sort();

function deploy(props: KongDeploymentProps): any {
  return synthJson((scope) => new KongDeployment(scope, 'kong', props));
}

describe('traditional mode', () => {
  const gateway = KongGateway.traditional({ name: 'core', expectedNodes: 3 });
  const json = deploy({ gateway, database: DATABASE });
  const env = envOf(kongContainer(json));

  test('env: PostgreSQL from the database settings, the password only through a secretKeyRef', () => {
    expect(env).toMatchObject({
      KONG_DATABASE: 'postgres',
      KONG_PG_HOST: 'postgres.databases.svc.cluster.local',
      KONG_PG_PORT: '5432',
      KONG_PG_DATABASE: 'kong',
      KONG_PG_USER: 'kong',
      KONG_PG_PASSWORD: { secret_key_ref: { name: 'kong-postgres', key: 'password' } },
    });
    expect(env.KONG_ROLE).toBeUndefined();
    expect(JSON.stringify(json)).not.toMatch(/KONG_PG_PASSWORD","value"/);
  });

  test('init containers: migrations bootstrap, then the library plugins imported into the database with the same env', () => {
    const init = podSpec(json).init_container;
    expect(init.map((c: any) => [c.name, c.command])).toEqual([
      ['kong-migrations', ['kong', 'migrations', 'bootstrap']],
      ['kong-plugins', ['kong', 'config', 'db_import', '/kong_plugins/plugins.json']],
    ]);
    for (const c of init) {
      expect(c.image).toBe('kong:3.9');
      expect(envOf(c)).toMatchObject({ KONG_DATABASE: 'postgres', KONG_PG_HOST: 'postgres.databases.svc.cluster.local', KONG_PG_PASSWORD: { secret_key_ref: { name: 'kong-postgres', key: 'password' } } });
    }
    expect(init[1].volume_mount).toEqual([{ name: 'kong-plugins', mount_path: '/kong_plugins', read_only: true }]);
  });

  test('the imported file holds only the library plugins, with fixed ids and a tag, so an import never touches other entities', () => {
    const configMap = onlyResource(json, 'kubernetes_config_map_v1');
    expect(configMap.metadata.name).toBe('core-plugins');
    const file = JSON.parse(configMap.data['plugins.json']);
    expect(Object.keys(file).sort()).toEqual(['_format_version', 'plugins']);
    expect(file.plugins.map((p: any) => p.name)).toEqual(['prometheus']);
    expect(file.plugins[0]).toMatchObject({ tags: ['managed-by-cdktf-kong-monitoring'], config: { status_code_metrics: true } });
    expect(file.plugins[0].id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // The same gateway gives the same id (an upsert, never a second plugin).
    const again = JSON.parse(onlyResource(deploy({ gateway, database: DATABASE }), 'kubernetes_config_map_v1').data['plugins.json']);
    expect(again.plugins[0].id).toBe(file.plugins[0].id);
    const annotations = onlyResource(json, 'kubernetes_deployment_v1').spec.template.metadata.annotations;
    expect(annotations['checksum/plugins']).toMatch(/^[0-9a-f]{64}$/);
  });

  test('Services: the proxy load balancer and the ClusterIP status Service', () => {
    expect(services(json)).toEqual(['core-proxy LoadBalancer', 'core-status ClusterIP']);
  });

  test('the plugins reach Kong through the database import', () => {
    let kong: KongDeployment | undefined;
    synthJson((scope) => {
      kong = new KongDeployment(scope, 'kong', { gateway, database: DATABASE, plugins: { prometheus: { bandwidthMetrics: false }, datadog: {} } });
    });
    expect(kong!.configuredPlugins()).toEqual({
      delivery: KongPluginDelivery.DATABASE_IMPORT,
      plugins: ['prometheus', 'datadog'],
      prometheus: { statusCodeMetrics: true, latencyMetrics: true, bandwidthMetrics: false, upstreamHealthMetrics: true, perConsumer: false },
    });
  });

  test('without a database Kong would not start: synth names the setting', () => {
    expect(() => deploy({ gateway })).toThrow(
      "KongDeployment 'kong': a traditional gateway reads its configuration from PostgreSQL, and database is not set, so Kong would not start. "
      + "Fix: set database: { host, passwordSecret: { secretName, key } } (user and database default to 'kong').",
    );
  });

  test('migrations can be left to the operator; other database settings follow the options', () => {
    const custom = deploy({ gateway, database: { ...DATABASE, port: 6432, database: 'kong_core', user: 'core', ssl: true, bootstrapMigrations: false } });
    expect(envOf(kongContainer(custom))).toMatchObject({ KONG_PG_PORT: '6432', KONG_PG_DATABASE: 'kong_core', KONG_PG_USER: 'core', KONG_PG_SSL: 'on' });
    expect(podSpec(custom).init_container.map((c: any) => c.name)).toEqual(['kong-plugins']);
  });

  test('bad database settings are refused', () => {
    expect(() => deploy({ gateway, database: { ...DATABASE, host: 'postgres:5432' } })).toThrow(
      "KongDeployment 'kong': database.host 'postgres:5432' is not a host name. Fix: give the host alone (no scheme or port), e.g. 'postgres.databases.svc.cluster.local', and the port as database.port.",
    );
    expect(() => deploy({ gateway, database: { ...DATABASE, passwordSecret: { secretName: 'Kong_PG', key: 'password' } } })).toThrow(
      "KongDeployment 'kong': database.passwordSecret.secretName 'Kong_PG' is not a DNS-1123 subdomain. Fix:",
    );
  });

  test('with the Kong Ingress Controller the plugins are KongClusterPlugins and nothing is imported', () => {
    const kic = deploy({ gateway, database: DATABASE, configurationSource: KongConfigurationSource.INGRESS_CONTROLLER });
    expect(podSpec(kic).init_container.map((c: any) => c.name)).toEqual(['kong-migrations']);
    expect(manifestsOfKind(kic, 'KongClusterPlugin').map((m) => m.plugin)).toEqual(['prometheus']);
    expect(resourcesOf(kic, 'kubernetes_config_map_v1')).toEqual({});
  });

  test('plugins configured elsewhere: nothing imported, the library trusts the options', () => {
    let kong: KongDeployment | undefined;
    const json2 = synthJson((scope) => {
      kong = new KongDeployment(scope, 'kong', { gateway, database: DATABASE, pluginsManagedExternally: true, plugins: { datadog: {} } });
    });
    expect(podSpec(json2).init_container.map((c: any) => c.name)).toEqual(['kong-migrations']);
    expect(kong!.configuredPlugins().delivery).toBe(KongPluginDelivery.EXTERNAL);
    expect(kong!.configuredPlugins().plugins).toEqual(['prometheus', 'datadog']);
    // The Datadog plugin's env is still there: the external config reads the Agent host from it.
    expect(envOf(kongContainer(json2)).KONG_DATADOG_AGENT_HOST).toEqual({ field_ref: { field_path: 'status.hostIP' } });
  });
});

describe('hybrid mode', () => {
  function cluster(cpOptions: Partial<KongGatewayOptions> = {}, dpOptions: Partial<KongGatewayOptions> = {}, dpProps: Partial<KongDeploymentProps> = {}) {
    let cp: KongDeployment | undefined;
    let dp: KongDeployment | undefined;
    const json = synthJson((scope: Construct) => {
      cp = new KongDeployment(scope, 'cp', {
        gateway: KongGateway.hybridControlPlane({ name: 'mesh-cp', namespace: 'kong-cp', ...cpOptions }),
        database: DATABASE,
        cluster: { certificateSecretName: CERT, dataPlaneNamespaces: ['kong-dp'] },
        statusAllowedNamespaces: ['monitoring'],
      });
      dp = new KongDeployment(scope, 'dp', {
        gateway: KongGateway.hybridDataPlane({ name: 'mesh-dp', namespace: 'kong-dp', ...dpOptions }),
        cluster: { controlPlane: cp },
        plugins: { datadog: {} },
        ...dpProps,
      });
    });
    const byName = (name: string) => (Object.values(resourcesOf(json, 'kubernetes_deployment_v1')) as any[]).find((d) => d.metadata.name === name);
    return { json, cp: cp!, dp: dp!, cpDeployment: byName('mesh-cp'), dpDeployment: byName('mesh-dp') };
  }

  describe('open source', () => {
    const { json, cp, dp, cpDeployment, dpDeployment } = cluster();
    const cpContainer = cpDeployment.spec.template.spec.container[0];
    const dpContainer = dpDeployment.spec.template.spec.container[0];

    test('control plane env: role, cluster listener, shared certificate, database; no telemetry listener (Enterprise only)', () => {
      expect(envOf(cpContainer)).toMatchObject({
        KONG_ROLE: 'control_plane',
        KONG_DATABASE: 'postgres',
        KONG_PROXY_LISTEN: 'off',
        KONG_CLUSTER_LISTEN: '0.0.0.0:8005',
        KONG_CLUSTER_CERT: '/etc/secrets/kong-cluster-certificate/tls.crt',
        KONG_CLUSTER_CERT_KEY: '/etc/secrets/kong-cluster-certificate/tls.key',
        KONG_PG_HOST: 'postgres.databases.svc.cluster.local',
      });
      expect(envOf(cpContainer).KONG_CLUSTER_TELEMETRY_LISTEN).toBeUndefined();
      expect(cpContainer.port.map((p: any) => `${p.name}:${p.container_port}`)).toEqual(['cluster:8005', 'status:8100']);
    });

    test('both sides mount the certificate Secret read-only where the env points', () => {
      for (const d of [cpDeployment, dpDeployment]) {
        expect(d.spec.template.spec.volume).toContainEqual({ name: 'cluster-certificate', secret: { secret_name: CERT } });
        expect(d.spec.template.spec.container[0].volume_mount).toContainEqual({ name: 'cluster-certificate', mount_path: '/etc/secrets/kong-cluster-certificate', read_only: true });
      }
    });

    test('control plane Services: status and the cluster Service data planes connect to; no proxy', () => {
      const clusterService = (Object.values(resourcesOf(json, 'kubernetes_service_v1')) as any[]).find((s) => s.metadata.name === 'mesh-cp-cluster');
      expect(clusterService.spec).toMatchObject({ type: 'ClusterIP', port: [{ name: 'cluster', port: 8005, target_port: 'cluster', protocol: 'TCP' }] });
      expect(clusterService.spec.selector).toEqual(cpDeployment.spec.selector.match_labels);
      expect(services(json)).toEqual(['mesh-cp-cluster ClusterIP', 'mesh-cp-status ClusterIP', 'mesh-dp-proxy LoadBalancer', 'mesh-dp-status ClusterIP']);
      expect(cp.clusterEndpoint).toMatch(/^\$\{TfToken\[TOKEN\.\d+\]\}\.kong-cp\.svc:8005$/);
    });

    test('data plane env: role, no database, the control plane endpoint through its cluster Service, the certificate', () => {
      expect(envOf(dpContainer)).toMatchObject({
        KONG_ROLE: 'data_plane',
        KONG_DATABASE: 'off',
        KONG_CLUSTER_CERT: '/etc/secrets/kong-cluster-certificate/tls.crt',
        KONG_CLUSTER_CERT_KEY: '/etc/secrets/kong-cluster-certificate/tls.key',
      });
      expect(envOf(dpContainer).KONG_CLUSTER_CONTROL_PLANE).toMatch(/^\$\{kubernetes_service_v1\.cp_cluster_[0-9A-F]+\.metadata\[0\]\.name\}\.kong-cp\.svc:8005$/);
      expect(envOf(dpContainer).KONG_CLUSTER_TELEMETRY_ENDPOINT).toBeUndefined();
      expect(dpDeployment.spec.template.spec.init_container).toBeUndefined();
    });

    test("the data plane's plugins are imported by its control plane, tagged with the data plane gateway", () => {
      const file = JSON.parse((Object.values(resourcesOf(json, 'kubernetes_config_map_v1')) as any[]).find((c) => c.metadata.name === 'mesh-cp-plugins').data['plugins.json']);
      expect(file.plugins.map((p: any) => p.name)).toEqual(['prometheus', 'datadog']);
      expect(file.plugins[1].config.metrics[0].tags).toEqual(['kong_gateway:mesh-dp', 'kong_environment:production']);
      expect(cpDeployment.spec.template.spec.init_container.map((c: any) => c.name)).toEqual(['kong-migrations', 'kong-plugins']);
      expect(dp.configuredPlugins()).toMatchObject({ delivery: KongPluginDelivery.CONTROL_PLANE, plugins: ['prometheus', 'datadog'] });
      expect(cp.configuredPlugins()).toMatchObject({ delivery: KongPluginDelivery.DATABASE_IMPORT, plugins: ['prometheus', 'datadog'] });
      // The Datadog plugin runs on the data planes: they get the Agent host.
      expect(envOf(dpContainer).KONG_DATADOG_AGENT_HOST).toEqual({ field_ref: { field_path: 'status.hostIP' } });
    });
  });

  describe('Kong Gateway Enterprise', () => {
    const enterprise = { kongVersion: '3.10.0.1', edition: KongEdition.ENTERPRISE };
    const { json, cpDeployment, dpDeployment } = cluster(enterprise, enterprise);

    test('the control plane also listens for telemetry (8006); the data plane sends it there', () => {
      const cpContainer = cpDeployment.spec.template.spec.container[0];
      expect(envOf(cpContainer).KONG_CLUSTER_TELEMETRY_LISTEN).toBe('0.0.0.0:8006');
      expect(cpContainer.port.map((p: any) => `${p.name}:${p.container_port}`)).toEqual(['cluster:8005', 'telemetry:8006', 'status:8100']);
      const clusterService = (Object.values(resourcesOf(json, 'kubernetes_service_v1')) as any[]).find((s) => s.metadata.name === 'mesh-cp-cluster');
      expect(clusterService.spec.port.map((p: any) => `${p.name}:${p.port}`)).toEqual(['cluster:8005', 'telemetry:8006']);
      expect(envOf(dpDeployment.spec.template.spec.container[0]).KONG_CLUSTER_TELEMETRY_ENDPOINT).toMatch(/^\$\{kubernetes_service_v1\.cp_cluster_[0-9A-F]+\.metadata\[0\]\.name\}\.kong-cp\.svc:8006$/);
      expect(cpContainer.image).toBe('kong/kong-gateway:3.10.0.1');
    });
  });

  test('a data plane of a control plane deployed elsewhere: endpoint and certificate given, plugins declared external', () => {
    let dp: KongDeployment | undefined;
    const json = synthJson((scope) => {
      dp = new KongDeployment(scope, 'dp', {
        gateway: KongGateway.hybridDataPlane({ name: 'edge', expectedNodes: 2 }),
        cluster: { controlPlaneEndpoint: 'cp.example.internal:8005', certificateSecretName: CERT },
        pluginsManagedExternally: true,
      });
    });
    expect(envOf(kongContainer(json)).KONG_CLUSTER_CONTROL_PLANE).toBe('cp.example.internal:8005');
    expect(dp!.configuredPlugins().delivery).toBe(KongPluginDelivery.EXTERNAL);
  });

  test.each([
    [
      'control plane without a database',
      () => deploy({ gateway: KongGateway.hybridControlPlane({ name: 'cp' }), cluster: { certificateSecretName: CERT } }),
      "KongDeployment 'kong': a hybrid control plane gateway reads its configuration from PostgreSQL, and database is not set, so Kong would not start. Fix: set database: { host, passwordSecret: { secretName, key } } (user and database default to 'kong').",
    ],
    [
      'control plane without the cluster certificate',
      () => deploy({ gateway: KongGateway.hybridControlPlane({ name: 'cp' }), database: DATABASE }),
      "KongDeployment 'kong': a hybrid control plane serves its data planes over mutual TLS with the cluster certificate, and cluster is not set, so Kong would not start. "
      + "Fix: set cluster: { certificateSecretName: '<kubernetes.io/tls Secret with tls.crt and tls.key>' }.",
    ],
    [
      'data plane without its control plane',
      () => deploy({ gateway: KongGateway.hybridDataPlane({ name: 'dp' }) }),
      "KongDeployment 'kong': a hybrid data plane needs its control plane's address and the cluster certificate, and cluster is not set, so Kong would not start. "
      + "Fix: set cluster: { controlPlane: <the control plane's KongDeployment> }, or cluster: { controlPlaneEndpoint: '<host>:8005', certificateSecretName: '<Secret>' } for a control plane deployed elsewhere.",
    ],
    [
      'data plane without an endpoint',
      () => deploy({ gateway: KongGateway.hybridDataPlane({ name: 'dp' }), cluster: { certificateSecretName: CERT } }),
      "KongDeployment 'kong': a hybrid data plane needs its control plane's address, and neither cluster.controlPlane nor cluster.controlPlaneEndpoint is set, so Kong would not start. "
      + "Fix: set cluster.controlPlane to the control plane's KongDeployment, or cluster.controlPlaneEndpoint to '<host>:8005'.",
    ],
    [
      'data plane without the certificate',
      () => deploy({ gateway: KongGateway.hybridDataPlane({ name: 'dp' }), cluster: { controlPlaneEndpoint: 'cp:8005' }, pluginsManagedExternally: true }),
      "KongDeployment 'kong': a hybrid data plane connects over mutual TLS with the cluster certificate, and cluster.certificateSecretName is not set, so Kong would not start. "
      + "Fix: set cluster.certificateSecretName to the control plane's kubernetes.io/tls Secret (the same certificate on both sides).",
    ],
    [
      'data plane endpoint without a port',
      () => deploy({ gateway: KongGateway.hybridDataPlane({ name: 'dp' }), cluster: { controlPlaneEndpoint: 'cp.kong.svc', certificateSecretName: CERT }, pluginsManagedExternally: true }),
      "KongDeployment 'kong': cluster.controlPlaneEndpoint 'cp.kong.svc' is not host:port. Fix: give the control plane's cluster listener as '<host>:<port>', e.g. 'kong-cp-cluster.kong.svc:8005'.",
    ],
    [
      'data plane whose plugins nobody configures',
      () => deploy({ gateway: KongGateway.hybridDataPlane({ name: 'dp' }), cluster: { controlPlaneEndpoint: 'cp:8005', certificateSecretName: CERT } }),
      "KongDeployment 'kong': a data plane's plugins are configured by its control plane, which is not in this app. "
      + 'Fix: link it with cluster: { controlPlane: <its KongDeployment> }, or set pluginsManagedExternally: true and configure the plugins on the control plane yourself.',
    ],
    [
      'a database on a data plane',
      () => deploy({ gateway: KongGateway.hybridDataPlane({ name: 'dp' }), database: DATABASE }),
      "KongDeployment 'kong': database is set, but a hybrid data plane gateway has no database. Fix: remove database.",
    ],
    [
      'cluster settings on a DB-less gateway',
      () => deploy({ gateway: KongGateway.dbLess({ name: 'edge' }), cluster: { certificateSecretName: CERT } }),
      "KongDeployment 'kong': cluster is set, but a DB-less gateway is not part of a hybrid cluster. Fix: remove cluster, or declare the gateway with KongGateway.hybridControlPlane or KongGateway.hybridDataPlane.",
    ],
  ])('%s is refused with the setting to add', (_label, build, message) => {
    expect(build).toThrow(message);
  });

  test('a data plane newer than its control plane is refused (Kong refuses the connection)', () => {
    expect(() => cluster({ kongVersion: '3.8' }, { kongVersion: '3.9' })).toThrow(
      "KongDeployment 'dp': the data plane runs Kong 3.9, newer than its control plane 'mesh-cp' (3.8), and Kong refuses a data plane of a newer minor version. Fix: run the same Kong version on both, or upgrade the control plane first.",
    );
  });

  test('one set of global plugins per hybrid cluster', () => {
    expect(() => synthJson((scope) => {
      const cp = new KongDeployment(scope, 'cp', {
        gateway: KongGateway.hybridControlPlane({ name: 'mesh-cp' }),
        database: DATABASE,
        cluster: { certificateSecretName: CERT },
        plugins: { prometheus: {} },
      });
      new KongDeployment(scope, 'dp', { gateway: KongGateway.hybridDataPlane({ name: 'mesh-dp' }), cluster: { controlPlane: cp } });
    })).toThrow(
      "KongDeployment 'dp': its control plane 'mesh-cp' sets plugins itself, and a hybrid cluster has one set of global plugins. Fix: set plugins on the data plane (they run there) and leave them unset on the control plane.",
    );
  });
});

describe('env and files from Secrets, without overrides', () => {
  const gateway = KongGateway.dbLess({ name: 'edge' });
  const json = deploy({
    gateway,
    env: { KONG_LOG_LEVEL: 'notice' },
    secretEnv: [{ name: 'KONG_LICENSE_DATA', secretName: 'kong-license', key: 'license' }],
    envFromSecrets: ['kong-vault-credentials'],
    secretVolumes: [{ name: 'upstream-ca', secretName: 'upstream-ca', mountPath: '/etc/secrets/upstream-ca' }],
  });
  const container = kongContainer(json);

  test('secretKeyRef env, envFrom secretRef, and a read-only Secret volume', () => {
    expect(envOf(container)).toMatchObject({ KONG_LOG_LEVEL: 'notice', KONG_LICENSE_DATA: { secret_key_ref: { name: 'kong-license', key: 'license' } } });
    expect(container.env_from).toEqual([{ secret_ref: { name: 'kong-vault-credentials' } }]);
    expect(container.volume_mount).toContainEqual({ name: 'upstream-ca', mount_path: '/etc/secrets/upstream-ca', read_only: true });
    expect(podSpec(json).volume).toContainEqual({ name: 'upstream-ca', secret: { secret_name: 'upstream-ca' } });
  });

  test('a clash with what the library sets is refused', () => {
    expect(() => deploy({ gateway, secretEnv: [{ name: 'KONG_DATABASE', secretName: 's', key: 'k' }] })).toThrow("KongDeployment 'kong': secretEnv KONG_DATABASE is set by the library. Fix:");
    expect(() => deploy({ gateway, env: { KONG_X: '1' }, secretEnv: [{ name: 'KONG_X', secretName: 's', key: 'k' }] })).toThrow("KongDeployment 'kong': secretEnv KONG_X is already set by env. Fix: set each variable once.");
    expect(() => deploy({ gateway, secretVolumes: [{ name: 'declarative-config', secretName: 's', mountPath: '/x' }] })).toThrow(
      "KongDeployment 'kong': secretVolumes 'declarative-config' clashes with a volume the library mounts. Fix: give the volume another name.",
    );
    expect(() => deploy({ gateway, secretVolumes: [{ name: 'x', secretName: 's', mountPath: '/kong_dbless' }] })).toThrow(
      "KongDeployment 'kong': secretVolumes 'x' mounts at /kong_dbless, where the library mounts 'declarative-config'. Fix: mount it elsewhere.",
    );
  });
});

describe('image, replicas', () => {
  test('the default image follows the version and edition', () => {
    const image = (options: Partial<KongGatewayOptions>) => kongContainer(deploy({ gateway: KongGateway.dbLess({ name: 'edge', ...options }) })).image;
    expect(image({})).toBe('kong:3.9');
    expect(image({ kongVersion: '3.7' })).toBe('kong:3.7');
    expect(image({ kongVersion: '3.8.1' })).toBe('kong:3.8.1');
    expect(image({ kongVersion: '3.10.0.2', edition: KongEdition.ENTERPRISE })).toBe('kong/kong-gateway:3.10.0.2');
    expect(image({ kongVersion: '3.9', edition: KongEdition.ENTERPRISE })).toBe('kong/kong-gateway:3.9');
  });

  test('an image that contradicts the gateway is refused', () => {
    const gateway = KongGateway.dbLess({ name: 'edge' });
    expect(() => deploy({ gateway, image: 'kong:3.8' })).toThrow(
      "KongDeployment 'kong': image 'kong:3.8' runs Kong 3.8, but the gateway's kongVersion is 3.9 (its signals and plugin configs follow kongVersion). Fix: set kongVersion: '3.8' on the gateway, or use image 'kong:3.9'.",
    );
    expect(() => deploy({ gateway, image: 'kong/kong-gateway:3.9.1.0' })).toThrow(
      "KongDeployment 'kong': image 'kong/kong-gateway:3.9.1.0' is Kong Gateway Enterprise, but the gateway's edition is open-source. Fix: declare the gateway with edition: KongEdition.ENTERPRISE, or use image 'kong:3.9'.",
    );
    expect(() => deploy({ gateway: KongGateway.dbLess({ name: 'edge', kongVersion: '3.9', edition: KongEdition.ENTERPRISE }), image: 'kong:3.9' })).toThrow(
      "KongDeployment 'kong': image 'kong:3.9' is open-source Kong, but the gateway's edition is enterprise. Fix: declare the gateway with edition: KongEdition.OPEN_SOURCE, or use image 'kong/kong-gateway:3.9'.",
    );
    expect(kongContainer(deploy({ gateway, image: 'registry.example.com/mirror/kong:3.9.2-ubuntu' })).image).toBe('registry.example.com/mirror/kong:3.9.2-ubuntu');
  });

  test('an image whose tag does not tell the version is accepted with a warning', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const kong = new KongDeployment(stack, 'kong', { gateway: KongGateway.dbLess({ name: 'edge' }), image: 'registry.example.com/kong-custom:latest' });
    const warnings = kong.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data));
    expect(warnings).toEqual([
      "KongDeployment 'kong': image 'registry.example.com/kong-custom:latest' does not tell its Kong version; the library assumes the gateway's kongVersion 3.9 for signals and plugin configs.",
    ]);
    expect(kongContainer(JSON.parse(Testing.synth(stack))).image).toBe('registry.example.com/kong-custom:latest');
  });

  test('replicas below expectedNodes are refused; replicas default to expectedNodes', () => {
    const gateway = KongGateway.dbLess({ name: 'edge', expectedNodes: 4 });
    expect(() => deploy({ gateway, replicas: 2 })).toThrow(
      "KongDeployment 'kong': replicas 2 is below the gateway's expectedNodes 4, so the expected-count alert would fire for as long as the deployment runs. Fix: set replicas to at least 4, or leave replicas unset (it then follows expectedNodes).",
    );
    expect(onlyResource(deploy({ gateway }), 'kubernetes_deployment_v1').spec.replicas).toBe('4');
    expect(onlyResource(deploy({ gateway, replicas: 6 }), 'kubernetes_deployment_v1').spec.replicas).toBe('6');
  });
});

describe('DB-less', () => {
  test('the plugins reach Kong in the declarative configuration; labels of the scrape monitor come from monitorLabels', () => {
    let kong: KongDeployment | undefined;
    const json = synthJson((scope) => {
      kong = new KongDeployment(scope, 'kong', { gateway: KongGateway.dbLess({ name: 'edge' }), monitorLabels: { release: 'kps' } });
    });
    expect(kong!.configuredPlugins().delivery).toBe(KongPluginDelivery.DECLARATIVE_CONFIG);
    expect(kong!.declarativeRouteCount).toBe(0);
    const [podMonitor] = manifestsOfKind(json, 'PodMonitor');
    expect(podMonitor.metadata.labels).toEqual({ release: 'kps', kong_gateway: 'edge' });
    const document = yaml.load(onlyResource(json, 'kubernetes_config_map_v1').data['kong.yml']) as any;
    expect(document.plugins.map((p: any) => p.name)).toEqual(['prometheus']);
  });
});

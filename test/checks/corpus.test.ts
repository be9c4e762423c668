// The checker against its corpus of crafted stacks (test/checks/corpus/cases.ts): every case
// names the rules it breaks, so a rule that stays silent is a miss and a rule that fires
// elsewhere is a false positive. The confusion matrix below is the checker's measured
// recall and precision; a change to a rule that moves it shows up here.
import { CORPUS } from './corpus/cases';
import { runEngine } from '../../src/checks/internal/engine';
import { RULE_IDS } from '../../src/checks/rules';
import { ComplianceStatus, Finding } from '../../src/checks/types';

/** Rules with an unsuppressed non-compliant finding on a stack. */
function firing(findings: Finding[]): string[] {
  return [...new Set(findings.filter((f) => f.status === ComplianceStatus.NON_COMPLIANT && !f.suppressed).map((f) => f.ruleId))].sort();
}

const results = CORPUS.map((c) => {
  const findings = runEngine(c.build().toJson());
  return { c, findings, fired: firing(findings) };
});

interface Row { caught: number; missed: number; falsePositive: number }

function matrix(): { [ruleId: string]: Row } {
  const rows: { [ruleId: string]: Row } = {};
  for (const id of RULE_IDS) rows[id] = { caught: 0, missed: 0, falsePositive: 0 };
  for (const { c, fired } of results) {
    for (const id of RULE_IDS) {
      const expected = c.violates.includes(id);
      const got = fired.includes(id);
      if (expected && got) rows[id].caught++;
      if (expected && !got) rows[id].missed++;
      if (!expected && got) rows[id].falsePositive++;
    }
  }
  return rows;
}

describe('checker corpus', () => {
  test('holds at least 60 crafted stacks, with variants of every rule and unusual-but-fine stacks', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CORPUS.map((c) => c.id)).size).toBe(CORPUS.length);
    for (const id of RULE_IDS) expect([id, CORPUS.filter((c) => c.violates.includes(id)).length >= 2]).toEqual([id, true]);
    expect(CORPUS.filter((c) => c.violates.length === 0).length).toBeGreaterThanOrEqual(20);
  });

  test.each(results.map((r) => [r.c.id, r] as const))('%s', (_id, { c, fired, findings }) => {
    const shown = findings.filter((f) => f.status === ComplianceStatus.NON_COMPLIANT).map((f) => `${f.ruleId}${f.suppressed ? ' (suppressed)' : ''}: ${f.message}`);
    expect({ case: c.description, fired, findings: fired.length === c.violates.length ? [] : shown })
      .toEqual({ case: c.description, fired: [...c.violates].sort(), findings: [] });
  });

  // What the user reads for each kind of miss the corpus was built for.
  test.each([
    ['kbp1-env-twice', "KONG_STATUS_LISTEN is set 2 times ('0.0.0.0:8100', '127.0.0.1:8100'); Kubernetes keeps only the last"],
    ['kbp1-entry-twice', 'KONG_STATUS_LISTEN lists 0.0.0.0:8100 twice; nginx refuses a duplicate listen and Kong does not start'],
    ['kbp1-admin-same-port', "the status listener and KONG_ADMIN_LISTEN ('0.0.0.0:8100') both bind 0.0.0.0:8100"],
    ['kbp1-status-on-proxy-port', "the status listener and proxy_listen's default (0.0.0.0:8000) both bind 0.0.0.0:8000"],
    ['kbp1-port-mismatch', "the container port 'status' is 8100, where Kong does not listen (KONG_STATUS_LISTEN '0.0.0.0:8101')"],
    ['kbp1-helm-set-off', "helm_release.edge (container 'proxy') sets KONG_STATUS_LISTEN to 'off'"],
    ['kbp3-default-tcp', 'the AWS health check uses TCP, which ignores any path'],
    ['kbp3-traffic-port', "the AWS health check runs on the traffic (proxy) port, where Kong's proxy answers /status/ready with 404"],
    ['kbp3-azure-tcp', 'the Azure (port 80) health check uses TCP'],
    ['kbp3-alb-default', "Ingress kubernetes_ingress_v1.edge (class alb): the ALB health check uses '/', not /status/ready"],
    ['kbp3-gce-no-backendconfig', 'has no BackendConfig, so the GKE load balancer checks / on the serving (proxy) port'],
    ['kbp4-unknown-port-name', "the liveness probe targets port 'health', which the container does not declare"],
    ['kbp4-helm-set-liveness', 'helm_release.edge (container \'proxy\'): the liveness probe uses /status/ready'],
    ['kbp5-notifies-nobody', "datadog_monitor.edge_ready's message names no @handle, so it notifies nobody"],
    ['kbp5-downtime-forever', 'is muted with no end by datadog_downtime_schedule.all'],
    ['kbp5-grafana-paused', "rule 'rule-0' is paused"],
    ['kbp5-grafana-mute-always', "routed through mute timing 'kong-quiet' (grafana_mute_timing.always), which has no time interval and mutes always"],
    ['kbp5-grafana-empty-contact-point', "routed to contact point 'kong-nobody' (grafana_contact_point.nobody), which has no integration"],
    ['kbp6-helm-startup', "the startup probe runs 'sh -c timeout 5 kong health'"],
    ['kbp7-one-pod-promql', 'grafana_rule_group.edge watches a single node (pod="edge-7d9f8c6b5-x2k4q")'],
    ['kbp7-one-instance', 'datadog_monitor.edge_ready watches a single node (instance:edge-0-status)'],
    ['kbp8-flag-off', "'kong_http_requests_total' needs the Prometheus plugin's status_code_metrics, which is off in kubernetes_config_map_v1.edge_declarative (kong.yml)"],
    ['kbp8-no-prometheus-plugin', "'kong_http_requests_total' comes from Kong's prometheus plugin, and the plugin configuration of kubernetes_deployment_v1.edge (kubernetes_config_map_v1.edge_declarative (kong.yml)) has no global prometheus plugin"],
    ['kbp8-cluster-plugin-flag-off', 'status_code_metrics, which is off in KongClusterPlugins'],
    ['kbp8-edition', "'kong_control_plane_connected' exists in Kong Gateway Enterprise 3.10+ only, and kubernetes_deployment_v1.edge runs open-source Kong 3.9 (kong:3.9)"],
    ['kbp8-datadog-untagged', "'http.can_connect' is filtered on kong_gateway:edge, and the http_check check on the pods of kubernetes_deployment_v1.edge does not tag its data with it"],
    ['kbp8-no-scrape', 'no PodMonitor, ServiceMonitor or prometheus.io annotation in this stack selects its pods'],
    ['kbps1-access-token', "webhook[0].url is a literal URL that embeds the 'access_token' query parameter"],
    ['kbps1-discord-path', 'webhook[0].url is a literal URL that embeds a Discord webhook path'],
    ['kbps1-pagerduty-path', 'is a literal URL that embeds a PagerDuty integration key in its path'],
    ['kbps1-webhook-header', 'webhook[0].headers.Authorization is a literal secret'],
    ['kbps1-local', "slack[0].url comes from local 'slack_url', which holds it as a literal"],
    ['kbps1-variable-default', "variable 'slack_webhook_url', marked sensitive, has a literal default"],
    ['kbps1-dd-webhook-headers', 'datadog_webhook.kong custom_headers.Authorization is a literal secret'],
    ['kbps1-pg-password', "container 'proxy' env KONG_PG_PASSWORD is written in clear"],
    ['kbps1-helm-set-sensitive-literal', 'helm_release.edge values.env.pg_password is a literal secret'],
    ['kbps1-synthetics-token', "request_definition.url is a literal URL that embeds the 'api_key' query parameter"],
    ['kbps1-kubernetes-secret', 'kubernetes_secret_v1.pg data.password is a literal secret'],
  ])('message for %s', (id, message) => {
    const r = results.find((x) => x.c.id === id)!;
    expect(r.findings.filter((f) => f.status === ComplianceStatus.NON_COMPLIANT).map((f) => f.message)).toEqual(expect.arrayContaining([expect.stringContaining(message)]));
  });

  test('no message quotes the secret it is about', () => {
    const secrets = ['cccccccccccccccccccccccc', 'gh0a9b8c7d6e5f4', 'AbCdEfGhIjKlMnOp-qrstuv', '0123456789abcdef0123456789abcdef', 'eyJhbGciOiJIUzI1NiJ9', 'hunter2hunter2', 'kong-db-pass-2026', 'f00dfeedf00dfeed', '5f0c2e9a7b'];
    const text = JSON.stringify(results.flatMap((r) => r.findings.map((f) => [f.message, f.fix])));
    for (const secret of secrets) expect([secret, text.includes(secret)]).toEqual([secret, false]);
  });

  test('confusion matrix: rule × caught / missed / false positive (recall ≥ 95 %, no false positive)', () => {
    const m = matrix();
    const caught = Object.values(m).reduce((n, r) => n + r.caught, 0);
    const missed = Object.values(m).reduce((n, r) => n + r.missed, 0);
    expect(caught / (caught + missed)).toBeGreaterThanOrEqual(0.95);
    expect(Object.values(m).reduce((n, r) => n + r.falsePositive, 0)).toBe(0);
    expect(m).toEqual({
      KBP1: { caught: 15, missed: 0, falsePositive: 0 },
      KBP2: { caught: 2, missed: 0, falsePositive: 0 },
      KBP3: { caught: 21, missed: 0, falsePositive: 0 },
      KBP4: { caught: 15, missed: 0, falsePositive: 0 },
      KBP5: { caught: 8, missed: 0, falsePositive: 0 },
      KBP6: { caught: 5, missed: 0, falsePositive: 0 },
      KBP7: { caught: 7, missed: 0, falsePositive: 0 },
      KBP8: { caught: 6, missed: 0, falsePositive: 0 },
      KBPS1: { caught: 18, missed: 0, falsePositive: 0 },
      KBPX1: { caught: 2, missed: 0, falsePositive: 0 },
    });
  });
});

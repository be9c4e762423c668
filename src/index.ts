export * from './core/duration';
export * from './gateway';
export * from './signals';
// Typed grafana/grafana provider bindings (no prebuilt cdktf provider exists for Grafana).
export * as grafana from './grafana/provider';
export * from './kubernetes';
export * from './practices/status-listener';
export * from './practices/kubernetes-probes';
export * from './practices/load-balancer-readiness';
export * from './datadog';
export * from './grafana';
export * from './prometheus';
export * from './practices/health-dashboards';
export * from './practices/alerting-options';
export * from './practices/health-alerting';
export * from './practices/all-nodes-monitored';
export * from './practices/kong-monitoring';
export * from './checks';
export * from './practices/no-kong-health-check-cli';

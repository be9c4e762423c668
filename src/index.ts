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

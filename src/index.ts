export * from './core/duration';
export * from './gateway';
export * from './signals';
// Typed grafana/grafana provider bindings (no prebuilt cdktf provider exists for Grafana).
export * as grafana from './grafana/provider';

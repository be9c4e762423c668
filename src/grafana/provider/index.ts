// Typed bindings for the grafana/grafana Terraform provider, shaped like cdktf's prebuilt
// providers (none is published for Grafana). Import the module you need, as with
// `@cdktf/provider-datadog/lib/<resource>`.
export * from './provider';
export * from './folder';
export * from './dashboard';
export * from './rule-group';
export * from './contact-point';
export * from './notification-policy';
export * from './mute-timing';
export * from './message-template';

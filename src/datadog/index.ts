export type * from './common';
export type * from './notify';
export * from './monitors';
export * from './synthetics';
export * from './dashboard';
export * from './slo';
export * from './distribution-percentiles';
export * from './datadog-backend';

export * from './signal-types';
export * from './resolved-signal';
export * from './signal-source';
export type * from './unavailable-signal';
export { SourceStatus } from './lineage';
export * from './gateway-signals';
export * from './monitoring-backend';

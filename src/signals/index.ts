export * from './signal-types';
export type * from './signal-override';
export * from './resolved-signal';
export * from './signal-source';
export type * from './unavailable-signal';
export { SourceStatus } from './lineage';

export * from './deployment-mode';
export * from './kong-gateway';
export * from './kong-version';
export * from './kong-facts';
export * from './signal-vocabulary';
export type * from './signal-override';
export * from './signal-threshold';

export * from './common';
export * from './notify';
export * from './monitors';
export * from './synthetics';
export * from './dashboard';
export * from './slo';
export * from './distribution-percentiles';

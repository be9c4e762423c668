export * from './signal-types';
export * from './signal-override';
export * from './resolved-signal';

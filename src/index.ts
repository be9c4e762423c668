export * from './core/duration';
export * from './gateway';
export * from './signals';

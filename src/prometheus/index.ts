export * from './prometheus-rules';
export * from './prometheus-backend';

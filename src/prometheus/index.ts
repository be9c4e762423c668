export * from './prometheus-rules';

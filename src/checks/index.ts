export * from './types';
export * from './report';
export * from './kong-best-practices';

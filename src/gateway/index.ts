export * from './deployment-mode';
export * from './kong-gateway';

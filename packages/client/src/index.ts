export * from './clock.js';
export type { OperationInfo } from './operation.js';
export { operations } from './generated/operations.js';
export type { Paths } from './generated/index.js';

export * from './errors.js';
export * from './ids.js';
export * from './schemas/common.js';
export * from './schemas/system.js';
export * from './ports.js';
export * from './schemas/auth.js';
export * from './url-policy.js';
export * from './test-steps.js';

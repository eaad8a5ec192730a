export * as sentri from './steps.js';
export * from './channel.js';

export * as sentri from './steps.js';

export * from './hours.js';
export * from './route.js';

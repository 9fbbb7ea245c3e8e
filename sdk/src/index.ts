export { ApiError } from './api/api-error.js';
export { type ClientOptions, OporaClient, toQueryString } from './api/client.js';
export * from './api/types.js';

export { ApiError } from './api/api-error.js';
export { type ClientOptions, OporaClient, toQueryString } from './api/client.js';
export * from './api/conversation-types.js';
export * from './api/definition-rights.js';
export type { KbApi } from './api/kb-api.js';
export * from './api/kb-types.js';
export type { PortalApi } from './api/portal-api.js';
export * from './api/portal-types.js';
export * from './api/types.js';

export * from './channel.js';
export * from './email-quote.js';
export * from './fallback-text.js';
export * from './identity.js';
export * from './limits.js';
export * from './message.js';
export * from './message-schema.js';

export { createHistoryRouter, type HistoryRouter } from './history-router.js';
export { matchPath } from './match-path.js';
export { createSessionStore, type SessionState, type SessionStore } from './session-store.js';

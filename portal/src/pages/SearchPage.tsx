/** The search page lives with the knowledge base (loaded on first use). */
export { SearchPage } from '../kb/lazy-pages';

/**
 * Loads Monaco on demand, in the UI's language. Monaco reads its Russian texts from a table that must be in place
 * before its own modules run, so the table (bundled from the installed monaco-editor, no CDN) is loaded first.
 * Monaco keeps the language it started in until the page is reloaded.
 */
export async function loadMonaco(locale: 'ru' | 'en') {
  if (locale === 'ru') await import('monaco-editor/nls/lang/ru');
  return import('./monaco-setup');
}

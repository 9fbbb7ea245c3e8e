// Same shape as definitionKeyPattern (copied: importing it would pull the definitions package into this page).
const formKeyPattern = /^[a-z][a-z0-9_-]{0,62}$/;

/** The form key of a `/contact?form=<key>` address; `feedback` when absent or not a key. */
export function contactFormKey(address: string): string {
  const asked = new URLSearchParams(address.split('?')[1] ?? '').get('form') ?? '';
  return formKeyPattern.test(asked) ? asked : 'feedback';
}

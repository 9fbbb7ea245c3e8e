import { slugFromTitle, transliterate } from '@opora/runtime/definitions';
import type { DefinitionKind } from '@opora/sdk';

/** What the server accepts as a definition's key. */
export const definitionKeyPattern = /^[a-z][a-z0-9_-]{0,62}$/;

/**
 * The key a new definition gets from its name, spelled the way the runtime spells every key
 * («Обращение клиента» → `obrashchenie-klienta`). A name that starts with a digit is led by the kind
 * (`form-1s-export`), because a key starts with a letter. '' when the name has nothing to make a key of.
 */
export function keyFromName(name: string, kind: DefinitionKind): string {
  const startsWithDigit = /^[^a-z0-9]*[0-9]/.test(transliterate(name.normalize('NFC')));
  return slugFromTitle(startsWithDigit ? `${kind} ${name}` : name);
}

/** A key that looks like one of the kind, shown in the empty field as an example. */
export const keyExamples: Readonly<Record<DefinitionKind, string>> = {
  entity: 'customer-request',
  form: 'request-create',
  tree: 'support-help',
  bot: 'welcome-bot',
  process: 'refund-approval',
  script: 'check-contract',
  page: 'delivery-terms',
  portal: 'main-portal',
  line: 'first-line',
  template: 'greeting',
  integration: 'crm-api',
  channel: 'site-chat',
};

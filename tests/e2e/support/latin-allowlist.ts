/**
 * Latin-script words the Russian UI may show (`tests/e2e/russian-ui.test.ts`), each with why. Matched exactly,
 * case included: «API» is a name, «api» in running text is not. Code shown as code (`<code>`, `<pre>`, Monaco's
 * lines, the JSON editor, key and address fields) never reaches this list: the walk skips those elements.
 */
export const latinAllowed: Readonly<Record<string, string>> = {
  // Brand and product names.
  Opora: 'the product',
  Telegram: 'a messenger, a contact channel of the demo portal',
  WhatsApp: 'a messenger, a contact channel',
  Google: 'a company name',
  TypeScript: 'the language scripts are written in',
  JavaScript: 'a language name',
  Monaco: 'the code editor’s name',
  Excel: 'a product named in the demo requests',
  // Technical terms Russian text writes in Latin letters.
  'Wi-Fi': 'the standard’s name',
  SIM: 'SIM card, written so in Russian',
  SMS: 'written so in Russian',
  'e-mail': 'written so in Russian',
  'E-mail': 'written so in Russian, at the start of a label',
  URL: 'an address’s technical name',
  HTTP: 'the protocol',
  HTTPS: 'the protocol',
  API: 'the programming interface',
  JSON: 'the data format',
  BPMN: 'the process notation’s name («Импорт BPMN» in the process designer)',
  CSV: 'the file format',
  PDF: 'the file format',
  HTML: 'the markup language',
  ID: 'an identifier, written so in Russian',
  CRM: 'a kind of system, written so in Russian',
  SDK: 'the script library’s name',
  IP: 'an address’s technical name',
  DNS: 'the naming system',
  RE2: 'the regular-expression engine the entity designer’s pattern hint names',
  CIDR: 'the address-range notation, a technical name',
  Bearer: 'an HTTP authorization scheme’s name («Bearer-токен»)',
  Basic: 'an HTTP authorization scheme’s name',
  PNG: 'an image format',
  JPEG: 'an image format',
  SVG: 'an image format',
  WebP: 'an image format',
  // Keys as printed on keyboards, in shortcut hints («Ctrl+Z — отменить»).
  Ctrl: 'a key',
  Shift: 'a key',
  Alt: 'a key',
  Enter: 'a key',
  Delete: 'a key',
  Escape: 'a key',
  Insert: 'a key',
  Esc: 'a key',
  Tab: 'a key',
  // The demo data's own words (templates/support-desk/bundle.json: articles, the helper tree, synonyms), each as
  // it is used there.
  admin: 'the administrator’s login, shown as the signed-in user',
  password: 'the demo synonym group «пароль, password, код доступа», also the synonyms page’s example',
  '7XXXXXXXXXX': 'demo data: the phone number format «+7XXXXXXXXXX»',
  Android: 'demo data: an operating system',
  iOS: 'demo data: an operating system',
  macOS: 'demo data: an operating system',
  Windows: 'demo data: an operating system',
  Linux: 'demo data: an operating system',
  Mac: 'demo data: a computer («на Mac — Cmd»)',
  iPhone: 'demo data: a phone',
  Chrome: 'demo data: a browser',
  Firefox: 'demo data: a browser',
  Safari: 'demo data: a browser',
  Opera: 'demo data: a browser',
  Edge: 'demo data: a browser (Microsoft Edge)',
  Internet: 'demo data: a browser (Internet Explorer)',
  Explorer: 'demo data: a browser (Internet Explorer)',
  Mozilla: 'demo data: a browser maker',
  Microsoft: 'demo data: a company',
  Authenticator: 'demo data: an app (Google Authenticator)',
  Cmd: 'demo data: a key',
  Caps: 'demo data: a key (Caps Lock)',
  Lock: 'demo data: a key (Caps Lock)',
  cookies: 'demo data: «кэш и cookies»',
  cookie: 'demo data: «файлы cookie»',
  push: 'demo data: «push-уведомления»',
  sim: 'demo data: the tag «sim-карта» (tags are kept in lower case)',
  VPN: 'demo data: a network term',
  CVC: 'demo data: the card code’s name',
  PIN: 'demo data: a code’s name',
  QR: 'demo data: QR code',
  RRN: 'demo data: a payment’s reference number',
  PCI: 'demo data: PCI DSS, a card standard',
  DSS: 'demo data: PCI DSS, a card standard',
  Secure: 'demo data: 3-D Secure, card payment check',
  SLA: 'demo data: a support term',
  VIP: 'demo data: a client segment',
  Visa: 'demo data: a card network',
  Mastercard: 'demo data: a card network',
  Mir: 'demo data: Mir Pay, a payment service',
  Pay: 'demo data: Mir Pay, a payment service',
  SberPay: 'demo data: a payment service',
  JPG: 'demo data: an image format',
  HEIC: 'demo data: an image format',
  WEBP: 'demo data: an image format',
  XML: 'demo data: a file format',
  gosuslugi: 'demo data: the address gosuslugi.ru',
  nalog: 'demo data: the address nalog.gov.ru',
  gov: 'demo data: the address nalog.gov.ru',
  ru: 'demo data: the addresses gosuslugi.ru, nalog.gov.ru',
  // The language switcher names each language in itself.
  English: 'the English option of the language switcher',
  EN: 'the language switcher’s short label',
  RU: 'the language switcher’s short label',
};

/**
 * English still on screen that is being fixed in files this test's author does not own: on `route` (as the test
 * names it), in elements whose name starts with `element`, the `words` (or all Latin words), coming from `source`.
 * Remove an entry once its fix is merged: the test then fails again if the words come back.
 */
export interface PendingFix {
  route: string;
  element: string;
  words: readonly string[] | 'all';
  source: string;
}

export const pendingFixes: readonly PendingFix[] = [];

/** The channel settings form’s English texts (same keys as the Russian ones in i18n.ts). */
export const en = {
  tab: 'Channel settings',
  title: 'Channel name',
  titleHint: 'Operators and clients see it, e.g. “Chat on the shop’s site”',
  type: 'Channel type',
  types: {
    widget: {
      name: 'Chat on a site',
      about:
        'A chat window on the portal and your sites: one line of code on a page, visitors write without signing up.',
    },
    telegram: {
      name: 'Telegram',
      about:
        'A Telegram bot: clients write to the bot, operators answer from Opora. Photos and documents both ways.',
    },
    email: {
      name: 'E-mail',
      about: 'A support mailbox: letters become messages, answers go out as mail in the same thread.',
    },
    webhook: {
      name: 'Webhook messenger',
      about:
        'Any other messenger — a VK or WhatsApp gateway, your own app — through signed HTTP calls both ways.',
    },
  },
  pickSecret: 'Choose a secret or create one',
  typeChangedLive:
    'The channel is published: the new type takes effect once published, and clients of the old one no longer reach it.',
  serverAddress:
    'The server’s address is taken from this page’s. If clients and other systems reach the server at another address, use that one.',
  widget: {
    origins: 'Sites that may embed the chat',
    originsHint:
      'Scheme and host only, no path: `https://shop.example.ru`. The portal always has the chat; other sites only when listed here.',
    origin: 'Site address {{number}}',
    noOrigins: 'No sites: the chat is on the portal only.',
    repeatedOrigin: 'This site is already listed above',
    addOrigin: 'Add a site',
    removeOrigin: 'Remove the site {{origin}}',
    greeting: 'Greeting',
    greetingHint: 'The first message a visitor sees in the open chat. Optional.',
    snippet: 'Code for the site',
    snippetHint:
      'Paste it before `</body>` on the pages of the listed sites. The chat shows once the channel is published.',
  },
  telegram: {
    token: 'Bot token',
    tokenHint:
      'The secret holding the token `@BotFather` gave you. The channel keeps only the secret’s name.',
    webhookSecret: 'Webhook secret',
    webhookSecretHint:
      'A random string of Latin letters and digits: Telegram sends it with every message, calls without it are refused.',
    mode: 'How messages arrive',
    modes: {
      webhook: {
        name: 'Webhook',
        about: 'Telegram sends messages to the server’s address. Needs a public HTTPS address.',
      },
      polling: {
        name: 'Polling',
        about: 'The server fetches new messages from Telegram. For installations without a public address.',
      },
    },
    webhookUrl: 'Webhook address',
    webhookUrlHint:
      'Register it with Telegram’s `setWebhook`, with the webhook secret’s value as `secret_token`.',
    apiRoot: 'Own Bot API server',
    apiRootHint: 'Optional: a local Bot API server’s address instead of `https://api.telegram.org`.',
    apiRootBad: 'An address like https://bot-api.example.ru is needed',
  },
  email: {
    address: 'Support mailbox',
    addressHint: 'Clients write to it, operators’ answers come from it.',
    addressEmpty: 'Type the support mailbox’s address',
    addressBad: 'Not a mail address: it looks like help@example.ru',
    displayName: 'Sender name',
    displayNameHint: 'Shown beside the address in the client’s mail, e.g. “Support”. Optional.',
    inbound:
      'Incoming mail is taken by Opora’s mail listener (the server’s administrator turns it on) — or Opora fetches it from an existing mailbox over IMAP when you turn that on below.',
    smtp: 'Outgoing mail (SMTP)',
    host: 'Server',
    hostHint: 'The outgoing mail server’s name, e.g. `smtp.example.ru`.',
    hostEmpty: 'Type the outgoing mail server’s name',
    hostBad: 'A server name is Latin letters, digits, dots and hyphens: smtp.example.ru',
    port: 'Port',
    portHint: '587 usually, 465 for TLS from the start.',
    portBad: 'A port is a number from 1 to 65535',
    secure: 'Connect with TLS from the start (port 465)',
    secureHint: 'Unchecked, the connection is encrypted with STARTTLS when the server offers it.',
    user: 'User name',
    userHint: 'Optional, when the server takes mail without signing in.',
    password: 'Password',
    passwordHint: 'The secret holding the mail password. Without it mail goes out without signing in.',
    noPassword: '— no password —',
  },
  imap: {
    legend: 'Incoming mail from a mailbox (IMAP)',
    on: 'Fetch new mail from the mailbox over IMAP',
    onHint:
      'For a mailbox at a mail provider: Opora checks it regularly, turns new mail into messages and marks it as read.',
    hostHint: 'The incoming mail server’s name, e.g. `imap.example.ru`.',
    hostEmpty: 'Type the incoming mail server’s name',
    portHint: '993 for TLS from the start, 143 with STARTTLS.',
    secure: 'Connect with TLS from the start (port 993)',
    userHint: 'The mailbox’s login, usually its address.',
    userEmpty: 'Type the mailbox’s login',
    passwordHint: 'The secret holding the mailbox password (or an app password).',
    mailbox: 'Folder',
    mailboxHint: 'The folder new mail arrives in. Empty means `INBOX`.',
    pollSeconds: 'Interval, s',
    pollSecondsHint: 'Seconds between checks: at least 15, empty means 60.',
    pollSecondsBad: 'A number of seconds from 15 to 3600',
  },
  webhook: {
    secret: 'Shared secret',
    secretHint: 'Calls both ways are signed with it. Give the same value to the gateway’s owner.',
    outboundUrl: 'Address for answers',
    outboundUrlHint: 'Opora sends operators’ answers here: a `POST` with JSON, signed as incoming calls are.',
    outboundUrlEmpty: 'Type the gateway’s address for answers',
    outboundUrlBad: 'An address like https://gateway.example.ru/opora is needed',
    allowedAddresses: 'Allowed internal addresses',
    allowedAddressesHint:
      'Only for a gateway on the local network, one per line: an IP or CIDR range with its port — `10.0.0.5:8080`. Without them internal addresses are unreachable.',
    inboundUrl: 'Address for incoming messages',
    inboundUrlHint: 'The gateway sends clients’ messages here: a `POST` with JSON.',
    signature: 'How calls are signed',
    signatureText:
      'Every call carries two headers: `X-Opora-Timestamp` — the sending time in Unix seconds, and `X-Opora-Signature` — `sha256=` and the hex HMAC-SHA256 of `timestamp.body` (the time, a dot, the raw body), keyed with the shared secret.',
    signatureRefusals:
      'Calls without a signature, with a wrong one or sent more than 5 minutes ago are refused; a message repeated with the same id does not make a second one.',
  },
};

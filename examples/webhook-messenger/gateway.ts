// A messenger gateway for Opora's webhook channel, in plain Node (no dependencies): it signs and posts the
// messages people write to Opora, verifies Opora's signed answers, hands them to the messenger and reports back
// that they were delivered. Replace `deliver` with your messenger's API (VK, a WhatsApp provider, your own app).
// Run: OPORA_URL=http://localhost:3000 CHANNEL_KEY=vk WEBHOOK_SECRET=… PORT=8080 node --import tsx examples/webhook-messenger/gateway.ts
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { createInterface } from 'node:readline';

/** `sha256=` + hex HMAC-SHA256 of `<timestamp>.<raw body>`: how both sides sign every call. */
export function sign(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Whether a call is Opora's: a matching signature and a timestamp within 5 minutes of now. */
export function verify(
  secret: string,
  timestamp: string | undefined,
  signature: string | undefined,
  body: string,
) {
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const expected = Buffer.from(sign(secret, Number(timestamp), body));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface GatewayOptions {
  /** Where Opora runs, e.g. http://localhost:3000. */
  oporaUrl: string;
  /** The channel's key (the definition of kind `channel` whose settings.type is `webhook`). */
  channelKey: string;
  /** The channel's shared secret (the value of the secret its settings name). */
  secret: string;
}

/** What a person wrote in the messenger; `messageId` is the messenger's own id (Opora takes each id once). */
export interface PersonMessage {
  messageId?: string;
  from: { id: string; name?: string; email?: string; phone?: string };
  text?: string;
  /** The position of a button of Opora's last answer that the person pressed. */
  pressed?: number;
  files?: { name: string; contentType: string; base64: string }[];
}

/** An answer of Opora, as its signed outbound call carries it. */
export interface OporaAnswer {
  event: 'message';
  messageId: string;
  to: { id: string };
  text: string;
  buttons: { index: number; label: string }[];
  files: { name: string; contentType: string; base64: string }[];
}

async function postSigned(options: GatewayOptions, payload: object): Promise<Response> {
  const body = JSON.stringify(payload);
  const timestamp = Math.floor(Date.now() / 1000);
  const response = await fetch(`${options.oporaUrl}/api/v1/channels/${options.channelKey}/webhook`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-opora-timestamp': String(timestamp),
      'x-opora-signature': sign(options.secret, timestamp, body),
    },
    body,
  });
  if (!response.ok) throw new Error(`Opora answered ${response.status}: ${await response.text()}`);
  return response;
}

/** Posts a person's message to Opora; a retry with the same messageId is stored once. */
export async function sendToOpora(options: GatewayOptions, message: PersonMessage) {
  const response = await postSigned(options, { messageId: randomUUID(), ...message });
  return (await response.json()) as { ok: boolean; duplicate: boolean; messageId?: string };
}

/** Tells Opora how far one of its answers got: `delivered`, `read` or `failed`. */
export async function sendReceipt(
  options: GatewayOptions,
  outboundMessageId: string,
  status: 'delivered' | 'read' | 'failed',
) {
  await postSigned(options, { event: 'receipt', messageId: randomUUID(), outboundMessageId, status });
}

/**
 * The endpoint Opora posts its answers to (the channel's `outboundUrl`): refuses unsigned or stale calls with 401,
 * delivers each answer once (Opora retries with the same messageId until it gets a 2xx), then sends a receipt.
 */
export function answersEndpoint(
  options: GatewayOptions,
  deliver: (answer: OporaAnswer) => Promise<void>,
): Server {
  const delivered = new Set<string>();
  return createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const header = (name: string) => request.headers[name] as string | undefined;
      if (!verify(options.secret, header('x-opora-timestamp'), header('x-opora-signature'), body)) {
        response.writeHead(401).end();
        return;
      }
      const answer = JSON.parse(body) as OporaAnswer;
      const first = !delivered.has(answer.messageId);
      delivered.add(answer.messageId);
      (first ? deliver(answer) : Promise.resolve())
        .then(() => {
          response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
          return first ? sendReceipt(options, answer.messageId, 'delivered') : undefined;
        })
        .catch((error: unknown) => {
          delivered.delete(answer.messageId);
          if (!response.headersSent) response.writeHead(503).end();
          console.error('delivery failed:', error);
        });
    });
  });
}

// Try it from a terminal: each line you type is a message from one person; Opora's answers are printed.
if (import.meta.url === `file://${process.argv[1]}`) {
  const options: GatewayOptions = {
    oporaUrl: process.env.OPORA_URL ?? 'http://localhost:3000',
    channelKey: process.env.CHANNEL_KEY ?? 'messenger',
    secret: process.env.WEBHOOK_SECRET ?? '',
  };
  const port = Number(process.env.PORT ?? 8080);
  answersEndpoint(options, async (answer) => {
    const buttons = answer.buttons.map((b) => `[${b.index}] ${b.label}`).join('  ');
    console.log(`Opora → ${answer.to.id}: ${answer.text}${buttons ? `\n  ${buttons}` : ''}`);
  }).listen(port, () => console.log(`Answers endpoint on http://localhost:${port}/ — type a message:`));
  const person = { id: process.env.PERSON_ID ?? 'demo-person', name: 'Демо' };
  createInterface({ input: process.stdin }).on('line', (text) => {
    sendToOpora(options, { from: person, text }).catch((error: unknown) => console.error(String(error)));
  });
}

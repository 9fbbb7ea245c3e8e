import type { AddressInfo } from 'node:net';
import type { LiveMessage, MessageView } from '@opora/sdk';
import { WebSocket } from 'ws';
import { drainBotJobs } from './bot-fixture.js';
import type { Harness } from './test-app.js';
import { shopOrigin, uploadBody, widgetVisitor } from './widget-fixture.js';

let sequence = 0;
const nextId = (prefix: string) => `${prefix}-${++sequence}-${Date.now().toString(36)}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The WebSocket URL of a listening app's widget channel, for a visitor's token. */
function liveUrl(h: Harness, channelKey: string, token: string) {
  const { port } = h.app.server.address() as AddressInfo;
  return `ws://127.0.0.1:${port}/api/v1/widget/${channelKey}/live?token=${encodeURIComponent(token)}`;
}

/**
 * A visitor chatting as the widget does: messages, pressed buttons and files go up through the widget's HTTP API,
 * everything said to them comes down their WebSocket (the app must listen). After each action the bots' jobs run
 * to the end, and the call waits until the socket has heard every message the visitor's history holds.
 */
export async function widgetChat(
  h: Harness,
  channelKey: string,
  ip: string,
  /** A signed-in portal client chats from the portal's own page: its origin and their session cookie. */
  signedIn?: { origin: string; cookie: string },
) {
  const visitor = await widgetVisitor(h, { ip, key: channelKey, ...(signedIn ?? {}) });
  const heard = new Map<string, MessageView>();
  const url = liveUrl(h, channelKey, visitor.session.token);
  // The portal's own page talks to the server it came from: its origin is the server's own.
  const ws = new WebSocket(url, {
    headers: { origin: signedIn ? new URL(url).origin.replace('ws:', 'http:') : shopOrigin },
  });
  ws.on('message', (data) => {
    const live = JSON.parse(String(data)) as LiveMessage;
    if (live.type === 'message') heard.set(live.message.id, live.message);
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });

  /** Runs the bots, then waits for the socket to catch up with the stored history (or says what it missed). */
  const settle = async () => {
    await drainBotJobs(h.app);
    const history = (await visitor.history()).json() as { messages: MessageView[] };
    const missing = () => history.messages.filter((m) => !heard.has(m.id));
    for (let i = 0; i < 200 && missing().length; i++) await sleep(10);
    if (missing().length) throw new Error(`the socket did not hear: ${missing().map((m) => m.text || m.id)}`);
  };
  /** Messages to the visitor in the order heard (the queue position and other system lines included). */
  const said = () => [...heard.values()].filter((m) => m.direction === 'out');
  const expectStatus = (response: { statusCode: number; body: string }, what: string) => {
    if (response.statusCode !== 201) throw new Error(`${what}: ${response.statusCode} ${response.body}`);
  };

  return {
    visitor,
    /** What the bot (and the system) said to the visitor, oldest first. */
    texts: () => said().map((m) => m.text),
    /** The conversation the visitor's latest message belongs to. */
    conversationId: () => {
      const last = [...heard.values()].at(-1);
      if (!last) throw new Error('the visitor has no conversation yet');
      return last.conversationId;
    },
    /** The last message to the visitor that offered buttons. */
    lastOffer: () => said().findLast((m) => m.parts.some((p) => p.type === 'buttons')),
    async say(text: string) {
      expectStatus(await visitor.send(nextId('say'), text), `sending «${text}»`);
      await settle();
    },
    /** Presses the button labelled `label` under the last message that offered buttons. */
    async press(label: string) {
      const offer = said().findLast((m) => m.parts.some((p) => p.type === 'buttons'));
      const buttons = offer?.parts.flatMap((p) => (p.type === 'buttons' ? p.buttons : [])) ?? [];
      const button = buttons.find((b) => b.label === label);
      if (!offer || !button)
        throw new Error(`no button «${label}» was offered: ${buttons.map((b) => b.label)}`);
      const pressed = await visitor.call({
        method: 'POST',
        path: '/messages',
        payload: {
          clientMessageId: nextId('press'),
          text: '',
          pressed: { messageId: offer.id, value: button.value },
        },
      });
      expectStatus(pressed, `pressing «${label}»`);
      await settle();
    },
    /** Sends a file through the widget's upload; answers the response (a refused upload is not settled). */
    async upload(file: { name: string; type: string; bytes: Buffer }) {
      const response = await visitor.call({
        method: 'POST',
        path: '/uploads',
        ...uploadBody(nextId('file'), file),
      });
      if (response.statusCode === 201) await settle();
      return response;
    },
    /** Waits until the socket has heard a message to the visitor containing `text` (one a process sends, say). */
    async hear(text: string) {
      for (let i = 0; i < 300 && !said().some((m) => m.text.includes(text)); i++) await sleep(10);
      if (!said().some((m) => m.text.includes(text))) throw new Error(`the visitor did not hear «${text}»`);
    },
    close: () => ws.close(),
  };
}

export type WidgetChat = Awaited<ReturnType<typeof widgetChat>>;

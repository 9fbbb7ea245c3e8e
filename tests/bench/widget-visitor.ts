import { type Agent, request } from 'node:http';
import { shopOrigin } from '@opora/server/testing/widget-fixture';
import { WebSocket } from 'ws';

export interface WidgetVisitor {
  /** For the widget's HTTP calls: the site's origin, a visitor address of its own (rate limits are per address). */
  headers: Record<string, string>;
  socket: WebSocket;
}

/** Visitor number `i` of the site chat: a widget session and its live socket, open; `onPush` hears every push. */
export async function openWidgetVisitor(
  base: string,
  i: number,
  onPush?: (push: unknown) => void,
): Promise<WidgetVisitor> {
  const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
  const headers = { origin: shopOrigin, 'x-forwarded-for': ip, 'content-type': 'application/json' };
  const session = (await (
    await fetch(`http://${base}/api/v1/widget/site-chat/session`, { method: 'POST', headers, body: '{}' })
  ).json()) as { token: string };
  const socket = new WebSocket(`ws://${base}/api/v1/widget/site-chat/live?token=${session.token}`, {
    headers: { origin: shopOrigin },
  });
  if (onPush) socket.on('message', (data) => onPush(JSON.parse(String(data))));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return { headers: { ...headers, authorization: `Bearer ${session.token}` }, socket };
}

/** A visitor's message POSTed over `agent`'s keep-alive connections, as a browser tab sends it; answers the status. */
export function postWidgetMessage(agent: Agent, base: string, headers: Record<string, string>, body: string) {
  return new Promise<number>((resolve) => {
    const req = request(
      `http://${base}/api/v1/widget/site-chat/messages`,
      { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

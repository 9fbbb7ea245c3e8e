import type { InboundMessage } from '@opora/runtime/conversations';
import type { LineBody } from '@opora/runtime/definitions';
import { updateOperatorProfile } from '../modules/distribution/operator-status.js';
import { type Harness, login, testPassword } from './test-app.js';

type App = Harness['app'];

let sequence = 0;

/** Publishes a channel a line's rules may name (lines refuse channels that do not exist). */
export async function publishChannel(app: App, key: string) {
  if (await app.definitions.latestPublished('channel', key)) return;
  const body = { schemaVersion: 1, title: { ru: key }, settings: { type: 'widget', allowedOrigins: [] } };
  const created = await app.definitions.create({ kind: 'channel', key, name: key, body }, null, 'ru');
  await app.definitions.publish(created.id, created.draftVersion, null, 'ru');
}

/** Publishes a line that takes the dialogs of one channel (served by everyone unless `groups` say otherwise). */
export async function publishLine(app: App, key: string, channelKey: string, body: Partial<LineBody> = {}) {
  await publishChannel(app, channelKey);
  const line: LineBody = {
    schemaVersion: 2,
    title: { ru: `Линия ${key}`, en: `Line ${key}` },
    channels: [],
    order: 10,
    rules: [{ id: 'by-channel', channels: [channelKey] }],
    groups: [],
    skills: [],
    priority: 0,
    capacity: 2,
    offerTimeoutSeconds: 60,
    ...body,
  };
  const created = await app.definitions.create({ kind: 'line', key, name: key, body: line }, null, 'ru');
  await app.definitions.publish(created.id, created.draftVersion, null, 'ru');
}

/** A staff user with the operator role, signed in, with a profile (groups, capacity) and a status. */
export async function operator(
  app: App,
  name: string,
  profile: { groups?: string[]; skills?: string[]; capacity?: number | null } = {},
  status: 'online' | 'away' | 'offline' = 'online',
) {
  const user = await app.users.create(
    { login: `op-${name}-${++sequence}`, name, password: testPassword, roles: ['operator'] },
    null,
  );
  const headers = await login(app, user.login, testPassword);
  const admin = await app.users.list('admin-user', 1, 0);
  const adminActor = admin.items[0]!;
  await updateOperatorProfile(app, user.id, profile, {
    id: adminActor.id,
    login: 'admin-user',
    name: 'admin',
    roles: ['admin'],
    locale: 'ru',
    via: 'session',
  });
  if (status !== 'offline') await api(app, 'PUT', '/operators/me/status', headers, { status });
  return { id: user.id, name, headers };
}

export type Operator = Awaited<ReturnType<typeof operator>>;

export function api(
  app: App,
  method: string,
  url: string,
  headers: Record<string, string>,
  payload?: object,
) {
  return app.inject({
    method: method as 'GET',
    url: `/api/v1${url}`,
    headers,
    ...(payload ? { payload } : {}),
  });
}

/** A client writes on a channel: a new dialog opens (and is routed). */
export async function newDialog(app: App, channelKey: string, text = 'Здравствуйте, вопрос по счёту') {
  const n = ++sequence;
  const inbound: InboundMessage = {
    from: { externalId: `client-${n}-${Math.random().toString(36).slice(2)}`, displayName: `Клиент ${n}` },
    externalMessageId: `m-${n}-${Math.random().toString(36).slice(2)}`,
    message: { text, parts: [], attachments: [] },
    files: [],
  };
  const taken = await app.conversations.takeInbound({ type: 'telegram', key: channelKey }, inbound);
  return taken.conversation;
}

/** Who holds a dialog now, straight from the database. */
export async function holder(app: App, conversationId: string) {
  const [row] = await app.db.query<{ handler: string; operator_id: string | null; line_key: string | null }>(
    'select handler, operator_id, line_key from conversation where id = ?',
    [conversationId],
  );
  return row!;
}

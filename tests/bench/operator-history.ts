import { performance } from 'node:perf_hooks';
import { type Harness, login } from '@opora/server/testing/test-app';
import { measure, type Row } from './measure.js';

type App = Harness['app'];

export interface HistoryOptions {
  /** The operator whose window is measured: they closed every history dialog and lead the open ones. */
  operatorId: string;
  /** Closed dialogs in the history (10,000 for the operator-window bench). */
  closed?: number;
  /** Dialogs the operator leads now (the window's tabs). */
  open?: number;
  /** Clients the history is spread over; the open dialogs' clients have the longest histories. */
  clients?: number;
  /** Messages of each closed dialog; an open one has twice as many. */
  messagesPerDialog?: number;
  channelKey?: string;
  lineKey?: string | null;
}

export interface History {
  operatorId: string;
  /** The open dialogs, the ones a browser bench opens as tabs. */
  openIds: string[];
  contactIds: string[];
}

const clientTexts = [
  'Здравствуйте, не приходит код подтверждения при входе',
  'Где мой заказ? Статус не меняется третий день',
  'Списали деньги дважды, верните лишний платёж',
  'Как поменять адрес доставки?',
  'Не могу скачать закрывающие документы',
];
const operatorTexts = [
  'Здравствуйте! Проверяю, минутку.',
  'Отправил ссылку на почту, она действует 24 часа.',
  'Возврат оформлен, деньги придут в течение 10 рабочих дней.',
  'Курьер привезёт заказ завтра с 10:00 до 14:00.',
  'Рад был помочь! Хорошего дня.',
];

/**
 * Fills a database with an operator's history for the operator-window bench, in batch SQL (a handful of
 * statements over generate_series, one transaction): `closed` closed dialogs of the last 90 days spread over
 * `clients` widget contacts, messages alternating client / operator, and `open` dialogs the operator leads now
 * with the client's message last. Rows are written as the conversation store writes them; each call adds new
 * contacts (their ids are random), so it may run on a database that has other data.
 */
export async function fillOperatorHistory(app: App, options: HistoryOptions): Promise<History> {
  const closed = options.closed ?? 10_000;
  const open = options.open ?? 6;
  const clients = Math.max(options.clients ?? 2_000, open, 1);
  const perDialog = Math.max(options.messagesPerDialog ?? 4, 1);
  const channelKey = options.channelKey ?? 'bench-history';
  const lineKey = options.lineKey ?? null;
  const { operatorId } = options;
  return app.db.transaction(async (tx) => {
    const contacts = await app.db.query<{ id: string }>(
      `insert into contact (id, channel, channel_key, external_id, display_name, created_at, updated_at)
       select gen_random_uuid(), 'widget', ?, 'bench-' || gen_random_uuid(), 'Клиент ' || g, now(), now()
         from generate_series(1, ?) g
       returning id`,
      [channelKey, clients],
      tx,
    );
    const contactIds = contacts.map((row) => row.id);
    const ids = `{${contactIds.join(',')}}`;
    // Closed: dialog g of contact 1 + g mod clients, opened g minutes apart going back from now, lasting an hour.
    await app.db.query(
      `with dialog as (
         insert into conversation (id, channel, channel_key, line_key, contact_id, status, handler, operator_id,
           last_operator_id, message_count, opened_at, last_message_at, first_response_at, resolved_at, closed_at,
           last_closed_at)
         select gen_random_uuid(), 'widget', ?, ?, (?::uuid[])[1 + g % ?], 'closed', 'operator', ?, ?, ?, at, at + interval '1 hour',
           at + interval '1 minute', at + interval '1 hour', at + interval '1 hour', at + interval '1 hour'
           from generate_series(1, ?) g, lateral (select now() - interval '90 days' * g / ? as at) t
         returning id, opened_at)
       insert into message (id, conversation_id, direction, author_kind, author_user_id, text, delivery, created_at)
       select gen_random_uuid(), d.id, case when k % 2 = 1 then 'in' else 'out' end,
         case when k % 2 = 1 then 'client' else 'operator' end, case when k % 2 = 1 then null else ?::uuid end,
         case when k % 2 = 1 then ?::jsonb ->> (k % ?) else ?::jsonb ->> (k % ?) end,
         case when k % 2 = 1 then null else 'read' end, d.opened_at + interval '1 minute' * k
         from dialog d, generate_series(1, ?) k`,
      [
        channelKey,
        lineKey,
        ids,
        clients,
        operatorId,
        operatorId,
        perDialog,
        closed,
        closed,
        operatorId,
        JSON.stringify(clientTexts),
        clientTexts.length,
        JSON.stringify(operatorTexts),
        operatorTexts.length,
        perDialog,
      ],
      tx,
    );
    // Open: the first `open` contacts write now; the client spoke last (2 × perDialog + 1 messages).
    const opened = await app.db.query<{ id: string }>(
      `insert into conversation (id, channel, channel_key, line_key, contact_id, status, handler, operator_id,
         message_count, opened_at, last_message_at, assigned_at, first_response_at)
       select gen_random_uuid(), 'widget', ?, ?, (?::uuid[])[g], 'open', 'operator', ?, ?,
         now() - interval '30 minutes', now() - interval '1 minute' * g, now() - interval '29 minutes',
         now() - interval '28 minutes'
         from generate_series(1, ?) g
       returning id`,
      [channelKey, lineKey, ids, operatorId, 2 * perDialog + 1, open],
      tx,
    );
    const openIds = opened.map((row) => row.id);
    await app.db.query(
      `insert into message (id, conversation_id, direction, author_kind, author_user_id, text, delivery, created_at)
       select gen_random_uuid(), c.id, case when k % 2 = 1 then 'in' else 'out' end,
         case when k % 2 = 1 then 'client' else 'operator' end, case when k % 2 = 1 then null else ?::uuid end,
         case when k % 2 = 1 then ?::jsonb ->> (k % ?) else ?::jsonb ->> (k % ?) end,
         case when k % 2 = 1 then null else 'read' end, c.opened_at + interval '1 minute' * k
         from conversation c, generate_series(1, ?) k where c.id = any(?::uuid[])`,
      [
        operatorId,
        JSON.stringify(clientTexts),
        clientTexts.length,
        JSON.stringify(operatorTexts),
        operatorTexts.length,
        2 * perDialog + 1,
        `{${openIds.join(',')}}`,
      ],
      tx,
    );
    return { operatorId, openIds, contactIds };
  });
}

/**
 * `BENCH_ONLY=history`: the generator's own figure (10,000 dialogs with their messages), checked by counting, and
 * the operator's «На мне» queue read over that history beside a bare count of their open dialogs.
 */
export async function operatorHistoryRows(h: Harness, closed: number): Promise<Row[]> {
  const user = await h.app.users.create(
    { login: 'bench-history-operator', name: 'Оператор', password: 'bench-password-1', roles: ['operator'] },
    null,
  );
  const started = performance.now();
  const history = await fillOperatorHistory(h.app, { operatorId: user.id, closed });
  const fillMs = performance.now() - started;
  const [counted] = await h.db.query<{ n: string | number }>(
    'select count(*) as n from conversation where operator_id = ?',
    [user.id],
  );
  if (Number(counted?.n) !== closed + history.openIds.length)
    throw new Error(`history holds ${counted?.n} dialogs, expected ${closed + history.openIds.length}`);
  const headers = await login(h.app, user.login, 'bench-password-1');
  const queue = await measure(async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/operator/queues/mine', headers });
    if (res.statusCode !== 200 || res.json().items.length !== history.openIds.length)
      throw new Error(`«На мне» answered ${res.statusCode} ${res.body.slice(0, 200)}`);
  }, 200);
  const bare = await measure(
    () =>
      h.db.query("select count(*) from conversation where operator_id = ? and status = 'open'", [user.id]),
    200,
  );
  return [
    {
      benchmark: `history: ${closed} closed dialogs generated`,
      figure: `${(fillMs / 1000).toFixed(1)} s`,
      baseline: '—',
      ratio: '—',
    },
    {
      benchmark: '«На мне» over that history, p95',
      figure: `${queue.p95Ms.toFixed(1)} ms`,
      baseline: `${bare.p95Ms.toFixed(1)} ms (count of open dialogs)`,
      ratio: `${(queue.p95Ms / Math.max(bare.p95Ms, 0.001)).toFixed(1)}×`,
    },
  ];
}

import type { PortalBody } from '@opora/runtime/definitions';
import type { Harness } from './test-app.js';

/** The support-desk template's account mapping: requests point at clients through `client`. */
export const account = {
  requests: 'request',
  requestClient: 'client',
  requestStatus: 'status',
  clients: 'client',
  clientName: 'fullName',
  clientEmail: 'email',
} satisfies PortalBody['account'];

/** A portal form (ФОС) on requests that even shows the client field, so a browser could try to set it. */
export const portalFormKey = 'portal-request-test';

const label = (ru: string, en: string) => ({ ru, en });

/** Clients and their requests as the support-desk template has them, cut down to what the portal uses. */
const clientType = {
  schemaVersion: 1,
  label: label('Клиент', 'Client'),
  titleField: 'fullName',
  fields: [
    { key: 'fullName', type: 'string', label: label('ФИО', 'Full name'), required: true },
    { key: 'email', type: 'email', label: label('Email', 'Email'), unique: true },
    { key: 'phone', type: 'phone', label: label('Телефон', 'Phone') },
  ],
};

const option = (value: string, ru: string, en: string, color: string) => ({
  value,
  label: label(ru, en),
  color,
});

const requestType = {
  schemaVersion: 1,
  label: label('Обращение', 'Request'),
  titleField: 'subject',
  fields: [
    { key: 'subject', type: 'string', label: label('Тема', 'Subject'), required: true },
    { key: 'description', type: 'text', label: label('Описание', 'Description'), required: true },
    {
      key: 'status',
      type: 'enum',
      label: label('Статус', 'Status'),
      required: true,
      default: 'new',
      options: [
        option('new', 'Новое', 'New', '#2563eb'),
        option('in_progress', 'В работе', 'In progress', '#d97706'),
        option('waiting', 'Ожидает ответа клиента', 'Waiting for client', '#7c3aed'),
        option('resolved', 'Решено', 'Resolved', '#16a34a'),
        option('closed', 'Закрыто', 'Closed', '#475569'),
      ],
      transitions: {
        new: ['in_progress'],
        in_progress: ['waiting', 'resolved'],
        waiting: ['in_progress'],
        resolved: ['closed', 'in_progress'],
        closed: [],
      },
    },
    {
      key: 'priority',
      type: 'enum',
      label: label('Приоритет', 'Priority'),
      required: true,
      default: 'normal',
      options: [
        option('normal', 'Обычный', 'Normal', '#64748b'),
        option('high', 'Высокий', 'High', '#dc2626'),
      ],
    },
    { key: 'client', type: 'relation', entity: 'client', label: label('Клиент', 'Client') },
  ],
};

/** An email some client record already has (staff entered it; nobody signed up with it). */
export const knownClientEmail = 'known.client@example.ru';

/**
 * Test set-up: the two data types, a client staff already recorded, and a portal form of our own. Built here
 * rather than imported from the template so these tests do not change with the demo content.
 */
export async function createSupportDesk(h: Harness): Promise<void> {
  await publish(h, 'entity', 'client', clientType);
  await publish(h, 'entity', 'request', requestType);
  await h.app.records.create('client', { fullName: 'Известный клиент', email: knownClientEmail }, null, 'ru');
  await publish(h, 'form', portalFormKey, {
    schemaVersion: 1,
    entity: 'request',
    purpose: 'portal',
    title: { ru: 'Обращение с портала' },
    layout: [
      { id: 'subject', type: 'field', field: 'subject' },
      { id: 'description', type: 'field', field: 'description' },
      { id: 'client', type: 'field', field: 'client' },
    ],
  });
  // A staff form: the portal must not serve it.
  await publish(h, 'form', 'request-create', {
    schemaVersion: 1,
    entity: 'request',
    purpose: 'create',
    layout: [{ id: 'subject', type: 'field', field: 'subject' }],
  });
}

/** Publishes the portal `main` with the account mapping (updating it should the template bring one). */
export async function publishPortal(h: Harness): Promise<void> {
  const { definitions } = h.app;
  const existing = (await definitions.list({ kind: 'portal', q: 'main' })).items.find(
    (d) => d.key === 'main',
  );
  if (existing) {
    const current = await definitions.get(existing.id);
    const body = { ...(current.body as PortalBody), account };
    const updated = await definitions.update(
      existing.id,
      { name: current.name, body, draftVersion: current.draftVersion },
      null,
      'ru',
    );
    await definitions.publish(existing.id, updated.draftVersion, null, 'ru');
    return;
  }
  await publish(h, 'portal', 'main', {
    schemaVersion: 1,
    name: { ru: 'Поддержка' },
    colors: { primary: '#1f6feb' },
    menu: [],
    account,
  } satisfies PortalBody);
}

async function publish(
  h: Harness,
  kind: 'entity' | 'form' | 'portal',
  key: string,
  body: object,
): Promise<void> {
  const { definitions } = h.app;
  const created = await definitions.create({ kind, key, name: key, body }, null, 'ru');
  await definitions.publish(created.id, created.draftVersion, null, 'ru');
}

export interface TestClient {
  /** Session cookie + CSRF token, as a browser signed in on the portal sends them. */
  headers: Record<string, string>;
  cookie: string;
  userId: string;
  recordId: string;
}

/** Signs a client up through the API, as the portal does. */
export async function signupClient(h: Harness, name: string, email: string): Promise<TestClient> {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/portal/signup',
    payload: { name, email, password: 'long-enough-1' },
  });
  if (res.statusCode !== 200) throw new Error(`sign-up failed: ${res.statusCode} ${res.body}`);
  const cookie = `opora_session=${res.cookies.find((c) => c.name === 'opora_session')!.value}`;
  const userId = res.json().user.id as string;
  const [row] = await h.db.query<{ record_id: string }>('select record_id from app_user where id = ?', [
    userId,
  ]);
  return {
    headers: { cookie, 'x-csrf-token': res.json().csrfToken },
    cookie,
    userId,
    recordId: row!.record_id,
  };
}

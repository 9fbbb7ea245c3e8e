import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTemplate } from '../../testing/template.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';
import { suggestionBounds } from './suggestion-query.js';

const telegram = { type: 'telegram' as const, key: 'side-bot' };
const missing = '00000000-0000-4000-8000-000000000000';
let sequence = 0;

type Suggestion = { key: string; url: string; text: string; audience: string };

/** Beside a dialog: articles suggested from the client's words, and linking the dialog to the right client card. */
describe.each(databaseTargets)('the column beside a dialog on $name', (target) => {
  let h: Harness;
  let operator: Record<string, string>;
  let supervisor: Record<string, string>;
  let analyst: Record<string, string>;
  let portalClient: Record<string, string>;
  const api = (method: string, url: string, headers: Record<string, string> = {}, payload?: object) =>
    h.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  const write = (
    externalId: string,
    text: string,
    from: { name?: string; email?: string; phone?: string } = {},
  ) =>
    h.app.conversations.takeInbound(telegram, {
      from: {
        externalId,
        ...(from.name ? { displayName: from.name } : {}),
        ...(from.email ? { email: from.email } : {}),
        ...(from.phone ? { phone: from.phone } : {}),
      },
      externalMessageId: `side-${++sequence}`,
      message: { text, parts: [], attachments: [] },
      files: [],
    });
  const suggestions = async (id: string, headers = operator, query = '') => {
    const res = await api('GET', `/conversations/${id}/suggestions${query}`, headers);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { query: string; items: Suggestion[] };
  };
  const newClient = (fullName: string, extra: Record<string, unknown> = {}) =>
    h.app.records.create('client', { fullName, ...extra }, null, 'ru');
  const auditRows = (targetId: string) =>
    // Only the client links: distribution writes its own rows about the same dialog.
    h.db.query<{ action: string; before: unknown; after: unknown; actor_id: string | null }>(
      `select action, before, after, actor_id from audit_log
        where target_type = 'conversation' and target_id = ? and after->'clientRecordId' is not null order by at`,
      [targetId],
    );
  const parsed = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

  beforeAll(async () => {
    h = await createHarness(target);
    await importTemplate(h);
    operator = await h.as('operator');
    supervisor = await h.as('supervisor');
    analyst = await h.as('analyst');
    portalClient = await h.as('client');
  });
  afterAll(() => h.close());

  describe('article suggestions', () => {
    it('finds the login article for «не могу войти в кабинет» (Russian stemming), with its address and text', async () => {
      const { conversation } = await write('9001', 'Здравствуйте');
      await write('9001', 'не могу войти в кабинет');
      const gapsBefore = await h.db.query<{ n: number }>('select count(*)::int as n from kb_search_gap');
      const found = await suggestions(conversation.id);
      expect(found.query).toBe('не могу войти в кабинет Здравствуйте');
      expect(found.items.length).toBeGreaterThan(0);
      expect(found.items.length).toBeLessThanOrEqual(5);
      const keys = found.items.map((item) => item.key);
      expect(keys.slice(0, 3), JSON.stringify(keys)).toContain('problemy-s-avtorizaciej');
      const login = found.items.find((item) => item.key === 'problemy-s-avtorizaciej')!;
      expect(login.url).toMatch(/^https?:\/\/[^/]+\/kb\/problemy-s-avtorizaciej$/);
      expect(login.text.length).toBeGreaterThan(50);
      expect(login.text.length).toBeLessThanOrEqual(1001);
      expect(login.text).not.toMatch(/<[a-z]/);
      // A dialog is no visitor's search: nothing lands among the knowledge base's gaps.
      const gapsAfter = await h.db.query<{ n: number }>('select count(*)::int as n from kb_search_gap');
      expect(gapsAfter[0]!.n).toBe(gapsBefore[0]!.n);
    });

    it('reads only the last client messages, newest first, bounded in length', async () => {
      const { conversation } = await write('9002', 'Задерживается доставка заказа');
      await write('9002', 'второе');
      await write('9002', 'третье');
      await h.app.conversations.answer(
        conversation.id,
        { authorKind: 'operator', message: { text: 'Сейчас посмотрю оплату', parts: [], attachments: [] } },
        null,
      );
      await write('9002', `${'оплата картой '.repeat(100)}`);
      const found = await suggestions(conversation.id);
      // The first message is the fourth from the end: out; the operator's answer is no client's word.
      expect(found.query).not.toContain('доставка');
      expect(found.query).not.toContain('посмотрю');
      expect(found.query.length).toBeLessThanOrEqual(suggestionBounds.chars);
      expect(found.query.startsWith('оплата картой')).toBe(true);
    });

    it('shows staff articles to staff, and searches what the operator typed instead', async () => {
      const { conversation } = await write('9003', 'Добрый день');
      const found = await suggestions(
        conversation.id,
        supervisor,
        `?q=${encodeURIComponent('проверить статус платежа')}`,
      );
      expect(found.query).toBe('проверить статус платежа');
      const staff = found.items.find((item) => item.key === 'operatoru-proverit-status-platezha');
      expect(staff?.audience).toBe('staff');
    });

    it('answers an empty list when the client wrote nothing searchable', async () => {
      const { conversation } = await write('9004', '   ');
      expect(await suggestions(conversation.id)).toEqual({ query: '', items: [] });
    });

    it('is for the contact centre only and refuses bad input', async () => {
      const { conversation } = await write('9005', 'не могу войти');
      const url = `/conversations/${conversation.id}/suggestions`;
      expect((await api('GET', url)).statusCode).toBe(401);
      expect((await api('GET', url, analyst)).statusCode).toBe(403);
      expect((await api('GET', url, portalClient)).statusCode).toBe(403);
      expect((await api('GET', `/conversations/${missing}/suggestions`, operator)).statusCode).toBe(404);
      expect((await api('GET', '/conversations/nope/suggestions', operator)).statusCode).toBe(400);
      expect((await api('GET', `${url}?q=${'а'.repeat(501)}`, operator)).statusCode).toBe(400);
    });
  });

  describe('linking the dialog to a client card', () => {
    it('moves the contact and its dialogs to the chosen card, with an audit row and the former card untouched', async () => {
      const { conversation } = await write('9101', 'Здравствуйте, я Пётр', { name: 'Пётр Ошибочный' });
      const former = conversation.clientRecordId!;
      expect(former).toBeTruthy();
      // Another contact of the former card stays there: only this person moves, unlike a merge.
      const sibling = await write('9102', 'Я тоже', { name: 'Сосед' });
      await h.db.query('update contact set client_record_id = ? where id = ?', [
        former,
        sibling.conversation.contactId,
      ]);
      const target = await newClient('Пётр Верный');

      const res = await api('PUT', `/conversations/${conversation.id}/client`, operator, {
        clientRecordId: target.id,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ id: conversation.id, clientRecordId: target.id });
      const [contact] = await h.db.query<{ client_record_id: string }>(
        'select client_record_id from contact where id = ?',
        [conversation.contactId],
      );
      expect(contact!.client_record_id).toBe(target.id);
      const [neighbour] = await h.db.query<{ client_record_id: string }>(
        'select client_record_id from contact where id = ?',
        [sibling.conversation.contactId],
      );
      expect(neighbour!.client_record_id).toBe(former);
      const [row] = await auditRows(conversation.id);
      expect(row).toMatchObject({ action: 'update' });
      expect(row!.actor_id).toBeTruthy();
      expect(parsed(row!.before)).toMatchObject({ clientRecordId: former });
      expect(parsed(row!.after)).toMatchObject({
        clientRecordId: target.id,
        conversations: [conversation.id],
      });
      const timeline = await api('GET', `/records/client/${target.id}/conversations`, operator);
      expect(timeline.json().conversations.map((c: { id: string }) => c.id)).toEqual([conversation.id]);

      // Linking to the card it already has changes nothing and writes no second audit row.
      const again = await api('PUT', `/conversations/${conversation.id}/client`, supervisor, {
        clientRecordId: target.id,
      });
      expect(again.statusCode).toBe(200);
      expect(await auditRows(conversation.id)).toHaveLength(1);
    });

    it('refuses bad ids, records of another type and callers outside the contact centre', async () => {
      const { conversation } = await write('9103', 'Привет', { name: 'Ольга' });
      const target = await newClient('Ольга Правильная');
      const url = `/conversations/${conversation.id}/client`;
      const body = { clientRecordId: target.id };
      expect((await api('PUT', url, {}, body)).statusCode).toBe(401);
      expect((await api('PUT', url, analyst, body)).statusCode).toBe(403);
      expect((await api('PUT', url, portalClient, body)).statusCode).toBe(403);
      expect((await api('PUT', url, operator, { clientRecordId: missing })).statusCode).toBe(404);
      expect((await api('PUT', url, operator, { clientRecordId: 'nope' })).statusCode).toBe(400);
      expect((await api('PUT', url, operator, {})).statusCode).toBe(400);
      expect((await api('PUT', `/conversations/${missing}/client`, operator, body)).statusCode).toBe(404);
      const request = await h.app.records.create(
        'request',
        { subject: 'Не клиент', description: 'Запись другого типа', client: target.id },
        null,
        'ru',
      );
      expect((await api('PUT', url, operator, { clientRecordId: request.id })).statusCode).toBe(404);
      expect(await auditRows(conversation.id)).toHaveLength(0);
      expect((await api('POST', url, analyst)).statusCode).toBe(403);
      expect((await api('POST', `/conversations/${missing}/client`, operator)).statusCode).toBe(404);
    });
  });

  describe('creating a client card from the dialog', () => {
    it('makes the record from the contact’s name, e-mail and phone through the type’s create path, then links it', async () => {
      const { conversation } = await write('9201', 'Хочу оформить заказ', {
        name: 'Мария Новая',
        email: 'maria.new@example.ru',
        phone: '+7 912 345-67-89',
      });
      // As when the channel's automatic card was refused: the dialog has no client yet.
      const auto = conversation.clientRecordId;
      await h.db.query('update contact set client_record_id = null where id = ?', [conversation.contactId]);
      await h.db.query('update conversation set client_record_id = null where id = ?', [conversation.id]);
      if (auto) await h.app.records.remove('client', auto, 1, null);

      const res = await api('POST', `/conversations/${conversation.id}/client`, operator);
      expect(res.statusCode, res.body).toBe(201);
      const made = res.json();
      expect(made.conversation.clientRecordId).toBe(made.clientRecordId);
      const record = (await api('GET', `/records/client/${made.clientRecordId}`, operator)).json();
      expect(record.data).toMatchObject({ fullName: 'Мария Новая', email: 'maria.new@example.ru' });
      expect(record.data.phone).toBeTruthy();
      expect(record.createdBy).toBeTruthy();
      const rows = await auditRows(conversation.id);
      expect(rows).toHaveLength(1);
      expect(parsed(rows[0]!.after)).toMatchObject({ clientRecordId: made.clientRecordId });
      const created = await h.db.query(
        `select 1 from audit_log where target_type = 'record' and target_id = ? and action = 'create'`,
        [made.clientRecordId],
      );
      expect(created).toHaveLength(1);
    });

    it('keeps everything as it was when the type refuses the record (the e-mail belongs to another card)', async () => {
      const { conversation } = await write('9202', 'Снова я', {
        name: 'Мария Дубль',
        email: 'maria.new@example.ru',
      });
      const before = conversation.clientRecordId;
      const res = await api('POST', `/conversations/${conversation.id}/client`, operator);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details[0].pointer).toBe('/data/email');
      const [still] = await h.db.query<{ client_record_id: string | null }>(
        'select client_record_id from conversation where id = ?',
        [conversation.id],
      );
      expect(still!.client_record_id).toBe(before);
      expect(await auditRows(conversation.id)).toHaveLength(0);
    });

    it('asks for a card made by hand when the contact told nothing', async () => {
      const { conversation } = await write('9203', 'Алло');
      const res = await api('POST', `/conversations/${conversation.id}/client`, operator);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].message).toContain('создайте карточку вручную');
    });
  });
});

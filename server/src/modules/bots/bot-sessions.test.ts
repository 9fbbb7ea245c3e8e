import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  greeterBot,
  helperBot,
  receiverBot,
  relayBot,
  scriptBot,
  searchBot,
} from '../../testing/bot-bodies.js';
import {
  drainBotJobs,
  outbound,
  publishArticle,
  publishBot,
  publishScript,
  visitorWrites,
} from '../../testing/bot-fixture.js';
import { api, holder, operator, publishLine } from '../../testing/distribution-fixture.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

/** Bots answering widget dialogs through durable jobs, on a real database. */
describe.each(databaseTargets)('bots in dialogs on $name', (target) => {
  let h: Harness;
  let n = 0;
  /** A line for people, a bot handing over to it, and a line the bot greets on; fresh per test. */
  const botLine = async (body = helperBot) => {
    const i = ++n;
    await publishLine(h.app, `people-${i}`, `people-chan-${i}`, { groups: [`g-${i}`] });
    await publishBot(h.app, `helper-${i}`, body(`people-${i}`));
    await publishLine(h.app, `bot-line-${i}`, `bot-chan-${i}`, { bot: `helper-${i}`, groups: [`g-${i}`] });
    return { channel: `bot-chan-${i}`, people: `people-${i}`, bot: `helper-${i}`, group: `g-${i}`, i };
  };
  /** What the bot said to the client (the system's queue position aside). */
  const texts = async (id: string) =>
    (await outbound(h.db, id)).filter((m) => !m.internal && m.author_kind === 'bot').map((m) => m.text);
  const write = async (channel: string, visitor: string, text: string) => {
    const conversation = await visitorWrites(h.app, channel, visitor, text);
    await drainBotJobs(h.app);
    return conversation;
  };

  beforeAll(async () => {
    h = await createHarness(target);
    h.app.jobWorker.start();
  });
  afterAll(() => h.close());

  it('greets a new widget dialog, takes the first message as the answer and asks with buttons', async () => {
    const { channel } = await botLine();
    const dialog = await write(channel, 'v-greet', 'Не проходит оплата картой');
    expect(dialog.handler).toBe('bot');
    const out = await outbound(h.db, dialog.id);
    expect(out.map((m) => [m.author_kind, m.text])).toEqual([
      ['bot', 'Здравствуйте! Я бот поддержки.'],
      ['bot', 'Опишите ваш вопрос.'],
      ['bot', 'Это про оплату?'],
    ]);
    expect(out[2]!.parts).toEqual([
      {
        type: 'buttons',
        buttons: [
          { label: 'Оплата', value: 'pay' },
          { label: 'Другое', value: 'other' },
        ],
      },
    ]);
    const session = await api(h.app, 'GET', `/conversations/${dialog.id}/bot`, await h.as('operator'));
    expect(session.statusCode).toBe(200);
    expect(session.json()).toMatchObject({
      status: 'active',
      state: 'waiting',
      block: 'topic',
      paused: false,
      variables: { question: 'Не проходит оплата картой' },
    });
  });

  it('validates an answer: a retry text, then the fallback; a button by its number is understood', async () => {
    const { channel } = await botLine();
    const dialog = await write(channel, 'v-retry', 'Вопрос про счёт');
    await write(channel, 'v-retry', '1');
    await write(channel, 'v-retry', 'не скажу');
    expect((await texts(dialog.id)).slice(-2)).toEqual(['Ваш телефон?', 'Это не похоже на номер телефона.']);
    await write(channel, 'v-retry', 'всё равно не скажу');
    expect((await texts(dialog.id)).at(-1)).toBe('Соединяю с оператором.');
  });

  it('hands over to the line’s queue with the summary as a note for the operators', async () => {
    const { channel, people } = await botLine();
    const dialog = await write(channel, 'v-hand', 'Хочу вернуть деньги');
    await write(channel, 'v-hand', 'Оплата');
    await write(channel, 'v-hand', '+7 912 345-67-89');
    expect(await holder(h.app, dialog.id)).toMatchObject({ handler: 'queue', line_key: people });
    const out = await outbound(h.db, dialog.id);
    const note = out.find((m) => m.internal);
    expect(note).toMatchObject({ author_kind: 'bot' });
    expect(note!.text).toContain('Вопрос: Хочу вернуть деньги');
    expect(note!.text).toMatch(/Телефон: \+7/);
    // Nobody serving the line is online: the client is told so rather than a place in the queue.
    expect(out.at(-1)).toMatchObject({
      author_kind: 'system',
      text: expect.stringMatching(/^Сейчас операторов нет/),
    });
    // While it waits for people the bot answers nothing.
    const before = out.length;
    await write(channel, 'v-hand', 'Алло?');
    expect((await outbound(h.db, dialog.id)).length).toBe(before);
  });

  it('keeps a running session on its version; a new dialog gets the new one', async () => {
    const { channel, bot, people } = await botLine();
    const first = await write(channel, 'v-pin-1', 'Вопрос');
    await publishBot(h.app, bot, helperBot(people, 'Привет! Это новая версия.'));
    await write(channel, 'v-pin-1', 'Другое');
    const second = await write(channel, 'v-pin-2', 'Вопрос');
    const staff = await h.as('operator');
    expect((await api(h.app, 'GET', `/conversations/${first.id}/bot`, staff)).json().bot.version).toBe(1);
    expect((await api(h.app, 'GET', `/conversations/${second.id}/bot`, staff)).json().bot.version).toBe(2);
    expect((await texts(first.id))[0]).toBe('Здравствуйте! Я бот поддержки.');
    expect((await texts(first.id)).at(-1)).toBe('Соединяю с оператором.');
    expect((await texts(second.id))[0]).toBe('Привет! Это новая версия.');
  });

  it('handles two messages that arrive together in order, each once', async () => {
    const { channel } = await botLine();
    const dialog = await write(channel, 'v-race', 'Вопрос про оплату');
    await Promise.all([
      visitorWrites(h.app, channel, 'v-race', 'Оплата'),
      visitorWrites(h.app, channel, 'v-race', 'нет номера'),
    ]);
    await drainBotJobs(h.app);
    // Whichever order they were stored in, the bot answered them in that order, each once.
    const order = await h.db.query<{ text: string }>(
      `select text from message where conversation_id = ? and direction = 'in' order by seq`,
      [dialog.id],
    );
    const paymentFirst = order[1]!.text === 'Оплата';
    expect((await texts(dialog.id)).slice(3)).toEqual(
      paymentFirst ? ['Ваш телефон?', 'Это не похоже на номер телефона.'] : ['Соединяю с оператором.'],
    );
    const [session] = await h.db.query<{ handled_seq: string }>(
      `select handled_seq from bot_session where conversation_id = ?`,
      [dialog.id],
    );
    const [last] = await h.db.query<{ seq: string }>(
      `select max(seq) as seq from message where conversation_id = ? and direction = 'in'`,
      [dialog.id],
    );
    expect(Number(session!.handled_seq)).toBe(Number(last!.seq));
  });

  it('pauses while an operator holds the dialog and goes on where it is handed back', async () => {
    const { channel, group } = await botLine();
    const anna = await operator(h.app, 'Анна', { groups: [group] });
    const dialog = await write(channel, 'v-pause', 'Вопрос');
    const take = await api(h.app, 'POST', `/conversations/${dialog.id}/take`, anna.headers);
    expect(take.statusCode).toBe(200);
    const before = (await outbound(h.db, dialog.id)).length;
    await write(channel, 'v-pause', 'Оплата');
    expect((await outbound(h.db, dialog.id)).length).toBe(before);
    const paused = await api(h.app, 'GET', `/conversations/${dialog.id}/bot`, anna.headers);
    expect(paused.json()).toMatchObject({ paused: true, block: 'topic' });
    const resume = await api(h.app, 'POST', `/conversations/${dialog.id}/bot/resume`, anna.headers, {
      blockId: 'phone',
    });
    expect(resume.statusCode).toBe(200);
    expect(resume.json()).toMatchObject({ paused: false, block: 'phone', state: 'waiting' });
    expect(await holder(h.app, dialog.id)).toMatchObject({ handler: 'bot', operator_id: null });
    expect((await texts(dialog.id)).at(-1)).toBe('Ваш телефон?');
    await write(channel, 'v-pause', '+7 912 345-67-89');
    expect(await texts(dialog.id)).toContain('Спасибо! Записал +79123456789.');
    const unknown = await api(h.app, 'POST', `/conversations/${dialog.id}/bot/resume`, anna.headers, {
      blockId: 'nowhere',
    });
    expect(unknown.statusCode).toBe(409);
  });

  it('takes the error exit when a script throws', async () => {
    const i = ++n;
    await publishScript(
      h.app,
      `failing-${i}`,
      "export default function run() {\n  throw new Error('нет связи');\n}",
    );
    await publishBot(h.app, `scripted-${i}`, scriptBot(`failing-${i}`));
    await publishLine(h.app, `script-line-${i}`, `script-chan-${i}`, { bot: `scripted-${i}`, botOnly: true });
    const dialog = await write(`script-chan-${i}`, 'v-script', 'Проверьте заказ');
    expect(await texts(dialog.id)).toEqual(['Не получилось, простите.']);
  });

  it('refuses to publish a bot whose go-to-bot block names the bot itself with no way back in', async () => {
    const key = `selfie-${++n}`;
    const body = {
      title: { ru: 'Сам себе' },
      triggers: [{ id: 'start', type: 'newDialog' as const, next: 'again' }],
      blocks: [{ id: 'again', type: 'go-to-bot', typeVersion: 1, bot: key, exits: {} }],
    } as unknown as Parameters<typeof publishBot>[2];
    const refused = await publishBot(h.app, key, body).catch(
      (error: { details?: { code: string }[] }) => error,
    );
    expect(typeof refused).toBe('object');
    const codes = ((refused as { details?: { code: string }[] }).details ?? []).map((d) => d.code);
    expect(codes).toContain('self_jump_without_trigger');
  });

  it('starts over on a bot-only line when the client writes after the bot finished', async () => {
    const i = ++n;
    await publishBot(h.app, `greeter-${i}`, greeterBot());
    await publishLine(h.app, `greet-line-${i}`, `greet-chan-${i}`, { bot: `greeter-${i}`, botOnly: true });
    const dialog = await write(`greet-chan-${i}`, 'v-again', 'Привет');
    await write(`greet-chan-${i}`, 'v-again', 'Ещё раз привет');
    expect(await texts(dialog.id)).toEqual(['Привет! Я всё сказал.', 'Привет! Я всё сказал.']);
    const sessions = await h.db.query<{ status: string }>(
      'select status from bot_session where conversation_id = ? order by created_at',
      [dialog.id],
    );
    expect(sessions.map((s) => s.status)).toEqual(['ended', 'active']);
    expect(await holder(h.app, dialog.id)).toMatchObject({ handler: 'bot' });
  });

  it('passes the dialog to the line’s people once the bot finished', async () => {
    const i = ++n;
    await publishBot(h.app, `greeter-${i}`, greeterBot());
    await publishLine(h.app, `greet-line-${i}`, `greet-chan-${i}`, {
      bot: `greeter-${i}`,
      groups: [`nobody-${i}`],
    });
    const dialog = await write(`greet-chan-${i}`, 'v-people', 'Привет');
    await write(`greet-chan-${i}`, 'v-people', 'А можно человека?');
    expect(await holder(h.app, dialog.id)).toMatchObject({ handler: 'queue', line_key: `greet-line-${i}` });
  });

  it('hands the dialog from bot to bot with the variables it names', async () => {
    const i = ++n;
    await publishBot(h.app, `receiver-${i}`, receiverBot());
    await publishBot(h.app, `relay-${i}`, relayBot(`receiver-${i}`));
    await publishLine(h.app, `relay-line-${i}`, `relay-chan-${i}`, { bot: `relay-${i}`, botOnly: true });
    const dialog = await write(`relay-chan-${i}`, 'v-relay', 'Анна');
    expect(await texts(dialog.id)).toEqual(['Как вас зовут?', 'Здравствуйте, Анна! Продолжаю я.']);
    const session = await api(h.app, 'GET', `/conversations/${dialog.id}/bot`, await h.as('supervisor'));
    expect(session.json()).toMatchObject({
      bot: { key: `receiver-${i}`, version: 1 },
      variables: { name: 'Анна' },
    });
  });

  it('searches the knowledge base and offers the articles it finds', async () => {
    const i = ++n;
    const article = await publishArticle(
      h,
      'Как восстановить пароль',
      '<p>Нажмите «Забыли пароль» на странице входа.</p>',
    );
    await publishLine(h.app, `kb-people-${i}`, `kb-people-chan-${i}`);
    await publishBot(h.app, `searcher-${i}`, searchBot(`kb-people-${i}`));
    await publishLine(h.app, `kb-line-${i}`, `kb-chan-${i}`, { bot: `searcher-${i}` });
    const dialog = await write(`kb-chan-${i}`, 'v-kb', 'Не могу восстановить пароль');
    const offer = (await outbound(h.db, dialog.id)).at(-1)!;
    expect(offer.text).toContain('Как восстановить пароль');
    expect(offer.text).toContain(`/kb/${article.key}`);
    expect(offer.parts).toMatchObject([{ type: 'buttons' }]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { greeterBot, helperBot, phraseBot, searchBot } from '../../testing/bot-bodies.js';
import {
  drainBotJobs,
  outbound,
  publishArticle,
  publishBot,
  visitorWrites,
} from '../../testing/bot-fixture.js';
import { api, holder, operator, publishLine } from '../../testing/distribution-fixture.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

const first = 'Вы первый в очереди — оператор скоро ответит.';
const nobody =
  'Сейчас операторов нет на связи. Ваш диалог в очереди — мы ответим, как только оператор появится.';

/** Runs the dialog's pending queue checks now (as if a minute had passed); answers how many there were. */
async function checkQueueNow(h: Harness, conversationId: string) {
  const due = await h.db.query(
    `update job set run_at = now() where name = 'bot.queuePosition' and status = 'pending'
       and payload->>'conversationId' = ? returning id`,
    [conversationId],
  );
  await drainBotJobs(h.app);
  return due.length;
}

/** The bot and people in one dialog: supervisors joining, the queue told as it moves, synonyms, hand-over edges. */
describe.each(databaseTargets)('the bot and people on $name', (target) => {
  let h: Harness;
  let n = 0;
  /** A line for people (group `g-i`) and a line whose helper bot hands over to it; fresh per test. */
  const botLine = async () => {
    const i = ++n;
    await publishLine(h.app, `people-${i}`, `people-chan-${i}`, { groups: [`g-${i}`] });
    await publishBot(h.app, `helper-${i}`, helperBot(`people-${i}`));
    await publishLine(h.app, `bot-line-${i}`, `bot-chan-${i}`, { bot: `helper-${i}`, groups: [`g-${i}`] });
    return {
      channel: `bot-chan-${i}`,
      people: `people-${i}`,
      peopleChannel: `people-chan-${i}`,
      group: `g-${i}`,
      line: `bot-line-${i}`,
    };
  };
  const write = async (channel: string, visitor: string, text: string) => {
    const conversation = await visitorWrites(h.app, channel, visitor, text);
    await drainBotJobs(h.app);
    return conversation;
  };
  /** The client's dialog on `channel`, handed over by the bot («Другое» goes to people). */
  const handedOver = async (channel: string, visitor: string) => {
    const dialog = await write(channel, visitor, 'Вопрос');
    await write(channel, visitor, 'Другое');
    return dialog;
  };
  const systemTexts = async (id: string) =>
    (await outbound(h.db, id)).filter((m) => m.author_kind === 'system').map((m) => m.text);

  beforeAll(async () => {
    h = await createHarness(target);
    h.app.jobWorker.start();
  });
  afterAll(() => h.close());

  it('shows the bot’s dialogs on the board; a supervisor joins one, the bot pauses, and gets it back', async () => {
    const { channel, line } = await botLine();
    const dialog = await write(channel, 'v-join', 'Вопрос');
    const supervisor = await h.as('supervisor');
    const board = (await api(h.app, 'GET', '/supervisor/board', supervisor)).json();
    const card = board.lines.find((l: { key: string }) => l.key === line);
    expect(card).toMatchObject({ withBot: 1, waiting: 0, inProgress: 0, breaches: 0 });
    expect(card.dialogs).toMatchObject([
      { id: dialog.id, handler: 'bot', operatorId: null, firstResponseDue: null, breach: null },
    ]);
    const operatorTries = await api(
      h.app,
      'POST',
      `/supervisor/dialogs/${dialog.id}/join`,
      await h.as('operator'),
    );
    expect(operatorTries.statusCode).toBe(403);
    const joined = await api(h.app, 'POST', `/supervisor/dialogs/${dialog.id}/join`, supervisor);
    expect(joined.statusCode).toBe(200);
    const me = (await h.app.users.list('supervisor-user', 1, 0)).items[0]!;
    expect(joined.json()).toMatchObject({ handler: 'operator', operatorId: me.id });
    expect((await api(h.app, 'POST', `/supervisor/dialogs/${dialog.id}/join`, supervisor)).statusCode).toBe(
      200,
    );
    // Paused: the client's answer to the bot's question gets no answer from the bot; the supervisor writes.
    const before = (await outbound(h.db, dialog.id)).length;
    await write(channel, 'v-join', 'Оплата');
    expect((await outbound(h.db, dialog.id)).length).toBe(before);
    const answer = await api(h.app, 'POST', `/conversations/${dialog.id}/messages`, supervisor, {
      text: 'Здравствуйте, я старший смены.',
    });
    expect(answer.statusCode).toBe(201);
    const session = (await api(h.app, 'GET', `/conversations/${dialog.id}/bot`, supervisor)).json();
    expect(session).toMatchObject({ paused: true, block: 'topic' });
    const resume = await api(h.app, 'POST', `/conversations/${dialog.id}/bot/resume`, supervisor, {
      blockId: 'phone',
    });
    expect(resume.statusCode).toBe(200);
    expect(await holder(h.app, dialog.id)).toMatchObject({ handler: 'bot', operator_id: null });
    expect((await outbound(h.db, dialog.id)).at(-1)).toMatchObject({
      author_kind: 'bot',
      text: 'Ваш телефон?',
    });
    const audit = await h.db.query<{ after: unknown }>(
      `select after from audit_log where target_id = ? and action = 'update' order by id`,
      [dialog.id],
    );
    expect(JSON.stringify(audit.map((a) => a.after))).toContain('"assigned":"joined"');
  });

  it('shows a bot-only line on the board with its bot dialogs and no operators; a supervisor joins one', async () => {
    const i = ++n;
    await publishBot(h.app, `solo-greeter-${i}`, greeterBot());
    await publishLine(h.app, `solo-board-${i}`, `solo-board-chan-${i}`, {
      botOnly: true,
      bot: `solo-greeter-${i}`,
    });
    await operator(h.app, 'Борис', { groups: [] });
    const dialog = await write(`solo-board-chan-${i}`, 'v-solo-board', 'Здравствуйте');
    const supervisor = await h.as('supervisor');
    const board = (await api(h.app, 'GET', '/supervisor/board', supervisor)).json();
    const card = board.lines.find((l: { key: string }) => l.key === `solo-board-${i}`);
    expect(card).toMatchObject({ botOnly: true, withBot: 1, waiting: 0, operators: [] });
    expect(card.dialogs).toMatchObject([{ id: dialog.id, handler: 'bot' }]);
    const staffed = board.lines.filter((l: { botOnly: boolean }) => !l.botOnly);
    expect(staffed.length).toBeGreaterThan(0);
    const joined = await api(h.app, 'POST', `/supervisor/dialogs/${dialog.id}/join`, supervisor);
    expect(joined.statusCode).toBe(200);
    expect(await holder(h.app, dialog.id)).toMatchObject({ handler: 'operator' });
  });

  it('refuses to join a dialog an operator leads, naming them; an unknown one is not found', async () => {
    const { channel, group } = await botLine();
    const anna = await operator(h.app, 'Анна', { groups: [group] });
    const dialog = await write(channel, 'v-held', 'Вопрос');
    expect((await api(h.app, 'POST', `/conversations/${dialog.id}/take`, anna.headers)).statusCode).toBe(200);
    const supervisor = await h.as('supervisor');
    const refused = await api(h.app, 'POST', `/supervisor/dialogs/${dialog.id}/join`, supervisor);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'dialog_taken' });
    expect(JSON.stringify(refused.json().error)).toContain('Анна');
    expect(await holder(h.app, dialog.id)).toMatchObject({ operator_id: anna.id });
    const missing = await api(
      h.app,
      'POST',
      '/supervisor/dialogs/00000000-0000-4000-8000-000000000000/join',
      supervisor,
    );
    expect(missing.statusCode).toBe(404);
  });

  it('tells a waiting client their better place as the queue moves, at most once a check, until taken', async () => {
    const { channel, group, peopleChannel } = await botLine();
    // Анна is online but full: the dialogs the bot hands over wait in the queue.
    const busy = await visitorWrites(h.app, peopleChannel, 'v-busy', 'Вопрос');
    const anna = await operator(h.app, 'Анна', { groups: [group], capacity: 1 });
    expect((await api(h.app, 'POST', `/conversations/${busy.id}/take`, anna.headers)).statusCode).toBe(200);
    const a = await handedOver(channel, 'v-queue-a');
    const b = await handedOver(channel, 'v-queue-b');
    expect(await systemTexts(a.id)).toEqual([first]);
    expect(await systemTexts(b.id)).toEqual(['Вы в очереди, перед вами диалогов: 1.']);
    // Nothing moved: a check says nothing and sets the next one (one pending at a time).
    expect(await checkQueueNow(h, b.id)).toBe(1);
    expect(await systemTexts(b.id)).toHaveLength(1);
    expect(await checkQueueNow(h, b.id)).toBe(1);
    expect(await systemTexts(b.id)).toHaveLength(1);
    const supervisor = await h.as('supervisor');
    expect((await api(h.app, 'POST', `/supervisor/dialogs/${a.id}/join`, supervisor)).statusCode).toBe(200);
    expect(await checkQueueNow(h, b.id)).toBe(1);
    expect(await systemTexts(b.id)).toEqual(['Вы в очереди, перед вами диалогов: 1.', first]);
    expect(await checkQueueNow(h, b.id)).toBe(1);
    expect(await systemTexts(b.id)).toHaveLength(2);
    // Taken: the next check ends the chain.
    expect((await api(h.app, 'POST', `/supervisor/dialogs/${b.id}/join`, supervisor)).statusCode).toBe(200);
    expect(await checkQueueNow(h, b.id)).toBe(1);
    expect(await checkQueueNow(h, b.id)).toBe(0);
    expect(await systemTexts(b.id)).toHaveLength(2);
    // A's chain ended too once the supervisor took it.
    expect(await checkQueueNow(h, a.id)).toBe(1);
    expect(await checkQueueNow(h, a.id)).toBe(0);
  });

  it('hands over to a line nobody is online for: the client is told and waits; an operator coming takes it', async () => {
    const { channel, group, people } = await botLine();
    const dialog = await handedOver(channel, 'v-nobody');
    expect(await holder(h.app, dialog.id)).toMatchObject({ handler: 'queue', line_key: people });
    expect(await systemTexts(dialog.id)).toEqual([nobody]);
    expect(await checkQueueNow(h, dialog.id)).toBe(1);
    expect(await systemTexts(dialog.id)).toEqual([nobody]);
    const boris = await operator(h.app, 'Борис', { groups: [group] });
    await h.app.distribution.drain();
    expect(await holder(h.app, dialog.id)).toMatchObject({ handler: 'operator', operator_id: boris.id });
    expect(await checkQueueNow(h, dialog.id)).toBe(1);
    expect(await checkQueueNow(h, dialog.id)).toBe(0);
    expect(await systemTexts(dialog.id)).toEqual([nobody]);
  });

  it('hands over to a bot-only line: the dialog waits on its own line, or where it was sent when that has none', async () => {
    const i = ++n;
    await publishLine(h.app, `solo-${i}`, `solo-chan-${i}`, { botOnly: true, bot: `greeter-${i}` });
    await publishBot(h.app, `greeter-${i}`, greeterBot());
    await publishBot(h.app, `helper-${i}`, helperBot(`solo-${i}`));
    await publishLine(h.app, `staffed-${i}`, `staffed-chan-${i}`, { bot: `helper-${i}`, groups: [`g-${i}`] });
    const staffed = await handedOver(`staffed-chan-${i}`, 'v-solo-1');
    expect(await holder(h.app, staffed.id)).toMatchObject({ handler: 'queue', line_key: `staffed-${i}` });
    await publishLine(h.app, `lonely-${i}`, `lonely-chan-${i}`, { bot: `helper-${i}`, botOnly: true });
    const lonely = await handedOver(`lonely-chan-${i}`, 'v-solo-2');
    expect(await holder(h.app, lonely.id)).toMatchObject({ handler: 'queue', line_key: `solo-${i}` });
    expect(await systemTexts(lonely.id)).toEqual([nobody]);
    expect((await outbound(h.db, lonely.id)).find((m) => m.internal)?.text).toMatch(/^Бот передал диалог/);
  });

  it('counts the knowledge base’s synonyms in phrase triggers and in its search', async () => {
    const i = ++n;
    await publishBot(h.app, `phrase-${i}`, phraseBot());
    await publishLine(h.app, `phrase-line-${i}`, `phrase-chan-${i}`, { bot: `phrase-${i}`, botOnly: true });
    const said = async (id: string) =>
      (await outbound(h.db, id)).filter((m) => m.author_kind === 'bot').map((m) => m.text);
    const before = await write(`phrase-chan-${i}`, `v-phrase-1`, 'дома не работает инет');
    expect(await said(before.id)).toEqual([]);
    await h.app.kb.synonyms.save([['интернет', 'инет']], 'ru');
    const after = await write(`phrase-chan-${i}`, `v-phrase-2`, 'дома не работает инет');
    expect(await said(after.id)).toEqual(['Про интернет']);

    await publishArticle(h, 'Если пропал интернет', '<p>Перезагрузите роутер.</p>');
    await publishLine(h.app, `kb-people-${i}`, `kb-people-chan-${i}`);
    await publishBot(h.app, `searcher-${i}`, searchBot(`kb-people-${i}`));
    await publishLine(h.app, `kb-line-${i}`, `kb-chan-${i}`, { bot: `searcher-${i}` });
    const dialog = await write(`kb-chan-${i}`, 'v-kb-syn', 'пропал инет');
    expect((await outbound(h.db, dialog.id)).at(-1)!.text).toContain('Если пропал интернет');
  });
});

/** An install whose language is English writes its notes for staff in English. */
describe.each(databaseTargets)('the bot’s notes in an English install on $name', (target) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(target, { language: 'en' });
    h.app.jobWorker.start();
  });
  afterAll(() => h.close());

  it('writes the hand-over summary in English; the client still hears their own language', async () => {
    await publishLine(h.app, 'people', 'people-chan', { groups: ['g'] });
    await publishBot(h.app, 'helper', helperBot('people'));
    await publishLine(h.app, 'bot-line', 'bot-chan', { bot: 'helper', groups: ['g'] });
    const dialog = await visitorWrites(h.app, 'bot-chan', 'v-en', 'Хочу вернуть деньги');
    await drainBotJobs(h.app);
    await visitorWrites(h.app, 'bot-chan', 'v-en', 'Другое');
    await drainBotJobs(h.app);
    const out = await outbound(h.db, dialog.id);
    const note = out.find((m) => m.internal)!;
    expect(note.text.split('\n')).toEqual([
      'The bot handed the dialog over to an operator.',
      'Вопрос: Хочу вернуть деньги',
      'Телефон: —',
    ]);
    expect(out.at(-1)).toMatchObject({ author_kind: 'system', text: nobody });
  });
});

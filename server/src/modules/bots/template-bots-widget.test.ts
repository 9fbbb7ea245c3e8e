import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holder, publishLine } from '../../testing/distribution-fixture.js';
import { importTemplate } from '../../testing/template.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';
import { type WidgetChat, widgetChat } from '../../testing/widget-chat.js';
import { publishWidgetChannel, tinyPng } from '../../testing/widget-fixture.js';

const templateBots = [
  'change-password',
  'forgot-login',
  'password-recovery',
  'profile-photo',
  'sign-in-problems',
  'account-questions',
  'first-line-bot',
] as const;

const operatorText = 'Соединяю с оператором — он увидит всё, что вы написали.';
const thanksText = 'Рады помочь! Если появятся вопросы — просто напишите сюда.';
const defaultRetry = 'Не удалось распознать ответ. Попробуйте ещё раз.';
const photoRetry = 'Нужна фотография в формате JPG или PNG размером до 5 МБ. Попробуйте другой файл.';
const emailRetry = 'Это не похоже на e-mail. Например: ivan@example.ru';

/**
 * The support desk template's bots, each on a line of its own, talked to as a visitor of the site's chat would:
 * messages and pressed buttons through the widget's API, the bot's answers heard on the widget's WebSocket.
 * Each bot is followed along its happy path and along a bad answer (the retry text, then the fallback).
 */
describe.each(databaseTargets)('the template’s bots through the chat widget on $name', (target) => {
  let h: Harness;
  let visitors = 0;
  const chats: WidgetChat[] = [];
  /** A new visitor on the chat whose line the bot answers. */
  const chatWith = async (bot: (typeof templateBots)[number]) => {
    const chat = await widgetChat(h, `chat-${bot}`, `10.9.0.${++visitors}`);
    chats.push(chat);
    return chat;
  };
  /** Who holds the visitor's dialog now. */
  const holderOf = (chat: WidgetChat) => holder(h.app, chat.conversationId());
  const handedToPeople = async (chat: WidgetChat) => {
    expect(chat.texts()).toContain(operatorText);
    expect(await holderOf(chat)).toMatchObject({ handler: 'queue', line_key: 'first-line' });
  };

  beforeAll(async () => {
    h = await createHarness(target);
    await importTemplate(h);
    for (const bot of templateBots) {
      await publishWidgetChannel(h, `chat-${bot}`);
      // Before the template's own lines (order 10 and on), so the chat's dialogs are this bot's.
      await publishLine(h.app, `line-${bot}`, `chat-${bot}`, { bot, order: 1, groups: ['first-line'] });
    }
    h.app.jobWorker.start();
    await h.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const chat of chats) chat.close();
    await h.close();
  });

  it('change-password: the instructions helped; an answer that is no button twice goes to an operator', async () => {
    const happy = await chatWith('change-password');
    await happy.say('Как сменить пароль?');
    expect(happy.texts()).toEqual([
      expect.stringContaining('Чтобы сменить пароль: войдите в личный кабинет'),
      'Это помогло?',
    ]);
    await happy.press('Да, спасибо');
    expect(happy.texts().at(-1)).toBe(thanksText);
    expect(await holderOf(happy)).toMatchObject({ handler: 'bot' });

    const lost = await chatWith('change-password');
    await lost.say('Хочу поменять пароль');
    await lost.say('а где это?');
    expect(lost.texts().at(-1)).toBe(defaultRetry);
    expect(lost.lastOffer()?.text).toBe(defaultRetry);
    await lost.say('всё равно непонятно');
    await handedToPeople(lost);
  });

  it('forgot-login: takes an e-mail and says where the login goes; a non-address twice goes to an operator', async () => {
    const happy = await chatWith('forgot-login');
    await happy.say('Забыл логин от кабинета');
    expect(happy.texts().at(-1)).toContain('Напишите e-mail');
    await happy.say('ivan@example.ru');
    expect(happy.texts().slice(-2)).toEqual([
      'Если ivan@example.ru есть в нашей системе, на него придёт письмо с логином в течение 10 минут. Проверьте и папку «Спам».',
      'Это помогло?',
    ]);
    await happy.press('Да, спасибо');
    expect(happy.texts().at(-1)).toBe(thanksText);

    const lost = await chatWith('forgot-login');
    await lost.say('не помню логин');
    await lost.say('не знаю');
    expect(lost.texts().at(-1)).toBe(emailRetry);
    await lost.say('ivan собака example');
    expect(lost.texts().at(-1)).toBe(emailRetry);
    await lost.say('никак');
    await handedToPeople(lost);
  });

  it('password-recovery: the letter came; no letter and a bad address go to an operator', async () => {
    const happy = await chatWith('password-recovery');
    await happy.say('Забыла пароль');
    expect(happy.texts()).toEqual([expect.stringContaining('Нажмите «Забыли пароль?»'), 'Письмо пришло?']);
    await happy.press('Да, пароль сменил');
    expect(happy.texts().at(-1)).toBe(thanksText);

    const lost = await chatWith('password-recovery');
    await lost.say('не помню пароль');
    await lost.press('Письма нет');
    expect(lost.texts().at(-1)).toContain('Напишите e-mail вашего кабинета');
    await lost.say('мой ящик');
    expect(lost.texts().at(-1)).toBe(emailRetry);
    await lost.say('всё ещё не знаю');
    await handedToPeople(lost);
  });

  it('profile-photo: takes an uploaded picture into a request; refuses a document and an oversized photo', async () => {
    const happy = await chatWith('profile-photo');
    await happy.say('Хочу сменить фото');
    expect(happy.texts().at(-1)).toContain('Пришлите новое фото профиля');
    expect((await happy.upload({ name: 'я.png', type: 'image/png', bytes: tinyPng })).statusCode).toBe(201);
    expect(happy.texts().at(-1)).toBe(
      'Фото получили и передали специалисту — профиль обновится в течение рабочего дня.',
    );
    const requests = await h.db.query<{ data: { subject: string } }>(
      `select data from record where entity = 'request' and data->>'subject' = 'Смена фото профиля'`,
    );
    expect(requests).toHaveLength(1);

    const lost = await chatWith('profile-photo');
    await lost.say('аватар');
    const pdf = await lost.upload({
      name: 'фото.pdf',
      type: 'application/pdf',
      bytes: Buffer.from('%PDF-1.4'),
    });
    expect(pdf.statusCode).toBe(201);
    expect(lost.texts().at(-1)).toBe(photoRetry);
    const big = Buffer.concat([tinyPng, Buffer.alloc(6 * 1024 * 1024)]);
    expect((await lost.upload({ name: 'big.png', type: 'image/png', bytes: big })).statusCode).toBe(201);
    expect(lost.texts().at(-1)).toBe(photoRetry);
    await lost.say('других нет');
    await handedToPeople(lost);
  });

  it('sign-in-problems: a locked account is explained; an unclear answer asks for details for an operator', async () => {
    const happy = await chatWith('sign-in-problems');
    await happy.say('Не могу войти в кабинет');
    expect(happy.texts()).toEqual(['Что происходит при входе?']);
    await happy.press('Кабинет заблокирован');
    expect(happy.texts().slice(-2)).toEqual([
      expect.stringContaining('После пяти неверных попыток вход блокируется на 30 минут.'),
      'Это помогло?',
    ]);
    await happy.press('Да, спасибо');
    expect(happy.texts().at(-1)).toBe(thanksText);

    const lost = await chatWith('sign-in-problems');
    await lost.say('ошибка входа');
    await lost.say('что-то странное');
    expect(lost.texts().at(-1)).toBe(defaultRetry);
    await lost.say('не понимаю');
    expect(lost.texts().at(-1)).toBe('Опишите, пожалуйста, что видите на экране — передам оператору.');
    await lost.say('Красная надпись «Ошибка 500»');
    await handedToPeople(lost);
  });

  it('account-questions: the menu hands over to the password bot; an answer off the menu twice to an operator', async () => {
    const happy = await chatWith('account-questions');
    await happy.say('Вопрос про личный кабинет');
    expect(happy.texts()).toEqual(['С чем помочь в личном кабинете?']);
    await happy.press('Сменить пароль');
    expect(happy.texts().slice(-2)).toEqual([
      expect.stringContaining('Чтобы сменить пароль'),
      'Это помогло?',
    ]);
    await happy.press('Да, спасибо');
    expect(happy.texts().at(-1)).toBe(thanksText);

    const lost = await chatWith('account-questions');
    await lost.say('кабинет');
    await lost.say('сложно объяснить');
    expect(lost.texts().at(-1)).toBe(defaultRetry);
    await lost.say('всё сразу');
    await handedToPeople(lost);
  });

  it('first-line-bot: greets, finds an article that helps; after two searches that do not, calls an operator', async () => {
    const happy = await chatWith('first-line-bot');
    await happy.say('Как вернуть деньги за заказ?');
    const texts = happy.texts();
    expect(texts.slice(0, 2)).toEqual([
      'Здравствуйте! Я бот поддержки. Отвечу сразу или позову оператора.',
      'Выберите тему или просто напишите вопрос.',
    ]);
    expect(texts.at(-1)).toContain('Вот что нашлось в базе знаний:');
    expect(texts.at(-1)).toContain('/kb/');
    await happy.press('Помогло');
    expect(happy.texts().at(-1)).toBe(thanksText);

    const lost = await chatWith('first-line-bot');
    await lost.say('Как вернуть деньги за заказ?');
    await lost.press('Не помогло');
    expect(lost.texts().at(-1)).toBe('Сформулируйте, пожалуйста, вопрос иначе — поищу ещё раз.');
    await lost.say('деньги за возврат товара');
    await lost.press('Не помогло');
    await handedToPeople(lost);
  });
});

import { describe, expect, it } from 'vitest';
import { block, botBody, end, say } from '../../test-fixtures/bot-kit.js';
import { fixedClock } from '../engine.js';
import { returnToBot, startBot, stepBot } from './engine.js';
import { prepareBot } from './prepared-bot.js';

const bot = prepareBot(
  botBody([
    block(
      'name',
      'ask',
      { text: { ru: 'Как вас зовут?' }, input: 'text', variable: 'name', retries: 0 },
      {
        next: 'people',
        fallback: 'people',
      },
    ),
    block('people', 'hand-over', { line: 'support', summary: [] }, { next: 'bye' }),
    say('bye', 'До свидания, {{name}}!', 'end'),
    end(),
  ]),
  { key: 'b', version: 1 },
);
const clock = fixedClock(0);
const opened = stepBot(bot, startBot(bot), { type: 'dialogOpened' }, clock).state;

describe('handing a dialog back to the bot', () => {
  it('resumes the hand-over block the bot waits at, as operatorReturned does', () => {
    const handed = stepBot(bot, opened, { type: 'message', text: 'Анна' }, clock).state;
    expect(handed.status).toBe('handedOver');
    const back = returnToBot(bot, handed, 'people', clock);
    expect(back.effects).toContainEqual({ type: 'send', text: 'До свидания, Анна!' });
    expect(back.state.status).toBe('ended');
  });

  it('runs any other block afresh, even while the bot waits for the client', () => {
    const back = returnToBot(bot, opened, 'name', clock);
    expect(back.refused).toBeUndefined();
    expect(back.effects).toEqual([{ type: 'send', text: 'Как вас зовут?' }]);
    expect(back.state).toMatchObject({ status: 'waiting', block: 'name', turn: opened.turn + 1 });
  });

  it('refuses a block the version does not have, changing nothing', () => {
    const back = returnToBot(bot, opened, 'nowhere', clock);
    expect(back.refused).toMatch(/nowhere/);
    expect(back.state).toBe(opened);
  });
});

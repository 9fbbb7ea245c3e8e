import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BotBody } from '../definitions/bot/schema.js';
import { validateDefinitionBody } from '../definitions/index.js';
import { fixedClock } from '../engine.js';
import { startBot, stepBot } from './engine.js';
import type { BotEvent } from './events.js';
import { prepareBot } from './prepared-bot.js';
import type { StartOptions } from './session.js';

/**
 * Golden transcripts: each JSON in ./golden is a bot, the events a conversation fed it (with the time of each),
 * and the effects every step must answer. Replayed from a fresh session; the bot must publish cleanly. The
 * support-desk template's bots are named (`templateBot`) rather than copied, so a change to the template is
 * replayed against its transcript.
 */
interface Golden {
  description: string;
  start?: Partial<StartOptions>;
  bot?: BotBody;
  templateBot?: string;
  steps: { at: number; event: BotEvent; effects: unknown[]; refused?: string; status?: string }[];
}

const folder = join(fileURLToPath(new URL('.', import.meta.url)), 'golden');
const goldens = readdirSync(folder).filter((name) => name.endsWith('.json'));
const template = JSON.parse(
  readFileSync(new URL('../../../templates/support-desk/bundle.json', import.meta.url), 'utf8'),
) as { definitions: { kind: string; key: string; body: unknown }[] };

function botOf(golden: Golden): BotBody {
  if (golden.bot) return golden.bot;
  const found = template.definitions.find((d) => d.kind === 'bot' && d.key === golden.templateBot);
  if (!found) throw new Error(`the support-desk template has no bot ${golden.templateBot}`);
  return found.body as BotBody;
}

describe('golden bot transcripts', () => {
  it('has transcripts to replay', () => expect(goldens.length).toBeGreaterThanOrEqual(3));

  it.each(goldens)('%s replays to the recorded effects', (name) => {
    const golden = JSON.parse(readFileSync(join(folder, name), 'utf8')) as Golden;
    const body = botOf(golden);
    expect(validateDefinitionBody('bot', body)).toEqual([]);
    const bot = prepareBot(body, { key: golden.templateBot ?? name.replace(/\.json$/, ''), version: 1 });
    let session = startBot(bot, golden.start);
    golden.steps.forEach((step, i) => {
      const result = stepBot(bot, session, step.event, fixedClock(step.at));
      expect({ step: i, effects: result.effects, refused: result.refused }).toEqual({
        step: i,
        effects: step.effects,
        refused: step.refused,
      });
      if (step.status)
        expect({ step: i, status: result.state.status }).toEqual({ step: i, status: step.status });
      session = result.state;
    });
  });
});

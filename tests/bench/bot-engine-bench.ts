import { type BotEvent, type BotSession, prepareBot, startBot, stepBot } from '@opora/runtime/bots';
import type { BotBody, TreeBody } from '@opora/runtime/definitions';
import { fixedClock } from '@opora/runtime/engine';
import { prepareTree, startWalk, stepWalk } from '@opora/runtime/trees';
import { measureInterleaved, type Row } from './measure.js';

/** Blocks a conversation of {@link conversation} runs: 20 on opening, 1 question resumed + 20 + end on answer. */
const chainLength = 20;
const blocksPerConversation = chainLength + 1 + 1 + chainLength + 1;

/**
 * A bot that opens with a chain of messages, variables and conditions, asks a phone number, then runs another
 * chain and ends: the blocks a real support bot steps through, with templates and expressions on the way.
 */
function benchBot(): BotBody {
  const chain = (prefix: string, then: string) =>
    Array.from({ length: chainLength }, (_, i) => {
      const id = `${prefix}${i}`;
      const next = i + 1 < chainLength ? `${prefix}${i + 1}` : then;
      const kind = i % 3;
      if (kind === 0)
        return {
          id,
          type: 'message',
          typeVersion: 1,
          text: { ru: 'Шаг {{n}}, {{client.name}}' },
          exits: { next },
        };
      if (kind === 1)
        return {
          id,
          type: 'set-variable',
          typeVersion: 1,
          variable: 'n',
          value: { expression: 'n + 1' },
          exits: { next },
        };
      return {
        id,
        type: 'condition',
        typeVersion: 1,
        expression: 'n > 0',
        exits: { true: next, false: next },
      };
    });
  return {
    schemaVersion: 2,
    title: { ru: 'Бенчмарк' },
    variables: [{ name: 'n', initial: '0' }],
    triggers: [{ id: 'start', type: 'newDialog', next: 'a0' }],
    blocks: [
      ...chain('a', 'phone'),
      {
        id: 'phone',
        type: 'ask',
        typeVersion: 1,
        text: { ru: 'Ваш телефон?' },
        input: 'phone',
        variable: 'phone',
        retries: 1,
        exits: { next: 'b0', fallback: 'end' },
      },
      ...chain('b', 'end'),
      { id: 'end', type: 'end', typeVersion: 1, exits: {} },
    ],
  } as unknown as BotBody;
}

/** A question tree of the same depth as the bot's chain, for the baseline engine. */
function benchTree(): TreeBody {
  const nodes = Array.from({ length: chainLength }, (_, i) => ({
    id: `n${i}`,
    title: { ru: `Вопрос ${i}` },
    ...(i + 1 < chainLength
      ? { children: [`n${i + 1}`] }
      : { leaf: { type: 'answer', text: { ru: 'Ответ' } } }),
  }));
  return { schemaVersion: 2, title: { ru: 'Дерево' }, root: 'n0', nodes } as unknown as TreeBody;
}

/**
 * Bot engine throughput on one core (blocks stepped per second, goal ≥ 50,000/s) beside the question-tree walk
 * engine's steps per second in the same run: both pure step functions over prepared definitions.
 */
export async function botEngineBench(runs: number): Promise<Row[]> {
  const bot = prepareBot(benchBot(), { key: 'bench', version: 1 });
  const tree = prepareTree(benchTree());
  const clock = fixedClock(0);
  const opened: BotEvent = { type: 'dialogOpened' };
  const answer: BotEvent = { type: 'message', text: '+7 912 345-67-89' };
  const conversationsPerRun = 20;
  const conversation = async () => {
    for (let c = 0; c < conversationsPerRun; c++) {
      let session: BotSession = startBot(bot, { variables: { client: { name: 'Анна' } } });
      session = stepBot(bot, session, opened, clock).state;
      session = stepBot(bot, session, answer, clock).state;
      if (session.status !== 'ended')
        throw new Error(`the bench bot did not end: ${JSON.stringify(session)}`);
    }
  };
  const walk = async () => {
    for (let c = 0; c < conversationsPerRun; c++) {
      let state = startWalk();
      for (let i = 0; i < chainLength; i++)
        state = stepWalk(tree, state, { type: 'choose', node: `n${i}` }, clock).state;
      if (state.outcome !== 'answer') throw new Error('the bench tree walk did not reach its answer');
    }
  };
  const [bots, walks] = await measureInterleaved([conversation, walk], runs, { warmup: 20 });
  const blocksPerSec = bots.opsPerSec * conversationsPerRun * blocksPerConversation;
  const walkStepsPerSec = walks.opsPerSec * conversationsPerRun * chainLength;
  return [
    {
      benchmark: `bot engine: blocks stepped per second (${blocksPerConversation}-block conversations, goal ≥ 50,000/s)`,
      figure: `${Math.round(blocksPerSec).toLocaleString('en')} blocks/s`,
      baseline: `tree walk engine ${Math.round(walkStepsPerSec).toLocaleString('en')} steps/s`,
      ratio: `${(blocksPerSec / walkStepsPerSec).toFixed(2)}×`,
    },
  ];
}

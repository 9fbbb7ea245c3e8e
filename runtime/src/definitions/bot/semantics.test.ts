import { describe, expect, it } from 'vitest';
import { block, botBody, end, say } from '../../../test-fixtures/bot-kit.js';
import { migrateDefinitionBody } from '../migrations.js';
import { collectReferences } from '../references.js';
import { validateDefinitionBody } from '../validate-body.js';
import type { BotBody } from './schema.js';
import { botProblems } from './semantics.js';

const codes = (body: BotBody, key?: string) =>
  botProblems(body, 'ru', key).map((p) => `${p.code} ${p.pointer}`);
const ask = (id: string, variable: string, exits: Record<string, string>) =>
  block(id, 'ask', { text: { ru: '?' }, input: 'text', variable, retries: 0 }, exits);

describe('bot publish checks', () => {
  it('passes a sound bot, through the kind registry too', () => {
    const body = botBody([
      say('hi', 'Привет, {{client.name}}', 'q'),
      ask('q', 'x', { next: 'end', fallback: 'end' }),
      end(),
    ]);
    expect(botProblems(body, 'ru')).toEqual([]);
    expect(validateDefinitionBody('bot', body)).toEqual([]);
  });

  it('names dangling exits, exits to missing blocks and exits a block type does not have', () => {
    const body = botBody([
      block(
        'q',
        'ask',
        { text: { ru: '?' }, input: 'text', variable: 'x', retries: 0 },
        { next: 'ghost', true: 'end' },
      ),
      end(),
    ]);
    expect(codes(body)).toEqual([
      'dangling /blocks/0/exits',
      'reference /blocks/0/exits/next',
      'unknown_exit /blocks/0/exits/true',
    ]);
    const [dangling] = botProblems(body, 'ru');
    expect(dangling?.message).toContain('Вопрос (q)');
    expect(dangling?.message).toContain('fallback');
  });

  it('names repeated ids and triggers leading to missing blocks', () => {
    const body = botBody(
      [say('a', 'x', 'end'), say('a', 'y', 'end'), end()],
      [
        { id: 't', type: 'newDialog', next: 'a' },
        { id: 't', type: 'newDialog', next: 'nowhere' },
      ],
    );
    expect(codes(body)).toEqual([
      'duplicate /blocks/1/id',
      'duplicate /triggers/1/id',
      'reference /triggers/1/next',
    ]);
  });

  it('names blocks no trigger reaches', () => {
    expect(codes(botBody([say('a', 'x', 'end'), say('lost', 'y', 'end'), end()]))).toEqual([
      'unreachable /blocks/1',
    ]);
  });

  it('names a loop with no waiting block on it, and accepts one that waits', () => {
    const loop = botBody([
      say('a', 'x', 'b'),
      block('b', 'condition', { expression: 'true' }, { true: 'a', false: 'end' }),
      end(),
    ]);
    const problems = botProblems(loop, 'ru');
    expect(problems.map((p) => p.code)).toEqual(['loop_without_wait']);
    expect(problems[0]?.message).toContain('Сообщение (a)');
    expect(problems[0]?.message).toContain('Условие (b)');
    const waits = botBody([say('a', 'x', 'q'), ask('q', 'y', { next: 'a', fallback: 'end' }), end()]);
    expect(codes(waits)).toEqual([]);
    const selfLoop = botBody([
      block('s', 'set-variable', { variable: 'n', value: { template: '1' } }, { next: 's' }),
    ]);
    expect(codes(selfLoop)).toEqual(['loop_without_wait /blocks/0']);
  });

  it('names variables used before any block sets them', () => {
    const body = botBody([
      say('a', 'Ваш номер {{phone}}', 'q'),
      ask('q', 'phone', { next: 'b', fallback: 'end' }),
      say('b', 'Номер {{phone}}, {{client.name}}, {{lastMessage}}', 'end'),
      end(),
    ]);
    expect(codes(body)).toEqual(['variable_before_set /blocks/0/text/ru']);
    const declared = { ...body, variables: [{ name: 'phone' }] };
    expect(codes(declared)).toEqual([]);
  });

  it('counts the variables a jump trigger brings as set', () => {
    const body = botBody(
      [say('a', '{{phone}}', 'end'), end()],
      [{ id: 'j', type: 'jump', variables: ['phone'], next: 'a' }],
    );
    expect(codes(body)).toEqual([]);
  });

  it('names expressions with unknown functions or bad syntax', () => {
    const body = botBody(
      [
        block('c', 'condition', { expression: 'shout(x) > 1' }, { true: 'd', false: 'd' }),
        block('d', 'set-variable', { variable: 'y', value: { expression: '1 +' } }, { next: 'end' }),
        end(),
      ],
      undefined,
      { variables: [{ name: 'x' }] },
    );
    const problems = botProblems(body, 'ru');
    expect(problems.map((p) => `${p.code} ${p.pointer}`)).toEqual([
      'expression_unknown_function /blocks/0/expression',
      'expression_incomplete /blocks/1/value/expression',
    ]);
    expect(problems[0]?.message).toContain('Условие (c)');
  });

  it('names waits shorter than a second or longer than 30 days', () => {
    const wait = (seconds: number) => block('w', 'wait', { seconds, interruptible: true }, { next: 'end' });
    expect(codes(botBody([wait(0), end()]))).toEqual(['wait_bounds /blocks/0/seconds']);
    expect(codes(botBody([wait(31 * 86_400), end()]))).toEqual(['wait_bounds /blocks/0/seconds']);
    expect(codes(botBody([wait(30 * 86_400), end()]))).toEqual([]);
    const noReply = botBody([end()], [{ id: 'n', type: 'noReply', seconds: 0, next: 'end' }]);
    expect(codes(noReply)).toEqual(['wait_bounds /triggers/0/seconds']);
  });

  it('names patterns RE2 cannot compile, in triggers and in questions', () => {
    const body = botBody(
      [
        block(
          'q',
          'ask',
          { text: { ru: '?' }, input: 'text', variable: 'x', retries: 0, pattern: '(a)\\1' },
          { next: 'end', fallback: 'end' },
        ),
        end(),
      ],
      [
        { id: 'k', type: 'keyword', pattern: '(?=x)', next: 'q' },
        { id: 'k2', type: 'keyword', keywords: ['!!!'], next: 'q' },
      ],
    );
    expect(codes(body).sort()).toEqual([
      'keyword /triggers/1/keywords/0',
      'pattern /blocks/0/pattern',
      'pattern /triggers/0/pattern',
    ]);
  });

  it('names a bot that jumps to itself without waiting', () => {
    const jumpBack = botBody(
      [say('a', 'x', 'again'), block('again', 'go-to-bot', {})],
      [
        { id: 'start', type: 'newDialog', next: 'a' },
        { id: 'j', type: 'jump', next: 'a' },
      ],
    );
    expect(codes(jumpBack)).toEqual(['self_jump_without_wait /blocks/1']);
    const named = {
      ...jumpBack,
      blocks: [say('a', 'x', 'again'), block('again', 'go-to-bot', { bot: 'me' })],
    };
    expect(codes(named, 'me')).toEqual(['self_jump_without_wait /blocks/1']);
    expect(codes(named, 'other')).toEqual([]);
    const waits = botBody(
      [ask('q', 'x', { next: 'again', fallback: 'again' }), block('again', 'go-to-bot', {})],
      [{ id: 'j', type: 'jump', next: 'q' }],
    );
    expect(codes(waits)).toEqual([]);
    const noJumpTrigger = botBody([block('again', 'go-to-bot', {})]);
    expect(codes(noJumpTrigger)).toEqual(['self_jump_without_trigger /blocks/0']);
  });

  it('names unknown time zones and record-status triggers without a record type', () => {
    const body = botBody(
      [end()],
      [
        { id: 's', type: 'schedule', time: '09:00', timeZone: 'Mars/Olympus', next: 'end' },
        { id: 'e', type: 'event', source: 'recordStatus', next: 'end' },
      ],
      { timeZone: 'Nowhere/City' },
    );
    expect(codes(body).sort()).toEqual([
      'required /triggers/1',
      'time_zone /timeZone',
      'time_zone /triggers/0/timeZone',
    ]);
  });

  it('speaks English when asked', () => {
    const [problem] = botProblems(botBody([say('a', 'x', 'end'), say('lost', 'y', 'end'), end()]), 'en');
    expect(problem?.message).toBe('No trigger reaches block Message (lost)');
  });

  it('refuses what the schema refuses: unknown block types, a missing typeVersion, exits that are not names', () => {
    const body = botBody([end()]) as unknown as { blocks: unknown[] };
    body.blocks.push({ id: 'x', type: 'teleport', typeVersion: 1, exits: {} });
    expect(validateDefinitionBody('bot', body).length).toBeGreaterThan(0);
    const noVersion = botBody([{ id: 'e', type: 'end', exits: {} } as never]);
    expect(validateDefinitionBody('bot', noVersion).length).toBeGreaterThan(0);
    const badExit = botBody([say('a', 'x'), end()]);
    (badExit.blocks[0] as { exits: Record<string, string> }).exits = { 'next/x': 'end' };
    expect(validateDefinitionBody('bot', badExit).length).toBeGreaterThan(0);
  });

  it('lifts a placeholder v1 bot to an empty v2 bot that validates', () => {
    const v1 = {
      schemaVersion: 1,
      title: { ru: 'Старый' },
      triggers: [{ id: 't', on: { type: 'message' }, steps: [] }],
    };
    const lifted = migrateDefinitionBody('bot', v1);
    expect(lifted).toEqual({ schemaVersion: 2, title: { ru: 'Старый' }, triggers: [], blocks: [] });
    expect(validateDefinitionBody('bot', lifted)).toEqual([]);
  });
});

describe('bot references', () => {
  it('names the scripts, integrations, data types, processes and lines a bot needs published, not other bots', () => {
    const body = botBody(
      [
        block('s', 'script', { script: 'check', input: {} }, { next: 'i', error: 'i' }),
        block(
          'i',
          'integration',
          { integration: 'crm', operation: 'find', input: {} },
          { next: 'r', error: 'r' },
        ),
        block('r', 'record', { mode: 'create', entity: 'ticket', values: {} }, { next: 'p', error: 'p' }),
        block('p', 'process', { process: 'refund', variables: {} }, { next: 'h', error: 'h' }),
        block('h', 'hand-over', { line: 'support', summary: [] }, { next: 'g' }),
        block('g', 'go-to-bot', { bot: 'billing' }),
      ],
      [{ id: 'e', type: 'event', source: 'recordStatus', entity: 'ticket', next: 's' }],
    );
    expect(collectReferences('bot', body).map((r) => `${r.kind}:${r.key} ${r.pointer}`)).toEqual([
      'script:check /blocks/0/script',
      'integration:crm /blocks/1/integration',
      'entity:ticket /blocks/2/entity',
      'process:refund /blocks/3/process',
      'line:support /blocks/4/line',
      'entity:ticket /triggers/0/entity',
    ]);
  });
});

describe('bot option checks', () => {
  it('names repeated option ids of buttons', () => {
    const options = [
      { id: 'a', label: { ru: 'А' } },
      { id: 'a', label: { ru: 'Б' } },
    ];
    const body = botBody([
      block(
        'b',
        'buttons',
        { text: { ru: '?' }, options, retries: 0 },
        { 'option:a': 'end', fallback: 'end' },
      ),
      end(),
    ]);
    expect(codes(body)).toEqual(['duplicate /blocks/0/options/1/id']);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ProcessBody } from '../definitions/process/schema.js';
import { validateDefinitionBody } from '../definitions/validate-body.js';
import { fixedClock } from '../engine.js';
import { createInstance, stepProcess } from './engine.js';
import type { ProcessEvent } from './events.js';
import type { ProcessInstance } from './instance.js';
import { prepareProcess } from './prepared-process.js';

/**
 * Golden histories: each JSON in ./golden is a process, the events fed to one instance (with the time of each),
 * and what every step must answer — effects, refusal, status, where the tokens rest — and, at the end, the
 * instance's history (token, node, how it left; the first 40 entries and the count), its approval sheet and its
 * error. Replayed from a fresh instance; every process must publish cleanly.
 */
interface Golden {
  description: string;
  process: ProcessBody;
  steps: {
    at: number;
    event: ProcessEvent;
    effects: unknown[];
    refused?: string;
    status: string;
    tokens: string[];
  }[];
  history: string[];
  historyLength: number;
  decisions?: string[];
  error?: unknown;
}

const folder = join(fileURLToPath(new URL('.', import.meta.url)), 'golden');
const goldens = readdirSync(folder).filter((name) => name.endsWith('.json'));

const restingTokens = (instance: ProcessInstance) =>
  instance.tokens.map((t) => `${t.id}@${t.nodeId}${t.wait ? `:${t.wait.kind}` : ''}`);

describe('golden process histories', () => {
  it('has histories for every node type and gateway semantic', () => {
    const types = new Set(
      goldens.flatMap((name) =>
        (JSON.parse(readFileSync(join(folder, name), 'utf8')) as Golden).process.nodes.map((n) => n.type),
      ),
    );
    expect(types.size).toBe(14);
  });

  it.each(goldens)('%s replays to the recorded history', (name) => {
    const golden = JSON.parse(readFileSync(join(folder, name), 'utf8')) as Golden;
    expect(validateDefinitionBody('process', golden.process, 'en')).toEqual([]);
    const process = prepareProcess(golden.process, { key: name.replace(/\.json$/, ''), version: 1 });
    let instance = createInstance(process);
    golden.steps.forEach((step, i) => {
      const result = stepProcess(process, instance, step.event, fixedClock(step.at));
      expect({ step: i, effects: result.effects, refused: result.refused }).toEqual({
        step: i,
        effects: step.effects,
        refused: step.refused,
      });
      expect({ step: i, status: result.state.status, tokens: restingTokens(result.state) }).toEqual({
        step: i,
        status: step.status,
        tokens: step.tokens,
      });
      if (result.refused) expect(result.state).toBe(instance);
      instance = result.state;
    });
    expect(
      instance.history.slice(0, 40).map((h) => `${h.tokenId} ${h.nodeId} ${h.outcome ?? 'open'}`),
    ).toEqual(golden.history);
    expect(instance.history.length).toBe(golden.historyLength);
    if (golden.decisions)
      expect(
        instance.decisions.map(
          (d) => `${d.round}/${d.slot} ${d.actor} ${d.outcome}${d.hash ? ` #${d.hash}` : ''}`,
        ),
      ).toEqual(golden.decisions);
    expect(instance.error).toEqual(golden.error);
  });
});

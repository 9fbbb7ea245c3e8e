import { describe, expect, expectTypeOf, it } from 'vitest';
import { type Clock, type Engine, fixedClock, type Step, type StepResult } from './engine.js';

/** A toy engine: a reminder that asks the server to fire a timer and, when it fires, to send a message. */
interface ReminderDefinition {
  delayMs: number;
  text: string;
}
interface ReminderState {
  dueAt: number | null;
  sent: number;
}
type ReminderEvent = { type: 'arm' } | { type: 'fired' };
type ReminderEffect = { type: 'schedule-timer'; at: number } | { type: 'send-message'; text: string };

const reminder: Engine<ReminderDefinition, ReminderState, ReminderEvent, ReminderEffect> = {
  start: () => ({ dueAt: null, sent: 0 }),
  step(definition, state, event, clock) {
    if (event.type === 'arm') {
      const at = clock.now() + definition.delayMs;
      return { state: { ...state, dueAt: at }, effects: [{ type: 'schedule-timer', at }] };
    }
    if (state.dueAt === null || clock.now() < state.dueAt)
      return { state, effects: [], refused: 'no reminder is due' };
    return {
      state: { dueAt: null, sent: state.sent + 1 },
      effects: [{ type: 'send-message', text: definition.text }],
    };
  },
};

const definition: ReminderDefinition = { delayMs: 60_000, text: 'Вы ещё здесь?' };
const at = (iso: string): Clock => fixedClock(Date.parse(iso));

describe('the engine contract', () => {
  it('types a step as (definition, state, event, clock) → { state, effects }', () => {
    expectTypeOf(reminder.step).toEqualTypeOf<
      Step<ReminderDefinition, ReminderState, ReminderEvent, ReminderEffect>
    >();
    expectTypeOf(reminder.step).returns.toEqualTypeOf<StepResult<ReminderState, ReminderEffect>>();
  });

  it('lets an engine take the time only from the clock it is given, as effects the server carries out', () => {
    const armed = reminder.step(
      definition,
      reminder.start(definition, at('2025-01-01T10:00:00Z')),
      { type: 'arm' },
      at('2025-01-01T10:00:00Z'),
    );
    expect(armed.effects).toEqual([{ type: 'schedule-timer', at: Date.parse('2025-01-01T10:01:00Z') }]);
    expect(
      reminder.step(definition, armed.state, { type: 'fired' }, at('2025-01-01T10:00:30Z')).refused,
    ).toBe('no reminder is due');
    const fired = reminder.step(definition, armed.state, { type: 'fired' }, at('2025-01-01T10:01:00Z'));
    expect(fired).toEqual({
      state: { dueAt: null, sent: 1 },
      effects: [{ type: 'send-message', text: 'Вы ещё здесь?' }],
    });
  });

  it('gives the same answer to the same inputs, and effects survive JSON as they are', () => {
    const clock = at('2025-06-01T08:00:00Z');
    const once = reminder.step(definition, reminder.start(definition, clock), { type: 'arm' }, clock);
    const again = reminder.step(definition, reminder.start(definition, clock), { type: 'arm' }, clock);
    expect(again).toEqual(once);
    expect(JSON.parse(JSON.stringify(once))).toEqual(once);
  });

  it('has a fixed clock that answers one time however often it is asked', () => {
    const clock = fixedClock(1_700_000_000_000);
    expect([clock.now(), clock.now()]).toEqual([1_700_000_000_000, 1_700_000_000_000]);
  });
});

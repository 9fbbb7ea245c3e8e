/**
 * The contract every engine of the runtime follows (question trees today; bots and processes next).
 *
 * An engine is a **step function**: given the definition it runs, the state of one running instance (a walk, a
 * conversation, a process instance), one event and a clock, it answers the next state and the effects the event
 * caused. It reads nothing else and changes nothing: no database, no network, no timers, no wall clock, no
 * randomness. So the same four inputs always give the same answer, which makes an engine testable without a
 * server, replayable from its recorded events, and safe when several server processes run the same instance one
 * event at a time.
 *
 * @module
 */

/**
 * The time, as a port the caller provides: the server passes the wall clock, tests and replays a fixed one.
 *
 * The time is **epoch milliseconds** (a number), not a `Date`: a number is immutable (an engine cannot change the
 * caller's time by accident), compares and adds without allocations, and goes into a state or an effect as JSON
 * as it is. Where a calendar is needed, `new Date(clock.now())` gives one (the forms' `EvaluationClock` takes a
 * `Date` made that way). An engine reads the clock only when an event needs the time (a timer's due date, when
 * an answer was given), so a step that needs none never calls it.
 */
export interface Clock {
  /** Milliseconds since 1970-01-01T00:00:00Z. */
  now(): number;
}

/** A clock that always answers the same time: for tests, replays and previews. */
export const fixedClock = (epochMs: number): Clock => ({ now: () => epochMs });

/**
 * What one step answers.
 *
 * `effects` are **data, not actions**: each says what should happen outside the engine (record a visit, send a
 * message, schedule a timer, call an HTTP integration, notify a user), as a plain JSON object with a `type`. The
 * server carries them out after the step returns, in the same transaction as the new state when they are local
 * (a row to write), through its durable job queue when they are not (a message to send, a timer to fire). An
 * engine never performs an effect itself, so a replay of recorded events reproduces the effects without
 * repeating them.
 *
 * `refused` is set when the event makes no sense in this state (a choice that is not offered, an answer to a
 * question not asked); the state is then the one given and there are no effects. The caller decides what a
 * refusal means to its user (the server answers 422, the browser ignores the click).
 */
export interface StepResult<State, Effect> {
  state: State;
  effects: Effect[];
  refused?: string;
}

/**
 * The step function: `step(definition, state, event, clock) → { state, effects }`.
 *
 * `Definition` is the published definition as the engine reads it (an engine may ask for it prepared once per
 * published version, e.g. with an index of its nodes); `State` is what the server stores for one running instance;
 * `Event` what happened (a visitor's choice, a message, a timer firing); `Effect` what the engine asks the server
 * to do. All four are plain data, so a state can be stored and an event or effect queued as JSON.
 */
export type Step<Definition, State, Event, Effect> = (
  definition: Definition,
  state: State,
  event: Event,
  clock: Clock,
) => StepResult<State, Effect>;

/** An engine: where a new instance starts, and the step that moves it. */
export interface Engine<Definition, State, Event, Effect> {
  /** The state of an instance no event has reached yet. */
  start(definition: Definition, clock: Clock): State;
  step: Step<Definition, State, Event, Effect>;
}

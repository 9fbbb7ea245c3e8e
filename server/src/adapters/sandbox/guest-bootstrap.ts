/**
 * Evaluated in each fresh context before the author's code. It takes the host bridge off the global object
 * into a closure and builds the frozen `ctx`.
 *
 * Author code runs after this and may replace any global or prototype method (`Array.prototype.join`,
 * `JSON.stringify`, `Function.prototype.call`, getters on `Object.prototype`, `Promise.prototype.then`…). So
 * every intrinsic used here is captured first and called through the captured `Reflect.apply`; no array method
 * that consults `constructor`/`Symbol.species` is used; option and descriptor objects have no prototype; answers
 * are read only from own properties; the promise of a bridge call gets its own `constructor`, so `await` takes
 * the built-in path instead of a replaced `then`. Counters (log budget, SDK calls) live in this closure.
 *
 * None of this is what keeps the host safe: the host trusts nothing the guest sends and re-checks every limit on
 * what actually arrives (see host-bridge.ts). It keeps the SDK correct for a script that tampers with built-ins,
 * and stops floods here instead of queueing them on the bridge.
 */
export const guestBootstrap = `
'use strict';
(() => {
  const host = globalThis.__oporaHost;
  const inputJson = globalThis.__oporaInputJson;
  const settingsJson = globalThis.__oporaSettings;
  delete globalThis.__oporaHost;
  delete globalThis.__oporaInputJson;
  delete globalThis.__oporaSettings;

  const apply = Reflect.apply;
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const freeze = Object.freeze;
  const defineProperty = Object.defineProperty;
  const hasOwnProperty = Object.prototype.hasOwnProperty;
  const stringSlice = String.prototype.slice;
  const StringCtor = String;
  const ErrorCtor = Error;
  const PromiseCtor = Promise;
  const hostApply = host.apply;
  const hostApplyIgnored = host.applyIgnored;

  // Read once, now: nothing author code does to prototypes can change what the bootstrap was told.
  const { maxSdkCalls, maxPendingSdkCalls, maxLogBytes, messages } = parse(settingsJson);
  const { sdkCallLimit, sdkTooManyWaiting, noDefaultExport } = messages;
  const own = (object, key) => (apply(hasOwnProperty, object, [key]) ? object[key] : undefined);
  const callOptions = freeze({
    __proto__: null,
    arguments: freeze({ __proto__: null, copy: true }),
    result: freeze({ __proto__: null, promise: true, copy: true }),
  });
  const ignoredOptions = freeze({ __proto__: null, arguments: freeze({ __proto__: null, copy: true }) });
  const builtInPromise = freeze({ __proto__: null, value: PromiseCtor, writable: false, configurable: false });

  let sdkCallsLeft = maxSdkCalls;
  let sdkCallsPending = 0;
  const ask = async (op, args) => {
    try {
      const pending = apply(hostApply, host, [undefined, [op, stringify(args)], callOptions]);
      defineProperty(pending, 'constructor', builtInPromise);
      const answer = parse(await pending);
      if (apply(hasOwnProperty, answer, ['error'])) throw new ErrorCtor(StringCtor(answer.error));
      return own(answer, 'value');
    } finally {
      sdkCallsPending -= 1;
    }
  };
  // Past the per-run limit, or with as many calls unanswered as the host would queue, a call throws at once
  // instead of returning a rejected promise: a flood (a million calls in one Promise.all) stops at its first
  // refused call, never reaching the bridge.
  const call = (op, args) => {
    if (sdkCallsLeft <= 0) throw new ErrorCtor(sdkCallLimit);
    if (sdkCallsPending >= maxPendingSdkCalls) throw new ErrorCtor(sdkTooManyWaiting);
    sdkCallsLeft -= 1;
    sdkCallsPending += 1;
    const pending = ask(op, args);
    defineProperty(pending, 'constructor', builtInPromise);
    return pending;
  };
  const response = async (pending) => {
    const answer = await pending;
    const text = own(answer, 'text');
    const status = own(answer, 'status');
    return freeze({
      status,
      ok: status >= 200 && status < 300,
      headers: freeze(own(answer, 'headers')),
      text,
      json: () => parse(text),
    });
  };

  const format = (value) => {
    if (typeof value === 'string') return value;
    try {
      const text = stringify(value);
      if (typeof text === 'string') return text;
    } catch {}
    try { return StringCtor(value); } catch { return '[unprintable]'; }
  };
  // The budget is kept here in characters (at most the bytes the host counts), so a flood of log calls stops
  // at the source; the host measures the bytes it stores and enforces the same budget on its own.
  let logCharsLeft = maxLogBytes;
  let truncationSent = false;
  const toHost = (op, args) => apply(hostApplyIgnored, host, [undefined, [op, stringify(args)], ignoredOptions]);
  const logAt = (level) => (...values) => {
    if (logCharsLeft <= 0) {
      if (!truncationSent) { truncationSent = true; toHost('log.truncated', []); }
      return;
    }
    let message = '';
    for (let i = 0; i < values.length; i += 1) message += (i === 0 ? '' : ' ') + format(values[i]);
    if (message.length > logCharsLeft) message = apply(stringSlice, message, [0, logCharsLeft]);
    logCharsLeft -= message.length + 1;
    toHost('log', [level, message]);
  };

  const module = { exports: {} };
  globalThis.module = module;
  globalThis.exports = module.exports;
  const start = async () => {
    const ctx = freeze({
      input: parse(inputJson),
      log: freeze({ info: logAt('info'), warn: logAt('warn'), error: logAt('error') }),
      records: freeze({
        get: (entity, id) => call('records.get', [entity, id]),
        find: (entity, query) => call('records.find', [entity, query === undefined ? {} : query]),
        create: (entity, data) => call('records.create', [entity, data]),
        update: (entity, id, version, data) => call('records.update', [entity, id, version, data]),
        delete: (entity, id, version) => call('records.delete', [entity, id, version]),
      }),
      http: freeze({
        fetch: (integration, path, init) =>
          response(call('http.fetch', [integration, path, init === undefined ? {} : init])),
      }),
      secret: (name) => freeze({ $secret: StringCtor(name) }),
    });
    const exported = module.exports;
    const entry = exported && typeof exported.default === 'function' ? exported.default : exported;
    if (typeof entry !== 'function') throw new ErrorCtor(noDefaultExport);
    const result = await entry(ctx);
    const json = result === undefined ? undefined : stringify(result);
    return typeof json === 'string' ? json : 'null';
  };
  defineProperty(globalThis, '__oporaStart', { __proto__: null, value: start, writable: false, configurable: false });
})();
`;

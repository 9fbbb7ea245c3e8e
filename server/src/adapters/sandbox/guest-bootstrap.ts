/**
 * Evaluated in each fresh context before the author's code. It takes the host bridge off the global object
 * into a closure, captures the intrinsics it relies on (so a script that tampers with JSON or Promise cannot
 * subvert the bridge), and builds the frozen `ctx`. Nothing host-side is reachable from guest code: values
 * cross the bridge only as JSON strings.
 */
export const guestBootstrap = `
'use strict';
(() => {
  const host = globalThis.__oporaHost;
  const inputJson = globalThis.__oporaInputJson;
  const maxLogBytes = globalThis.__oporaMaxLogBytes;
  delete globalThis.__oporaHost;
  delete globalThis.__oporaInputJson;
  delete globalThis.__oporaMaxLogBytes;
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const freeze = Object.freeze;
  const ErrorCtor = Error;
  const applyOptions = { arguments: { copy: true }, result: { promise: true, copy: true } };
  const call = async (op, args) => {
    const answer = parse(await host.apply(undefined, [op, stringify(args)], applyOptions));
    if (answer.error) throw new ErrorCtor(answer.error);
    return answer.value;
  };
  const format = (value) => {
    if (typeof value === 'string') return value;
    try { return stringify(value); } catch { return String(value); }
  };
  // The log budget is also kept on this side so a flood of log calls stops here instead of queueing
  // thousands of bridge calls; the host still enforces the same budget on what arrives.
  const logBudget = { left: 0, truncationSent: false };
  const send = (op, args) => { void call(op, args).catch(() => {}); };
  const logAt = (level) => (...values) => {
    const message = values.map(format).join(' ');
    if (logBudget.left <= 0) {
      if (!logBudget.truncationSent) { logBudget.truncationSent = true; send('log.truncated', []); }
      return;
    }
    logBudget.left -= message.length + 1;
    send('log', [level, message]);
  };
  const module = { exports: {} };
  globalThis.module = module;
  globalThis.exports = module.exports;
  globalThis.__oporaStart = async () => {
    logBudget.left = maxLogBytes;
    const ctx = freeze({
      input: parse(inputJson),
      log: freeze({ info: logAt('info'), warn: logAt('warn'), error: logAt('error') }),
      records: freeze({
        get: (entity, id) => call('records.get', [entity, id]),
        find: (entity, query) => call('records.find', [entity, query ?? {}]),
        create: (entity, data) => call('records.create', [entity, data]),
        update: (entity, id, version, data) => call('records.update', [entity, id, version, data]),
        delete: (entity, id, version) => call('records.delete', [entity, id, version]),
      }),
      http: freeze({
        fetch: async (integration, path, init) => {
          const answer = await call('http.fetch', [integration, path, init ?? {}]);
          const text = answer.text;
          return freeze({
            status: answer.status,
            ok: answer.status >= 200 && answer.status < 300,
            headers: freeze(answer.headers),
            text,
            json: () => parse(text),
          });
        },
      }),
      secret: (name) => freeze({ $secret: String(name) }),
    });
    const entry = typeof module.exports.default === 'function' ? module.exports.default : module.exports;
    if (typeof entry !== 'function') throw new ErrorCtor('The script must export a default function: export default async function run(ctx) { … }');
    const result = await entry(ctx);
    return result === undefined ? 'null' : stringify(result);
  };
})();
`;

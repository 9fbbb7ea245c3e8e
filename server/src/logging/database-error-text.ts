/**
 * Database errors as they may be logged or stored: drivers inline a statement's parameters into the message
 * (`select … where id = '<session hash>' - column … does not exist`), so the values go and the rest stays.
 */

/** Postgres errors (pg, PGlite, MikroORM's exceptions over them) carry a severity and a five-character SQLSTATE. */
export function causedByDatabase(error: unknown): boolean {
  let current = error as { severity?: unknown; code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; current && typeof current === 'object' && depth < 8; depth++) {
    if (
      typeof current.severity === 'string' &&
      typeof current.code === 'string' &&
      /^[0-9A-Z]{5}$/.test(current.code)
    )
      return true;
    current = current.cause as typeof current;
  }
  return false;
}

// Fields that hold the statement's values as they are: nothing in them helps more than the scrubbed message.
const valueFields = new Set(['params', 'parameters', 'bindings', 'detail', 'internalQuery', 'where']);

/** A serialized error with every text scrubbed (message, stack, query, nested causes) and the raw values dropped. */
export function scrubbedError(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (!value || typeof value !== 'object' || depth > 4) return value;
  const target = value as Record<string, unknown>;
  for (const key of Object.keys(target)) {
    if (valueFields.has(key)) delete target[key];
    else target[key] = scrubbedError(target[key], depth + 1);
  }
  return target;
}

/**
 * Keeps the statement's shape and Postgres's reason, drops the values: inlined literals ('…'), the key values of a
 * constraint report (`Key (token_hash)=(…)`) and the rejected input of `invalid input syntax for type uuid: "…"`.
 */
export function scrubText(text: string): string {
  return text
    .replace(/'(?:[^']|'')*'/g, "'…'")
    .replace(/\)=\((?:[^()]|\([^()]*\))*\)/g, ')=(…)')
    .replace(/(: )"(?:[^"\\]|\\.)*"$/gm, '$1"…"');
}

/** An error's message as it may be stored or shown to staff (a job's last error): without a statement's values. */
export function safeErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return causedByDatabase(error) ? scrubText(message) : message;
}

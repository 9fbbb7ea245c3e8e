import { scriptSdkDeclarations } from '@opora/sdk/scripts';
import { describe, expect, it } from 'vitest';
import { typeCheckScript } from './type-check.js';

const check = (source: string) => typeCheckScript(source, scriptSdkDeclarations);

describe('script type check against the SDK declarations', () => {
  it('accepts a script that uses the whole SDK correctly', () => {
    expect(
      check(`export default async function run(ctx: ScriptContext<{ email: string }>) {
  const page = await ctx.records.find<{ email: string }>('client', { filter: ['email:eq:' + ctx.input.email] });
  const answer = await ctx.http.fetch('crm', '/clients', {
    headers: { Authorization: ['Bearer ', ctx.secret('crm_token')] },
    query: { email: ctx.input.email },
  });
  ctx.log.info('found', page.total, answer.json<{ id: string }>().id);
  return { status: answer.status, first: page.items[0]?.data.email ?? null };
}`),
    ).toEqual([]);
  });

  it("reports the compiler's errors at the author's line and column", () => {
    const problems = check(`export default async function run(ctx: ScriptContext) {
  const n: number = 'text';
  await ctx.records.fetch('request', '1');
}`);
    expect(problems).toEqual([
      expect.objectContaining({
        line: 2,
        column: 9,
        message: expect.stringContaining("'string' is not assignable"),
      }),
      expect.objectContaining({
        line: 3,
        column: 21,
        message: expect.stringContaining("'fetch' does not exist"),
      }),
    ]);
  });

  it('knows no Node, DOM or module imports', () => {
    const problems = check(`import fs from 'node:fs';
export default () => [process.env, document.title, fs];`);
    expect(problems.map((p) => p.line)).toEqual([1, 2, 2]);
  });
});

import type { CompileResult } from '@opora/runtime/scripts';
import { transform } from 'esbuild';

/**
 * TS → JS with esbuild (syntax only: type checking is a separate, slower step done at publish).
 * The author writes `export default async function run(ctx) { … }`; the output assigns it to `module.exports`.
 */
export async function compileScript(source: string, filename = 'script.ts'): Promise<CompileResult> {
  try {
    const result = await transform(source, {
      loader: 'ts',
      format: 'cjs',
      target: 'es2022',
      sourcemap: 'external',
      sourcefile: filename,
      logLevel: 'silent',
    });
    return { ok: true, script: { code: result.code, sourceMap: result.map } };
  } catch (error) {
    const errors =
      (error as { errors?: { text: string; location?: { line: number; column: number } | null }[] }).errors ??
      [];
    if (!errors.length) throw error;
    return {
      ok: false,
      problems: errors.map((e) => ({
        line: e.location?.line ?? 1,
        column: (e.location?.column ?? 0) + 1,
        message: e.text,
      })),
    };
  }
}

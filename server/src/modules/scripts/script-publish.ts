import type { ScriptBody } from '@opora/runtime/definitions';
import { ioSchemaError, typeDiagnosticText } from '@opora/runtime/scripts';
import type { ErrorDetail } from '@opora/sdk';
import { scriptSdkDeclarations } from '@opora/sdk/scripts';
import { compileScript } from '../../adapters/script-toolchain/compile.js';
import { syntaxErrorText } from '../../adapters/script-toolchain/syntax-text.js';
import { typeCheckScript } from '../../adapters/script-toolchain/type-check.js';
import type { Database } from '../../db/database.js';
import type { PublishExtension } from '../definitions/definition-service.js';

/** A problem in the author's TypeScript as an error detail: pointer to the source, message led by line:column. */
const sourceDetail = (p: { line: number; column: number; message: string }, code: string): ErrorDetail => ({
  pointer: '/source',
  message: `${p.line}:${p.column} ${p.message}`,
  code,
});

/**
 * Publishing a script: it must compile, type-check against the SDK declarations and declare usable input/output
 * schemas; the compiled JS and source map are stored with the version so runs never compile again.
 */
export function scriptPublishing(db: Database): PublishExtension {
  return {
    async check(body, locale) {
      const script = body as ScriptBody;
      const details: ErrorDetail[] = [];
      for (const key of ['inputSchema', 'outputSchema'] as const) {
        const error = ioSchemaError(script[key]);
        if (error) details.push({ pointer: `/${key}`, message: error, code: 'schema' });
      }
      const compiled = await compileScript(script.source);
      if (!compiled.ok)
        return [
          ...details,
          ...compiled.problems.map((p) =>
            sourceDetail({ ...p, message: syntaxErrorText(p.message, locale) }, 'compile'),
          ),
        ];
      return [
        ...details,
        ...typeCheckScript(script.source, scriptSdkDeclarations).map((p) =>
          sourceDetail({ ...p, message: typeDiagnosticText(p.code, p.message, locale) }, 'type'),
        ),
      ];
    },
    async published(tx, { definitionId, version, body }) {
      const compiled = await compileScript((body as ScriptBody).source);
      if (!compiled.ok) throw new Error('a script that passed its checks failed to compile');
      await db.query(
        'insert into script_build (definition_id, version, code, source_map) values (?, ?, ?, ?)',
        [definitionId, version, compiled.script.code, compiled.script.sourceMap],
        tx,
      );
    },
  };
}

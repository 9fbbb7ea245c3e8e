// Loaded on demand (dynamic import) so Monaco stays out of the designer's first bundle.
import { scriptSdkDeclarations } from '@opora/sdk/scripts';
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';

self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) =>
    label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker(),
};

const ts = monaco.typescript;
// The same rules the server's publish check applies (runtime/src/scripts/type-check.ts).
ts.typescriptDefaults.setCompilerOptions({
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.NodeJs,
  lib: ['es2022'],
  strict: true,
  noImplicitAny: false,
  isolatedModules: true,
  allowNonTsExtensions: true,
  types: [],
});
ts.typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
ts.typescriptDefaults.setEagerModelSync(true);
ts.typescriptDefaults.addExtraLib(scriptSdkDeclarations, 'file:///opora-sdk.d.ts');

export { monaco };

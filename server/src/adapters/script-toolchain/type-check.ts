import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SourceProblem } from '@opora/runtime/scripts';
import ts from 'typescript';

const scriptFile = '/script.ts';
const sdkFile = '/opora-sdk.d.ts';

/** Strict, except that an unannotated parameter is allowed: authors may write plain JavaScript. */
const options: ts.CompilerOptions = {
  strict: true,
  noImplicitAny: false,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force,
  isolatedModules: true,
  lib: ['lib.es2022.d.ts'],
  types: [],
};

/** Parsed library and SDK files are shared by every check: parsing them is most of a check's cost. */
const sharedFiles = new Map<string, ts.SourceFile>();
const libDirectory = path.dirname(ts.getDefaultLibFilePath(options));

function sharedFile(fileName: string, read: () => string | undefined): ts.SourceFile | undefined {
  const cached = sharedFiles.get(fileName);
  if (cached) return cached;
  const text = read();
  if (text === undefined) return undefined;
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
  sharedFiles.set(fileName, file);
  return file;
}

function readLib(fileName: string): string | undefined {
  try {
    return readFileSync(path.join(libDirectory, path.basename(fileName)), 'utf8');
  } catch {
    return undefined;
  }
}

/** A type-check problem with TypeScript's diagnostic code (2322…), which the author's message names. */
export interface TypeProblem extends SourceProblem {
  code: number;
}

/**
 * Type-checks a script against the SDK declarations the way the designer's editor does; problems carry
 * 1-based line:column in the author's source. Only the script and the SDK exist: importing anything fails.
 */
export function typeCheckScript(source: string, sdkDeclarations: string): TypeProblem[] {
  const script = ts.createSourceFile(scriptFile, source, ts.ScriptTarget.ES2022, true);
  const host: ts.CompilerHost = {
    getSourceFile: (fileName) => {
      if (fileName === scriptFile) return script;
      if (fileName === sdkFile) return sharedFile(`sdk:${sdkDeclarations}`, () => sdkDeclarations);
      return sharedFile(fileName, () => readLib(fileName));
    },
    getDefaultLibFileName: (o) => path.join(libDirectory, ts.getDefaultLibFileName(o)),
    getDefaultLibLocation: () => libDirectory,
    writeFile: () => {},
    getCurrentDirectory: () => '/',
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (f) => f === scriptFile || f === sdkFile || readLib(f) !== undefined,
    readFile: (f) => (f === scriptFile ? source : f === sdkFile ? sdkDeclarations : readLib(f)),
  };
  const program = ts.createProgram([scriptFile, sdkFile], options, host);
  const diagnostics = [...program.getSyntacticDiagnostics(script), ...program.getSemanticDiagnostics(script)];
  return diagnostics.map((d) => {
    const start = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    return {
      line: (start?.line ?? 0) + 1,
      column: (start?.character ?? 0) + 1,
      code: d.code,
      message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    };
  });
}

/** A script ready to run: plain JS (CommonJS shape) plus the source map back to the author's TypeScript. */
export interface CompiledScript {
  code: string;
  sourceMap: string;
}

/** A problem in the author's TypeScript, at its 1-based line and column. */
export interface SourceProblem {
  line: number;
  column: number;
  message: string;
}

export type CompileResult = { ok: true; script: CompiledScript } | { ok: false; problems: SourceProblem[] };

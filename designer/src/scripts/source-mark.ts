import type { SourceMark } from './ScriptCodeEditor';

/** "3:14 message" as the server reports a problem in the source. */
export function sourceMark(message: string): SourceMark | null {
  const match = /^(\d+):(\d+) (.*)$/s.exec(message);
  return match ? { line: Number(match[1]), column: Number(match[2]), message: match[3] as string } : null;
}

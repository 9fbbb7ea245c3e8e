import type { ErrorDetail } from '@opora/sdk';

/** Something wrong with one line of the synonyms text (1-based line numbers, as the editor shows them). */
export type SynonymProblem =
  | { line: number; code: 'single' }
  | { line: number; code: 'repeated'; term: string; otherLine: number }
  | { line: number; code: 'server'; message: string };

export interface ParsedSynonyms {
  groups: string[][];
  /** The line each group came from, to put the server's complaints about `/groups/<i>` on the right line. */
  lines: number[];
  problems: SynonymProblem[];
}

/** One term as the search compares it: lower case, single spaces. */
const normalize = (term: string): string => term.trim().replace(/\s+/g, ' ').toLocaleLowerCase('ru');

/**
 * «пароль, password, код доступа» per line → groups of terms. Empty lines are skipped; a line needs two
 * different terms, and a term may belong to one group only (otherwise the search could not tell which).
 */
export function parseSynonyms(text: string): ParsedSynonyms {
  const groups: string[][] = [];
  const lines: number[] = [];
  const problems: SynonymProblem[] = [];
  const seen = new Map<string, number>();
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = index + 1;
    const terms = [...new Set(raw.split(/[,;]/).map(normalize).filter(Boolean))];
    if (!terms.length) continue;
    if (terms.length < 2) problems.push({ line, code: 'single' });
    for (const term of terms) {
      const otherLine = seen.get(term);
      if (otherLine !== undefined) problems.push({ line, code: 'repeated', term, otherLine });
      else seen.set(term, line);
    }
    groups.push(terms);
    lines.push(line);
  }
  return { groups, lines, problems };
}

/** The stored groups as the editor shows them, one per line. */
export function formatSynonyms(groups: readonly { terms: readonly string[] }[]): string {
  return groups.map((g) => g.terms.join(', ')).join('\n');
}

/**
 * The server's validation errors (`/groups/3`, `/groups/3/1`) on the lines they concern; errors about the
 * whole list come back with line 0.
 */
export function serverSynonymProblems(
  details: readonly ErrorDetail[],
  lines: readonly number[],
): SynonymProblem[] {
  return details.map((d) => {
    const m = /^\/groups\/(\d+)/.exec(d.pointer);
    const line = m ? (lines[Number(m[1])] ?? 0) : 0;
    return { line, code: 'server', message: d.message };
  });
}

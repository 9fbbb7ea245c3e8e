import { type ProcessBody, validateDefinitionBody } from '@opora/runtime/definitions';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorProblem } from '../state/use-definition-draft';
import { type ProcessProblem, problemsByTarget, targetOfPointer } from './node-problems';

/** How long editing may pause before the check runs: a large process is checked once per pause, not per key. */
const checkDelay = 250;

/**
 * The live check — the schema, then the runtime's `processProblems` (no start, dead ends, unreachable nodes, a
 * parallel split joined exclusively, a timer with no duration …) — run on the draft a moment after each change,
 * plus the server's problems from the last publish.
 */
export function useProcessProblems(body: ProcessBody, server: readonly EditorProblem[]) {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ru';
  const [local, setLocal] = useState<ProcessProblem[]>(() => checkProcess(body, locale));
  useEffect(() => {
    const timer = setTimeout(() => setLocal(checkProcess(body, locale)), checkDelay);
    return () => clearTimeout(timer);
  }, [body, locale]);
  const serverKey = JSON.stringify(server.filter((p) => p.source === 'server'));
  const all = useMemo(() => {
    const fromServer = (JSON.parse(serverKey) as EditorProblem[]).map(
      (p): ProcessProblem => ({
        pointer: p.pointer ?? '',
        message: p.message,
        target: p.pointer ? targetOfPointer(body, p.pointer) : null,
        source: 'server',
      }),
    );
    return [...local, ...fromServer.filter((s) => !local.some((l) => l.message === s.message))];
  }, [local, serverKey, body]);
  const byTarget = useMemo(() => problemsByTarget(all), [all]);
  return { all, byTarget };
}

/** The schema first and, once it passes, the kind's own check, as the server runs it at publish. */
export function checkProcess(body: ProcessBody, locale: 'ru' | 'en'): ProcessProblem[] {
  return validateDefinitionBody('process', body, locale)
    .slice(0, 200)
    .map((p) => ({
      pointer: p.pointer,
      message: p.message,
      target: targetOfPointer(body, p.pointer),
      source: 'local',
    }));
}

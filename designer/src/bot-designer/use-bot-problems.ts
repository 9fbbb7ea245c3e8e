import { type BotBody, validateDefinitionBody } from '@opora/runtime/definitions';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorProblem } from '../state/use-definition-draft';
import { type BotProblem, nodeOfPointer, problemsByNode } from './node-problems';

/** How long typing may pause before the check runs: a 1000-block bot is checked once per pause, not per key. */
const checkDelay = 250;

/**
 * The live check — the schema, then `botProblems` (dangling exits, unreachable blocks, loops, variables read
 * before set …) — run on the body a moment after each change, plus the server's problems from the last publish.
 */
export function useBotProblems(body: BotBody, server: readonly EditorProblem[]) {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ru';
  const [local, setLocal] = useState<BotProblem[]>(() => check(body, locale));
  useEffect(() => {
    const timer = setTimeout(() => setLocal(check(body, locale)), checkDelay);
    return () => clearTimeout(timer);
  }, [body, locale]);
  const serverKey = JSON.stringify(server.filter((p) => p.source === 'server'));
  const all = useMemo(() => {
    const fromServer = (JSON.parse(serverKey) as EditorProblem[]).map(
      (p): BotProblem => ({
        pointer: p.pointer ?? '',
        message: p.message,
        node: p.pointer ? nodeOfPointer(body, p.pointer) : null,
        source: 'server',
      }),
    );
    return [...local, ...fromServer.filter((s) => !local.some((l) => l.message === s.message))];
  }, [local, serverKey, body]);
  const byNode = useMemo(() => problemsByNode(all), [all]);
  return { all, byNode };
}

function check(body: BotBody, locale: 'ru' | 'en'): BotProblem[] {
  // The schema first and, once it passes, botProblems (the kind's own check, as the server runs it at publish).
  return validateDefinitionBody('bot', body, locale)
    .slice(0, 200)
    .map((p) => ({
      pointer: p.pointer,
      message: p.message,
      node: nodeOfPointer(body, p.pointer),
      source: 'local',
    }));
}

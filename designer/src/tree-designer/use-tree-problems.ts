import { type TreeBody, validateDefinitionBody } from '@opora/runtime/definitions';
import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorProblem } from '../state/use-definition-draft';
import { type NodeProblem, nodeProblems, problemsByNode } from './node-problems';
import type { TreeStore } from './tree-store';

/** The live check of the tree plus the server's problems from the last save or publish, tied to nodes. */
export function useTreeProblems(store: TreeStore, tree: TreeBody, problems: readonly EditorProblem[]) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ru';
  // The server's problems point into the body it was sent; remember that body to tell which still stand.
  const serverKey = JSON.stringify(problems.filter((p) => p.source === 'server'));
  const judged = useRef({ serverKey, body: tree });
  if (judged.current.serverKey !== serverKey) judged.current = { serverKey, body: store.get().body };
  const all = useMemo(() => {
    const local = validateDefinitionBody('tree', tree, locale);
    const server = JSON.parse(serverKey) as EditorProblem[];
    return nodeProblems(tree, local, server, judged.current.body);
  }, [tree, locale, serverKey]);
  const byNode = useMemo(() => problemsByNode(all), [all]);
  /** Plain words for schema problems the designer recognises; the checker's own message otherwise. */
  const problemText = useCallback(
    (p: NodeProblem) =>
      p.hint && p.source === 'local' ? t(`treeDesigner.problems.hint.${p.hint}`) : p.message,
    [t],
  );
  return { all, byNode, problemText };
}

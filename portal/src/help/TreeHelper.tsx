import { currentNode, type WalkEvent } from '@opora/runtime/trees';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchBox } from '../kb/SearchBox';
import { useDocumentTitle } from '../kb/use-document-title';
import { localText } from '../lib/local-text';
import { navigate, usePath } from '../lib/router';
import { useStore } from '../lib/store';
import { HelperStep } from './HelperStep';
import { helpPath, parseHelpPath, samePath, stepFromQuery, withStep } from './help-paths';
import { treeWalk } from './walk-store';
import './help.css';
import './i18n';
import '../kb/i18n';

/**
 * The interactive helper: walks a published question tree one question at a time. Each step has its own address
 * (`/help/<tree>/<id>/…`, or `?step=` on the page embedding it), so a step can be shared and reopened.
 */
export function TreeHelper({ treeKey, embedded = false }: { treeKey: string; embedded?: boolean }) {
  const { t, i18n } = useTranslation();
  const address = usePath();
  const walk = treeWalk(treeKey);
  const state = useStore(walk.store);
  const heading = useRef<HTMLHeadingElement>(null);
  const urlPath = embedded ? stepFromQuery(address) : (parseHelpPath(address)?.path ?? []);
  const urlKey = urlPath.join('/');
  const href = (path: readonly string[]) => (embedded ? withStep(address, path) : helpPath(treeKey, path));

  const ready = state.status === 'ready' ? state : null;
  const here = ready ? currentNode(ready.tree, ready.nodes, ready.walk) : null;
  useDocumentTitle(
    embedded || !ready || !here
      ? null
      : [
          here.id === ready.tree.root ? null : localText(here.title, i18n.language),
          localText(ready.tree.title, i18n.language),
        ]
          .filter(Boolean)
          .join(' — '),
  );

  useEffect(() => {
    walk.load();
  }, [walk]);
  // The address leads: on first open, a shared link, or the browser's back and forward buttons.
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the address (urlKey), once the tree is there
  useEffect(() => {
    if (state.status !== 'ready') return;
    const shown = walk.follow(urlPath);
    if (shown && !samePath(shown, urlPath)) navigate(href(shown), true);
  }, [state.status, urlKey, walk]);
  // After a move the focus goes to the new question, so keyboard and screen-reader users carry on from there.
  const moves = state.status === 'ready' ? state.moves : 0;
  useEffect(() => {
    if (moves > 0) heading.current?.focus({ preventScroll: embedded });
  }, [moves, embedded]);

  if (state.status === 'loading')
    return (
      <div className="helper loading" aria-busy="true">
        <p className="muted">{t('help.loading')}</p>
      </div>
    );
  if (state.status === 'not-found' || state.status === 'failed')
    return (
      <div className="helper" data-testid="tree-helper">
        <div className="empty">
          {embedded ? (
            <h2>{state.status === 'not-found' ? t('help.notFound') : t('help.failed')}</h2>
          ) : (
            <h1>{state.status === 'not-found' ? t('help.notFound') : t('help.failed')}</h1>
          )}
          {state.status === 'not-found' ? (
            <p>{t('help.notFoundText')}</p>
          ) : (
            <button type="button" className="btn" onClick={walk.load}>
              {t('help.retry')}
            </button>
          )}
          <SearchBox />
        </div>
      </div>
    );

  const move = (event: WalkEvent) => {
    const path = walk.move(event);
    if (path && !samePath(path, urlPath)) navigate(href(path));
  };
  const node = here ?? currentNode(state.tree, state.nodes, state.walk);
  return (
    <div className={embedded ? 'helper embedded' : 'helper'} data-testid="tree-helper" data-node={node.id}>
      {!embedded && <p className="helper-tree-title">{localText(state.tree.title, i18n.language)}</p>}
      <HelperStep
        tree={state.tree}
        nodes={state.nodes}
        articles={state.articles}
        node={node}
        path={state.walk.path}
        headingRef={heading}
        href={href}
        onMove={move}
        embedded={embedded}
      />
    </div>
  );
}

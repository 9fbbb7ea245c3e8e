import type { TreeBody } from '@opora/runtime/definitions';
import type { Clock } from '@opora/runtime/engine';
import {
  indexNodes,
  type NodeIndex,
  startWalk,
  stepWalk,
  validPrefix,
  type WalkEvent,
  type WalkState,
} from '@opora/runtime/trees';
import { ApiError, type PublishedTree } from '@opora/sdk';
import { client } from '../lib/api';
import { createStore, type Store } from '../lib/store';

/** The walk reads no time today; the engine contract hands every step a clock all the same. */
const browserClock: Clock = { now: () => Date.now() };

export type HelperState =
  | { status: 'loading' }
  | { status: 'not-found' }
  | { status: 'failed'; error: unknown }
  | {
      status: 'ready';
      tree: TreeBody;
      nodes: NodeIndex;
      articles: PublishedTree['articles'];
      walk: WalkState;
      /** Bumps on each move the visitor made, so the view can move the focus to the new question. */
      moves: number;
    };

export interface TreeWalk {
  store: Store<HelperState>;
  load(): void;
  /** Follows the address (first open, a shared link, the browser's back button); returns the path actually shown. */
  follow(path: readonly string[]): string[] | null;
  /** A move the visitor made; returns the new path, or null when the move is not possible here. */
  move(event: WalkEvent): string[] | null;
}

/**
 * One visitor's walk through one published tree. Moves happen at once in the browser with the shared engine; the
 * same events go to the server in order, as the record for analytics. Recording never blocks or fails the visitor.
 */
export function createTreeWalk(treeKey: string): TreeWalk {
  const store = createStore<HelperState>({ status: 'loading' });
  let walkId: string | null = null;
  let started = false;
  let queue: Promise<void> = Promise.resolve();

  const record = (event: WalkEvent, pathAfter: string[]) => {
    queue = queue.then(async () => {
      if (!walkId) {
        // No walk on the server yet (its start failed or it expired): start one where the visitor is now, which
        // records the same visits; only a rating still needs its own event.
        try {
          walkId = (await client.portal.startWalk(treeKey, pathAfter)).id;
        } catch {
          return;
        }
        if (event.type !== 'rate') return;
      }
      try {
        await client.portal.walkEvent(walkId, event);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) walkId = null;
      }
    });
  };

  const apply = (event: WalkEvent, byVisitor: boolean): string[] | null => {
    const state = store.get();
    if (state.status !== 'ready') return null;
    const step = stepWalk({ body: state.tree, nodes: state.nodes }, state.walk, event, browserClock);
    if (step.refused) return null;
    store.set({ ...state, walk: step.state, moves: state.moves + (byVisitor ? 1 : 0) });
    record(event, step.state.path);
    return step.state.path;
  };

  return {
    store,
    load() {
      const now = store.get();
      if (now.status === 'ready') return;
      store.set({ status: 'loading' });
      client.portal.tree(treeKey).then(
        (published) => {
          const tree = published.body as TreeBody;
          store.set({
            status: 'ready',
            tree,
            nodes: indexNodes(tree),
            articles: published.articles ?? {},
            walk: startWalk(),
            moves: 0,
          });
        },
        (error: unknown) =>
          store.set(
            error instanceof ApiError && error.status === 404
              ? { status: 'not-found' }
              : { status: 'failed', error },
          ),
      );
    },
    follow(path) {
      const state = store.get();
      if (state.status !== 'ready') return null;
      if (!started) {
        started = true;
        const valid = validPrefix(state.tree, state.nodes, path);
        const step = stepWalk(
          { body: state.tree, nodes: state.nodes },
          state.walk,
          { type: 'goto', path: valid },
          browserClock,
        );
        store.set({ ...state, walk: step.state });
        // The server takes the longest valid beginning of the shared path too, and records the visits on it.
        queue = queue.then(() =>
          client.portal.startWalk(treeKey, valid).then(
            (walk) => {
              walkId = walk.id;
            },
            () => undefined,
          ),
        );
        return step.state.path;
      }
      const current = state.walk.path;
      if (current.length === path.length && current.every((id, i) => id === path[i])) return current;
      return apply({ type: 'goto', path: [...path] }, false);
    },
    move: (event) => apply(event, true),
  };
}

const walks = new Map<string, TreeWalk>();

/** The walk of a tree for this visit: kept while the visitor moves between the steps' addresses. */
export function treeWalk(treeKey: string): TreeWalk {
  let walk = walks.get(treeKey);
  if (!walk) {
    walk = createTreeWalk(treeKey);
    walks.set(treeKey, walk);
  }
  return walk;
}

import { randomUUID } from 'node:crypto';
import type { TreeBody } from '@opora/runtime/definitions';
import type { Clock } from '@opora/runtime/engine';
import {
  prepareTree,
  stepWalk,
  type WalkEvent,
  type WalkState,
  type WalkStep,
  type WalkTree,
} from '@opora/runtime/trees';
import type { PublishedTree, TreeStats, Walk } from '@opora/sdk';
import type { Database } from '../../db/database.js';
import { fromPgArray, toPgArray } from '../../db/pg-array.js';
import { fail } from '../../http/app-error.js';
import type { Actor } from '../auth/actor.js';
import { audienceParam } from '../kb/kb-access.js';

interface PinnedTree extends WalkTree {
  key: string;
  version: number;
}

interface WalkRow {
  id: string;
  tree: string;
  version: number;
  path: unknown;
  visited: unknown;
  outcome: WalkState['outcome'];
  outcome_node: string | null;
}

/** A walk with no outcome and no move for this long counts as abandoned. */
const abandonAfter = "interval '30 minutes'";

/**
 * The portal's question-tree helper on the server: serves published trees and records every walk (the path,
 * the nodes seen, the outcome) by running the same pure step function the browser runs. A walk stays on the
 * tree version it started on.
 */
export class TreeWalks {
  private readonly pinned = new Map<string, PinnedTree>();

  constructor(
    private readonly db: Database,
    // A walk reads no time today; the engine contract hands every step a clock all the same.
    private readonly clock: Clock,
  ) {}

  async published(key: string, actor: Actor | null): Promise<PublishedTree> {
    const tree = await this.latest(key);
    const keys = tree.body.nodes.flatMap((n) => (n.leaf?.type === 'article' ? [n.leaf.article] : []));
    const articles = keys.length
      ? await this.db.query<{ key: string; title: string; summary: string }>(
          `select key, title, summary from kb_article
           where key = any(?::text[]) and state = 'published' and audience = any(?::text[])`,
          [toPgArray(keys), audienceParam(actor)],
        )
      : [];
    return {
      key,
      version: tree.version,
      body: tree.body,
      articles: Object.fromEntries(articles.map((a) => [a.key, { title: a.title, summary: a.summary }])),
    };
  }

  async start(key: string, path: string[]): Promise<Walk> {
    const tree = await this.latest(key);
    const id = randomUUID();
    await this.db.query('insert into tree_walk (id, tree, version) values (?, ?, ?)', [
      id,
      key,
      tree.version,
    ]);
    return this.apply(
      tree,
      { id, state: { path: [], outcome: null, outcomeNode: null }, visited: [] },
      { type: 'goto', path },
    );
  }

  async event(walkId: string, event: WalkEvent): Promise<Walk> {
    const [row] = await this.db.query<WalkRow>('select * from tree_walk where id = ?', [walkId]);
    if (!row) throw fail.notFound(`walk ${walkId}`);
    const tree = await this.version(row.tree, row.version);
    const state: WalkState = {
      path: fromPgArray(row.path),
      outcome: row.outcome,
      outcomeNode: row.outcome_node,
    };
    return this.apply(tree, { id: row.id, state, visited: fromPgArray(row.visited) }, event);
  }

  async stats(key: string): Promise<TreeStats> {
    const [totals] = await this.db.query<{ walks: string | number; abandoned: string | number }>(
      `select count(*) as walks, count(*) filter (where outcome is null and updated_at < now() - ${abandonAfter}) as abandoned
       from tree_walk where tree = ?`,
      [key],
    );
    const visits = await this.db.query<{ node: string; n: string | number }>(
      'select node, count(*) as n from tree_walk, unnest(visited) as node where tree = ? group by node',
      [key],
    );
    const outcomes = await this.db.query<{ node: string; outcome: string; n: string | number }>(
      `select outcome_node as node, outcome, count(*) as n from tree_walk where tree = ? and outcome is not null
       group by outcome_node, outcome`,
      [key],
    );
    const stopped = await this.db.query<{ node: string | null; n: string | number }>(
      `select path[array_length(path, 1)] as node, count(*) as n from tree_walk
       where tree = ? and outcome is null and updated_at < now() - ${abandonAfter} group by 1`,
      [key],
    );
    const nodes: TreeStats['nodes'] = {};
    const at = (node: string) => (nodes[node] ??= { visits: 0, abandoned: 0, outcomes: {} });
    for (const v of visits) at(v.node).visits = Number(v.n);
    for (const o of outcomes)
      at(o.node).outcomes[o.outcome as keyof TreeStats['nodes'][string]['outcomes']] = Number(o.n);
    for (const s of stopped) if (s.node) at(s.node).abandoned = Number(s.n);
    return { walks: Number(totals?.walks ?? 0), abandoned: Number(totals?.abandoned ?? 0), nodes };
  }

  private async apply(
    tree: PinnedTree,
    walk: { id: string; state: WalkState; visited: string[] },
    event: WalkEvent,
  ): Promise<Walk> {
    const step: WalkStep = stepWalk(tree, walk.state, event, this.clock);
    if (step.refused) throw fail.validation([{ pointer: '/type', message: step.refused, code: 'walk' }]);
    const visited = new Set(walk.visited);
    let channel: string | null = null;
    for (const effect of step.effects) {
      if (effect.type === 'visited') visited.add(effect.node);
      else channel = effect.channel ?? null;
    }
    await this.db.query(
      `update tree_walk set path = ?::text[], visited = ?::text[], outcome = ?, outcome_node = ?,
         channel = coalesce(?, channel), updated_at = now() where id = ?`,
      [
        toPgArray(step.state.path),
        toPgArray([...visited]),
        step.state.outcome,
        step.state.outcomeNode,
        channel,
        walk.id,
      ],
    );
    return {
      id: walk.id,
      tree: tree.key,
      version: tree.version,
      path: step.state.path,
      outcome: step.state.outcome,
    };
  }

  /** The tree the portal offers now: the latest published version of a definition that is not archived. */
  private async latest(key: string): Promise<PinnedTree> {
    const [row] = await this.db.query<{ version: number }>(
      `select d.latest_version as version from definition d
       where d.kind = 'tree' and d.key = ? and d.status <> 'archived' and d.latest_version is not null`,
      [key],
    );
    if (!row) throw fail.notFound(`tree ${key}`);
    return this.version(key, row.version);
  }

  /** Published versions never change, so each is read and indexed once per process. */
  private async version(key: string, version: number): Promise<PinnedTree> {
    const id = `${key}@${version}`;
    const cached = this.pinned.get(id);
    if (cached) return cached;
    const [row] = await this.db.query<{ body: unknown }>(
      `select v.body from definition d join definition_version v on v.definition_id = d.id
       where d.kind = 'tree' and d.key = ? and v.version = ?`,
      [key, version],
    );
    if (!row) throw fail.notFound(`tree ${key} v${version}`);
    const body = (typeof row.body === 'string' ? JSON.parse(row.body) : row.body) as TreeBody;
    const tree = { key, version, ...prepareTree(body) };
    this.pinned.set(id, tree);
    return tree;
  }
}

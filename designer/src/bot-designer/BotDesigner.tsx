import type { BlockType, BotBlock } from '@opora/runtime/bots';
import { type BotBody, type BotTrigger, blockTypeNames } from '@opora/runtime/definitions';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UndoRedoButtons } from '../components/UndoRedoButtons';
import { sameJson } from '../state/same-json';
import type { EditorProblem } from '../state/use-definition-draft';
import './i18n';
import { BlockProperties } from './BlockProperties';
import { BotCanvas, type BotLink } from './BotCanvas';
import { BotProperties } from './BotProperties';
import { blockSummary, exitLabel, exitsOf, exitTarget } from './block-exits';
import { blockStatsFor } from './block-stats';
import { blockHeight, botCard, fitBot, layoutBot } from './bot-layout';
import {
  addBlock,
  addTrigger,
  connect,
  connectTrigger,
  findBlock,
  findTrigger,
  placeBlocks,
  removeBlock,
  removeTrigger,
  renameBlock,
  replaceBlock,
  replaceTrigger,
  triggerIdOf,
  triggerNodeId,
} from './bot-ops';
import { createBotStore, useBotStore } from './bot-store';
import './bot-designer.css';
import type { BotFlowNode } from './card-data';
import { newBlock, newTrigger, type TriggerType } from './new-nodes';
import { Palette } from './Palette';
import { ProblemsPanel } from './ProblemsPanel';
import { StatsStatus } from './StatsStatus';
import { TestChat } from './TestChat';
import { TriggerProperties } from './TriggerProperties';
import { useBotProblems } from './use-bot-problems';
import { useBotStats } from './use-bot-stats';

export interface BotDesignerProps {
  body: BotBody;
  onChange: (body: BotBody) => void;
  /** The page's problems; the designer shows the server's (from the last publish) beside its own live check. */
  problems: EditorProblem[];
  /** The bot's key and latest published version: statistics of live dialogs are offered once it has one. */
  definitionKey?: string;
  publishedVersion?: number | null;
}

/**
 * The bot designer: triggers and blocks on a canvas, connected exit by exit; a palette to add them; the selected
 * one's panel; the live check naming blocks; and a test chat running the draft on the real engine. The body is
 * the draft's JSON, so saving, publishing and the JSON tab work as for every kind.
 */
export function BotDesigner(props: BotDesignerProps) {
  const { t } = useTranslation();
  if (!isBotShape(props.body)) return <div className="banner warn">{t('botDesigner.notBot')}</div>;
  return (
    <ReactFlowProvider>
      <Designer {...props} />
    </ReactFlowProvider>
  );
}

/** Enough of a version 2 bot to draw; anything finer is the live check's job. */
function isBotShape(body: unknown): body is BotBody {
  const b = body as Partial<BotBody> | null;
  return (
    !!b &&
    Array.isArray(b.triggers) &&
    Array.isArray(b.blocks) &&
    b.triggers.every((x) => !!x && typeof x.id === 'string' && typeof x.type === 'string') &&
    b.blocks.every(
      (x) =>
        !!x &&
        typeof x.id === 'string' &&
        x.type in blockTypeNames &&
        !!x.exits &&
        typeof x.exits === 'object',
    )
  );
}

const wide = () => typeof window === 'undefined' || window.matchMedia('(min-width: 901px)').matches;

function Designer({ body, onChange, problems, definitionKey, publishedVersion }: BotDesignerProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  const flow = useReactFlow();
  const report = useRef(onChange);
  report.current = onChange;
  const [store] = useState(() => createBotStore(body, (next) => report.current(next)));
  const state = useBotStore(store);
  const bot = state.body;
  const selected = state.selected;
  const [chatOpen, setChatOpen] = useState(false);
  const [panelOpen, setPanelOpen] = useState(wide);
  const [current, setCurrent] = useState<string | null>(null);
  const [pickedLink, setPickedLink] = useState<BotLink | null>(null);
  const canvasRef = useRef<HTMLElement>(null);
  const [showStats, setShowStats] = useState(false);
  const published = !!definitionKey && publishedVersion != null;
  const stats = useBotStats(published ? definitionKey : undefined, showStats);
  const liveStats = stats.status === 'ready' ? stats.stats : null;

  // The draft replaced from outside (the JSON tab, a reload after a conflict): start over from it.
  useEffect(() => {
    if (!sameJson(body, store.get().body)) store.reset(body);
  }, [body, store]);

  const { all, byNode } = useBotProblems(bot, problems);
  const layout = useMemo(() => layoutBot(bot), [bot]);
  const layoutRef = useRef(layout);
  layoutRef.current = layout;

  const nodes = useMemo<BotFlowNode[]>(() => {
    const messages = (id: string) => (byNode.get(id) ?? []).map((p) => p.message);
    const triggers = bot.triggers.map((trigger): BotFlowNode => {
      const id = triggerNodeId(trigger.id);
      const at = layout.get(id) ?? { x: 0, y: 0 };
      return {
        id,
        type: 'bot-trigger',
        position: { x: at.x, y: at.y },
        width: botCard.triggerWidth,
        height: botCard.triggerHeight,
        draggable: false,
        data: {
          kind: 'trigger',
          typeName: t(`botDesigner.triggerTypes.${trigger.type}`),
          detail: triggerDetail(trigger),
          problems: messages(id),
          height: botCard.triggerHeight,
        },
      };
    });
    const blocks = bot.blocks.map((block): BotFlowNode => {
      const at = layout.get(block.id) ?? { x: 0, y: 0 };
      const height = blockHeight(block);
      return {
        id: block.id,
        type: 'bot-block',
        position: { x: at.x, y: at.y },
        width: botCard.width,
        height,
        data: {
          kind: 'block',
          type: block.type,
          typeName: blockTypeNames[block.type][lang],
          label: block.label,
          summary: blockSummary(block, t),
          exits: exitsOf(block).map((exit) => ({
            name: exit.name,
            label: exitLabel(block, exit.name, t, lang),
            connected: !!exitTarget(block, exit.name),
            required: exit.required,
          })),
          problems: messages(block.id),
          current: block.id === current,
          height,
          stats: blockStatsFor(liveStats, block.id),
        },
      };
    });
    return [...triggers, ...blocks];
  }, [bot, layout, byNode, current, lang, t, liveStats]);

  const links = useMemo<BotLink[]>(() => {
    const ids = new Set(bot.blocks.map((b) => b.id));
    return [
      ...bot.triggers.flatMap((tr) =>
        ids.has(tr.next) ? [{ source: triggerNodeId(tr.id), exit: 'next', target: tr.next }] : [],
      ),
      ...bot.blocks.flatMap((block) =>
        exitsOf(block).flatMap((exit) => {
          const target = exitTarget(block, exit.name);
          return target && ids.has(target) ? [{ source: block.id, exit: exit.name, target }] : [];
        }),
      ),
    ];
  }, [bot]);

  const fit = useCallback(() => {
    const pane = canvasRef.current;
    if (!pane) return;
    void flow.setViewport(fitBot(layoutRef.current, { width: pane.clientWidth, height: pane.clientHeight }), {
      duration: 200,
    });
  }, [flow]);

  const centre = useCallback(
    (id: string) => {
      const at = layoutRef.current.get(id);
      if (at)
        void flow.setCenter(at.x + at.width / 2, at.y + at.height / 2, {
          zoom: flow.getZoom(),
          duration: 250,
        });
    },
    [flow],
  );
  const select = useCallback((id: string | null) => store.select(id), [store]);
  // A node just added is shown once the layout has a place for it.
  const revealNext = useRef<string | null>(null);
  useEffect(() => {
    const id = revealNext.current;
    if (id && layout.has(id)) {
      revealNext.current = null;
      centre(id);
    }
  }, [layout, centre]);
  const pick = useCallback(
    (id: string) => {
      store.select(id);
      setPanelOpen(true);
      setChatOpen(false);
      centre(id);
    },
    [store, centre],
  );

  /** Positions for every block: once one is dragged, all keep where they stand, so nothing else jumps. */
  const moveBlock = useCallback(
    (id: string, position: { x: number; y: number }) => {
      const places = new Map<string, { x: number; y: number }>();
      for (const b of store.get().body.blocks) {
        const at = layoutRef.current.get(b.id);
        if (at) places.set(b.id, { x: at.x, y: at.y });
      }
      places.set(id, position);
      store.change((b) => placeBlocks(b, places));
    },
    [store],
  );

  const addBlockOfType = (type: BlockType) => {
    const now = store.get().body;
    const from = selected && triggerIdOf(selected) === null ? findBlock(now, selected) : undefined;
    const fromBox = from ? layoutRef.current.get(from.id) : undefined;
    const placed = now.blocks.some((b) => b.position);
    const position = !placed
      ? undefined
      : fromBox
        ? { x: fromBox.x + botCard.width + botCard.gapX, y: fromBox.y }
        : belowAll(layoutRef.current);
    const block = newBlock(now, type, position);
    const freeExit = from ? exitsOf(from).find((e) => !exitTarget(from, e.name)) : undefined;
    const trigger = selected ? triggerIdOf(selected) : null;
    store.change((b) => {
      let next = addBlock(b, block);
      if (from && freeExit) next = connect(next, from.id, freeExit.name, block.id);
      if (trigger !== null && !next.blocks.some((x) => x.id === findTrigger(next, trigger)?.next))
        next = connectTrigger(next, trigger, block.id);
      return next;
    }, block.id);
    revealNext.current = block.id;
    setPanelOpen(true);
    setChatOpen(false);
  };

  const addTriggerOfType = (type: TriggerType) => {
    const now = store.get().body;
    const start = selected && triggerIdOf(selected) === null ? selected : (now.blocks[0]?.id ?? '');
    const trigger = newTrigger(now, type, start);
    store.change((b) => addTrigger(b, trigger), triggerNodeId(trigger.id));
    revealNext.current = triggerNodeId(trigger.id);
    setPanelOpen(true);
    setChatOpen(false);
  };

  const remove = useCallback(
    (nodeIds: string[], cut: BotLink[]) =>
      store.change(
        (b) => {
          let next = b;
          for (const link of cut)
            if (triggerIdOf(link.source) === null) next = connect(next, link.source, link.exit, null);
          for (const id of nodeIds) {
            const trigger = triggerIdOf(id);
            next = trigger === null ? removeBlock(next, id) : removeTrigger(next, trigger);
          }
          return next;
        },
        nodeIds.length ? null : undefined,
      ),
    [store],
  );

  // Undo and redo keys, unless a field has the focus (it undoes its own typing).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) store.undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') store.redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  const selectedTrigger = selected ? triggerIdOf(selected) : null;
  const block = selected && selectedTrigger === null ? findBlock(bot, selected) : undefined;
  const trigger = selectedTrigger !== null ? findTrigger(bot, selectedTrigger) : undefined;
  const onCurrent = useCallback((id: string | null) => setCurrent(id), []);

  return (
    <div className="bot-designer" data-testid="bot-designer">
      <div className="bd-toolbar" role="toolbar" aria-label={t('botDesigner.canvas')}>
        <UndoRedoButtons
          canUndo={state.past.length > 0}
          canRedo={state.future.length > 0}
          onUndo={() => store.undo()}
          onRedo={() => store.redo()}
          testIdPrefix="bd"
          labelClassName="bd-label"
        />
        <button type="button" className="btn" onClick={fit} data-testid="bd-fit">
          {t('botDesigner.toolbar.fit')}
        </button>
        <button
          type="button"
          className="btn"
          title={t('botDesigner.toolbar.layoutTitle')}
          data-testid="bd-relayout"
          onClick={() =>
            store.change((b) => ({
              ...b,
              blocks: b.blocks.map(({ position: _, ...rest }) => rest as BotBlock),
            }))
          }
        >
          {t('botDesigner.toolbar.layout')}
        </button>
        {pickedLink && (
          <button
            type="button"
            className="btn danger"
            data-testid="bd-remove-link"
            title={t('botDesigner.toolbar.removeLinkTitle')}
            onClick={() => remove([], [pickedLink])}
          >
            {t('botDesigner.toolbar.removeLink')}
          </button>
        )}
        <span className={all.length ? 'bd-count bad' : 'bd-count'} data-testid="bd-problem-count">
          {all.length
            ? t('botDesigner.toolbar.problems', { count: all.length })
            : t('botDesigner.toolbar.noProblems')}
        </span>
        <span className="spacer" />
        {published && (
          <>
            <StatsStatus state={stats} />
            <button
              type="button"
              className={showStats ? 'btn primary' : 'btn'}
              data-testid="bd-stats-toggle"
              aria-pressed={showStats}
              title={t('botDesigner.stats.toggleTitle')}
              onClick={() => setShowStats((on) => !on)}
            >
              {t('botDesigner.stats.toggle')}
            </button>
          </>
        )}
        <button
          type="button"
          className={chatOpen ? 'btn primary' : 'btn'}
          data-testid="bd-open-chat"
          aria-pressed={chatOpen}
          onClick={() => {
            setChatOpen((open) => !open);
            setPanelOpen(true);
          }}
        >
          {t('botDesigner.toolbar.test')}
        </button>
        <button
          type="button"
          className="btn bd-panel-toggle"
          aria-expanded={panelOpen}
          onClick={() => setPanelOpen((open) => !open)}
        >
          {t('botDesigner.toolbar.panel')}
        </button>
      </div>
      <div className="bd-grid">
        <Palette onAddBlock={addBlockOfType} onAddTrigger={addTriggerOfType} />
        <section className="bd-canvas" ref={canvasRef} aria-label={t('botDesigner.canvas')}>
          <BotCanvas
            nodes={nodes}
            links={links}
            selected={selected}
            onSelect={select}
            onMove={moveBlock}
            onConnect={(link) =>
              store.change((b) => {
                const tr = triggerIdOf(link.source);
                return tr === null
                  ? connect(b, link.source, link.exit, link.target)
                  : connectTrigger(b, tr, link.target);
              })
            }
            onDelete={remove}
            onFit={fit}
            onPickLink={setPickedLink}
          />
        </section>
        <aside className={panelOpen ? 'bd-side open' : 'bd-side'}>
          {chatOpen ? (
            <TestChat body={bot} onCurrent={onCurrent} onClose={() => setChatOpen(false)} />
          ) : block ? (
            <BlockProperties
              key={block.id}
              body={bot}
              block={block}
              problems={(byNode.get(block.id) ?? []).map((p) => p.message)}
              onChange={(next, field) =>
                store.change(
                  (b) => replaceBlock(b, block.id, next),
                  undefined,
                  field && `${block.id}:${field}`,
                )
              }
              onRename={(to) => {
                const next = renameBlock(store.get().body, block.id, to);
                if (next === store.get().body) return false;
                store.change(() => next, to);
                return true;
              }}
              onConnect={(exit, target) => store.change((b) => connect(b, block.id, exit, target))}
              onRemove={() => remove([block.id], [])}
            />
          ) : trigger ? (
            <TriggerProperties
              key={trigger.id}
              body={bot}
              trigger={trigger}
              problems={(byNode.get(triggerNodeId(trigger.id)) ?? []).map((p) => p.message)}
              onChange={(next, field) =>
                store.change(
                  (b) => replaceTrigger(b, trigger.id, next),
                  undefined,
                  field && `t:${trigger.id}:${field}`,
                )
              }
              onRemove={() => remove([triggerNodeId(trigger.id)], [])}
            />
          ) : (
            <BotProperties
              body={bot}
              onChange={(edit, field) => store.change(edit, undefined, field && `bot:${field}`)}
            />
          )}
          <ProblemsPanel body={bot} problems={all} onPick={pick} />
        </aside>
      </div>
    </div>
  );
}

/** A new block when nothing is selected: under everything, in the first column of blocks. */
function belowAll(layout: ReadonlyMap<string, { x: number; y: number; height: number }>) {
  let bottom = 0;
  let left = Number.POSITIVE_INFINITY;
  for (const [id, box] of layout) {
    if (triggerIdOf(id) !== null) continue;
    bottom = Math.max(bottom, box.y + box.height);
    left = Math.min(left, box.x);
  }
  return { x: Number.isFinite(left) ? left : botCard.triggerWidth + botCard.gapX, y: bottom + botCard.gapY };
}

/** A trigger's card line: its words, its time, its button … */
function triggerDetail(trigger: BotTrigger): string {
  switch (trigger.type) {
    case 'keyword':
      return (trigger.keywords ?? []).join(', ') || (trigger.pattern ?? '');
    case 'phrase':
      return trigger.examples[0] ?? '';
    case 'button':
      return trigger.buttonId;
    case 'event':
      return trigger.source === 'recordStatus'
        ? `${trigger.entity ?? ''} → ${trigger.status ?? ''}`
        : (trigger.message ?? '');
    case 'noReply':
      return `${trigger.seconds} s`;
    case 'schedule':
      return trigger.time;
    default:
      return '';
  }
}

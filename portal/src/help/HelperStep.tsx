import type { TreeBody, TreeNode } from '@opora/runtime/definitions';
import type { NodeIndex, WalkEvent } from '@opora/runtime/trees';
import type { PublishedTree } from '@opora/sdk';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { localText } from '../lib/local-text';
import { AnswerLeaf } from './AnswerLeaf';
import { ArticleLeaf } from './ArticleLeaf';
import { ChoiceList } from './ChoiceList';
import { ContactLeaf } from './ContactLeaf';
import { HelperBreadcrumbs } from './HelperBreadcrumbs';
import { HelperContact } from './HelperContact';
import { walkTopic } from './walk-topic';

/** One step of the helper: where we are, the question (or the answer at a leaf), and the ways back. */
export function HelperStep({
  tree,
  nodes,
  articles,
  node,
  path,
  headingRef,
  href,
  onMove,
  embedded,
}: {
  embedded: boolean;
  tree: TreeBody;
  nodes: NodeIndex;
  articles: PublishedTree['articles'];
  node: TreeNode;
  path: readonly string[];
  headingRef: RefObject<HTMLHeadingElement | null>;
  href: (path: string[]) => string;
  onMove: (event: WalkEvent) => void;
}) {
  const { t, i18n } = useTranslation();
  const rate = (helpful: boolean) => onMove({ type: 'rate', helpful });
  const leaf = node.leaf;
  // On the helper's page the question is the page's heading; inside a page widget (titled h2) it sits below.
  const Heading = embedded ? 'h3' : 'h1';
  const hasChoices = (node.children ?? []).some((id) => nodes.has(id));
  // The way here becomes the topic of a request written from this step (a contact step's own title says nothing).
  const topic = walkTopic(nodes, path, i18n.language, leaf?.type !== 'contact');
  return (
    <>
      <HelperBreadcrumbs
        tree={tree}
        nodes={nodes}
        path={path}
        href={href}
        onGo={(p) => onMove({ type: 'goto', path: p })}
      />
      <section className="helper-step" aria-labelledby={`helper-q-${node.id}`}>
        <Heading
          id={`helper-q-${node.id}`}
          ref={headingRef}
          tabIndex={-1}
          className="helper-question"
          data-testid="helper-question"
        >
          {localText(node.title, i18n.language)}
        </Heading>
        {node.text && <p className="helper-explanation">{localText(node.text, i18n.language)}</p>}
        {leaf?.type === 'article' && (
          <ArticleLeaf
            titleLevel={embedded ? 'h4' : 'h2'}
            key={leaf.article}
            articleKey={leaf.article}
            preview={articles[leaf.article]}
            onRated={rate}
          />
        )}
        {leaf?.type === 'answer' && (
          <AnswerLeaf key={node.id} text={leaf.text} topic={topic} onRated={rate} />
        )}
        {leaf?.type === 'contact' && <ContactLeaf leaf={leaf} topic={topic} />}
        {hasChoices && (
          <ChoiceList node={node} nodes={nodes} onChoose={(id) => onMove({ type: 'choose', node: id })} />
        )}
        {!leaf && !hasChoices && (
          <>
            <p className="muted">{t('help.deadEnd')}</p>
            <HelperContact topic={topic} />
          </>
        )}
      </section>
      {path.length > 0 && (
        <div className="helper-nav">
          <button
            type="button"
            className="btn"
            data-testid="helper-back"
            onClick={() => onMove({ type: 'back' })}
          >
            ← {t('help.back')}
          </button>
          <button
            type="button"
            className="btn ghost"
            data-testid="helper-restart"
            onClick={() => onMove({ type: 'restart' })}
          >
            ↺ {t('help.restart')}
          </button>
        </div>
      )}
    </>
  );
}

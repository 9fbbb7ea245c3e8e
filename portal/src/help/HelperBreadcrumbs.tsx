import type { TreeBody } from '@opora/runtime/definitions';
import type { NodeIndex } from '@opora/runtime/trees';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localText } from '../lib/local-text';

/** The path so far: each step is a real link to its own address; the last one is where the visitor is. */
export function HelperBreadcrumbs({
  tree,
  nodes,
  path,
  href,
  onGo,
}: {
  tree: TreeBody;
  nodes: NodeIndex;
  path: readonly string[];
  href: (path: string[]) => string;
  onGo: (path: string[]) => void;
}) {
  const { t, i18n } = useTranslation();
  if (path.length === 0) return null;
  const steps = [
    { path: [] as string[], title: t('help.start') },
    ...path.map((id, i) => ({
      path: path.slice(0, i + 1),
      title: localText(nodes.get(id)?.title, i18n.language),
    })),
  ];
  const follow = (event: MouseEvent, to: string[]) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    onGo(to);
  };
  return (
    <nav className="helper-crumbs" aria-label={t('help.breadcrumbs')} data-testid="helper-crumbs">
      <ol>
        {steps.map((step, i) => (
          <li key={step.path.join('/') || tree.root}>
            {i === steps.length - 1 ? (
              <span aria-current="step">{step.title}</span>
            ) : (
              <a href={href(step.path)} onClick={(e) => follow(e, step.path)}>
                {step.title}
              </a>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

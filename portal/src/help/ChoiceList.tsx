import type { TreeNode } from '@opora/runtime/definitions';
import type { NodeIndex } from '@opora/runtime/trees';
import { useTranslation } from 'react-i18next';
import { localText } from '../lib/local-text';

/** The choices of a question as large buttons, in the tree's order; a way to reach specialists looks different. */
export function ChoiceList({
  node,
  nodes,
  onChoose,
}: {
  node: TreeNode;
  nodes: NodeIndex;
  onChoose: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const choices = (node.children ?? []).flatMap((id) => {
    const child = nodes.get(id);
    return child ? [child] : [];
  });
  return (
    <ul className="helper-choices" aria-label={t('help.choose')}>
      {choices.map((child) => (
        <li key={child.id}>
          <button
            type="button"
            className={child.leaf?.type === 'contact' ? 'helper-choice contact' : 'helper-choice'}
            data-testid="helper-choice"
            data-node={child.id}
            onClick={() => onChoose(child.id)}
          >
            <span className="helper-choice-title">{localText(child.title, i18n.language)}</span>
            {child.text && <span className="helper-choice-text">{localText(child.text, i18n.language)}</span>}
            <span className="helper-choice-arrow" aria-hidden="true">
              →
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

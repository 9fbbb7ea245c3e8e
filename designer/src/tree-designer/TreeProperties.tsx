import type { TreeBody } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { LocalizedInput } from '../components/LocalizedInput';
import type { NodeProblem } from './node-problems';

/** With no node selected: the tree's own title and description (what the portal shows above the first question). */
export function TreeProperties({
  body,
  problems,
  onChange,
  problemText,
}: {
  body: TreeBody;
  problems: readonly NodeProblem[];
  onChange: (edit: (body: TreeBody) => TreeBody, group: string) => void;
  problemText: (problem: NodeProblem) => string;
}) {
  const { t } = useTranslation();
  const at = (pointer: string) => problems.filter((p) => p.pointer?.startsWith(pointer)).map(problemText);
  return (
    <section className="td-props" data-testid="td-tree-properties">
      <h3>{t('treeDesigner.props.tree')}</h3>
      <p className="hint">{t('treeDesigner.props.pickNode')}</p>
      <LocalizedInput
        classPrefix="td"
        label={t('treeDesigner.props.treeTitle')}
        value={body.title}
        testId="td-tree-title"
        problems={at('/title')}
        onChange={(title) => onChange((b) => ({ ...b, title: title ?? { ru: '' } }), 'tree-title')}
      />
      <LocalizedInput
        classPrefix="td"
        label={t('treeDesigner.props.treeDescription')}
        value={body.description}
        multiline
        optional
        testId="td-tree-description"
        problems={at('/description')}
        onChange={(description) =>
          onChange(
            ({ description: _, ...b }) => (description ? { ...b, description } : b),
            'tree-description',
          )
        }
      />
    </section>
  );
}

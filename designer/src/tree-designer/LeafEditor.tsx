import type { TreeLeaf } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { LocalizedInput } from '../components/LocalizedInput';
import { ArticlePicker } from './ArticlePicker';
import { FormPicker } from './FormPicker';

/** The settings of how a walk ends at this node: which article, what answer, which way to reach people. */
export function LeafEditor({
  leaf,
  onChange,
  problemsAt,
}: {
  leaf: TreeLeaf;
  /** `group` merges typing in one field into one undo step. */
  onChange: (leaf: TreeLeaf, group?: string) => void;
  /** Messages for a part of the leaf, by its pointer below `/leaf` (e.g. `/article`). */
  problemsAt: (suffix: string) => string[];
}) {
  const { t } = useTranslation();
  if (leaf.type === 'article')
    return (
      <ArticlePicker
        value={leaf.article}
        onChange={(article) => onChange({ ...leaf, article })}
        problems={problemsAt('/article')}
      />
    );
  if (leaf.type === 'answer')
    return (
      <LocalizedInput
        classPrefix="td"
        label={t('treeDesigner.props.answerText')}
        value={leaf.text}
        multiline
        testId="td-answer"
        problems={problemsAt('/text')}
        onChange={(text) => onChange({ ...leaf, text: text ?? { ru: '' } }, 'answer')}
      />
    );
  const { url, text, form, ...rest } = leaf;
  return (
    <>
      {leaf.channel === 'form' ? (
        <FormPicker
          value={form}
          problems={problemsAt('/form')}
          onChange={(next) =>
            onChange({ ...rest, ...(next ? { form: next } : {}), ...(text ? { text } : {}) })
          }
        />
      ) : (
        <label>
          {t('treeDesigner.props.contactUrl')}
          <input
            type="url"
            data-testid="td-contact-url"
            value={url ?? ''}
            maxLength={2000}
            aria-invalid={problemsAt('/url').length > 0}
            onChange={(e) =>
              onChange(
                { ...rest, ...(e.target.value ? { url: e.target.value } : {}), ...(text ? { text } : {}) },
                'url',
              )
            }
          />
          <span className="hint">{t('treeDesigner.props.contactUrlHint')}</span>
          {problemsAt('/url').length > 0 && (
            <span className="field-error">{problemsAt('/url').join('; ')}</span>
          )}
        </label>
      )}
      <LocalizedInput
        classPrefix="td"
        label={t('treeDesigner.props.contactText')}
        value={text}
        multiline
        optional
        testId="td-contact-text"
        problems={problemsAt('/text')}
        onChange={(next) =>
          onChange(
            { ...rest, ...(form ? { form } : {}), ...(url ? { url } : {}), ...(next ? { text: next } : {}) },
            'contact-text',
          )
        }
      />
    </>
  );
}

import type { KbCategory } from '@opora/sdk';
import { useTranslation } from 'react-i18next';
import { flattenTree } from './category-tree';

/** A select showing the category tree by indentation; `exclude` greys out where a category cannot go. */
export function CategorySelect({
  categories,
  value,
  onChange,
  emptyLabel,
  exclude,
  label,
  testId,
  disabled,
}: {
  categories: readonly KbCategory[];
  value: string | null;
  onChange: (id: string | null) => void;
  emptyLabel: string;
  exclude?: ReadonlySet<string>;
  label: string;
  testId?: string;
  disabled?: boolean;
}) {
  const { i18n } = useTranslation();
  const title = (c: KbCategory) => (i18n.language === 'en' && c.title.en) || c.title.ru;
  return (
    <select
      aria-label={label}
      data-testid={testId}
      value={value ?? ''}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value || null)}
    >
      <option value="">{emptyLabel}</option>
      {flattenTree(categories).map(({ category, depth }) => (
        <option key={category.id} value={category.id} disabled={exclude?.has(category.id)}>
          {`${'\u00a0\u00a0\u00a0'.repeat(depth)}${depth ? '└ ' : ''}${title(category)}`}
        </option>
      ))}
    </select>
  );
}

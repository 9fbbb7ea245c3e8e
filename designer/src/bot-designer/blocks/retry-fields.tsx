import { useTranslation } from 'react-i18next';
import { NumberField, TextsField } from '../fields';

type Retry = { retries: number; retryText?: { ru: string; en?: string } };

/** How a question answers what it did not understand: asks again so many times, then its «Не понял» exit. */
export function RetryFields<B extends Retry>({
  block,
  onChange,
}: {
  block: B;
  onChange: (next: B, field?: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <NumberField
        label={t('botDesigner.fields.retries')}
        value={block.retries}
        min={0}
        max={10}
        testId="bd-retries"
        onChange={(retries) =>
          onChange({ ...block, retries: Math.max(0, Math.min(10, retries ?? 0)) }, 'retries')
        }
      />
      <TextsField
        label={t('botDesigner.fields.retryText')}
        value={block.retryText}
        optional
        testId="bd-retry-text"
        onChange={(retryText) => {
          const { retryText: _, ...rest } = block;
          onChange((retryText ? { ...rest, retryText } : rest) as B, 'retryText');
        }}
      />
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { TextField } from '../fields';

/** The variable a block keeps its result in; cleared means the result is not kept. */
export function OutputField<B extends { output?: string }>({
  block,
  onChange,
}: {
  block: B;
  onChange: (next: B, field?: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('botDesigner.fields.output')}
      value={block.output ?? ''}
      testId="bd-output"
      code
      onChange={(output) => {
        const { output: _, ...rest } = block;
        onChange((output ? { ...rest, output } : rest) as B, 'output');
      }}
    />
  );
}

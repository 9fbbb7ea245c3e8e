import type { ProcessBody } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { DefinitionField } from '../bot-designer/fields';
import { LocalizedInput } from '../components/LocalizedInput';

/** The process itself, when nothing is selected: its title and the record type it is about. */
export function ProcessProperties({
  body,
  onChange,
}: {
  body: ProcessBody;
  onChange: (edit: (b: ProcessBody) => ProcessBody, field?: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="bd-props" data-testid="prd-process-panel">
      <h3>{t('processDesigner.panel.process')}</h3>
      <LocalizedInput
        label={t('processDesigner.panel.processTitle')}
        value={body.title}
        testId="prd-process-title"
        classPrefix="bd"
        onChange={(title) => onChange((b) => ({ ...b, title: title ?? { ru: '' } }), 'title')}
      />
      <DefinitionField
        kind="entity"
        label={t('processDesigner.panel.entity')}
        value={body.entity ?? ''}
        emptyLabel={t('processDesigner.panel.none')}
        testId="prd-process-entity"
        onChange={(entity) =>
          onChange((b) => {
            const { entity: _, ...rest } = b;
            return entity ? { ...rest, entity } : rest;
          })
        }
      />
    </section>
  );
}

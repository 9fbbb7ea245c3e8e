import type { PageBody } from '@opora/runtime/definitions';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LocalizedInput } from '../components/LocalizedInput';
import { WithCode } from '../components/WithCode';
import { Problems } from './inputs';

type Audience = NonNullable<PageBody['audience']>[number];
const audiences: Audience[] = ['anonymous', 'client', 'staff'];

/** Title, search-engine description, address and audience of the page. */
export function PageSettings({
  body,
  problems,
  onChange,
}: {
  body: PageBody;
  problems: Map<string, string[]>;
  onChange: (change: (body: PageBody) => PageBody) => void;
}) {
  const { t } = useTranslation();
  const pathId = useId();
  const at = (pointer: string) => problems.get(pointer) ?? [];
  const toggle = (who: Audience, on: boolean) =>
    onChange((b) => {
      const list = audiences.filter((a) => (a === who ? on : b.audience?.includes(a)));
      const { audience: _, ...rest } = b;
      return list.length ? { ...rest, audience: list } : rest;
    });
  return (
    <div className="form pd-page-settings" data-testid="pd-page-settings">
      <h3>{t('pageDesigner.pageSettings.title')}</h3>
      <Problems messages={at('')} />
      <LocalizedInput
        classPrefix="pd"
        label={t('pageDesigner.pageSettings.pageTitle')}
        value={body.title}
        problems={at('/title')}
        testId="pd-page-title"
        onChange={(title) => onChange((b) => ({ ...b, title: title ?? { ru: '' } }))}
      />
      <LocalizedInput
        classPrefix="pd"
        label={t('pageDesigner.pageSettings.description')}
        optional
        multiline
        value={body.description}
        problems={at('/description')}
        onChange={(description) =>
          onChange((b) => {
            const { description: _, ...rest } = b;
            return description ? { ...rest, description } : rest;
          })
        }
      />
      <label>
        {t('pageDesigner.pageSettings.path')}
        <input
          className="mono"
          value={body.path}
          maxLength={200}
          data-testid="pd-page-path"
          aria-invalid={at('/path').length > 0}
          aria-describedby={pathId}
          onChange={(e) => {
            const path = e.target.value.trim().toLowerCase();
            onChange((b) => ({ ...b, path: path.startsWith('/') ? path : `/${path}` }));
          }}
        />
        <span className="hint" id={pathId}>
          <WithCode text={t('pageDesigner.pageSettings.pathHint')} />
        </span>
        <Problems messages={at('/path')} />
      </label>
      <fieldset className="pd-audience">
        <legend>{t('pageDesigner.pageSettings.audience')}</legend>
        {audiences.map((who) => (
          <label key={who} className="pd-check">
            <input
              type="checkbox"
              checked={body.audience?.includes(who) ?? false}
              data-testid={`pd-audience-${who}`}
              onChange={(e) => toggle(who, e.target.checked)}
            />
            {t(`pageDesigner.pageSettings.audiences.${who}`)}
          </label>
        ))}
        <span className="hint">{t('pageDesigner.pageSettings.audienceHint')}</span>
        <Problems messages={at('/audience')} />
      </fieldset>
    </div>
  );
}

import { validateDefinitionBody } from '@opora/runtime/definitions';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LocalizedInput } from '../components/LocalizedInput';
import type { EditorProblem } from '../state/use-definition-draft';
import { problemFinder } from './form-problems';
import { HoursSection } from './HoursSection';
import { patched } from './line-draft';
import { RoutingSection } from './RoutingSection';
import { PeopleSection, QueueSection } from './ServiceSections';
import type { SectionProps } from './section-props';
import { usePublishedBots, usePublishedChannels } from './use-published-channels';
import './line-designer.css';
import './i18n';

type LText = { ru: string; en?: string };

/**
 * A line as a form for analysts: its name, which dialogs come to it (channels, order, rules), who answers them, when
 * (hours, holidays, the out-of-hours reply), the queue's limit and the service targets. Every change is written back
 * to the draft body, so saving, publishing, the JSON tab and the server's messages work as for every kind; the
 * problems shown under the fields are the runtime's, the same checks the server makes.
 */
export function LineForm({
  body,
  problems,
  onChange,
}: {
  body: Record<string, unknown>;
  problems: EditorProblem[];
  onChange: (body: Record<string, unknown>) => void;
}) {
  const { t, i18n } = useTranslation();
  const channels = usePublishedChannels();
  const bots = usePublishedBots();
  const locale = i18n.language === 'en' ? 'en' : 'ru';
  const local = useMemo(() => validateDefinitionBody('line', body, locale), [body, locale]);
  const problemAt = problemFinder(local, problems);
  const props: SectionProps = {
    body,
    update: (patch) => onChange(patched(body, patch)),
    problemAt,
  };
  const titleProblem = problemAt('/title');
  const descriptionProblem = problemAt('/description');
  return (
    <div className="form ld-form" data-testid="line-form">
      <div className="ld-field">
        <LocalizedInput
          label={t('lineDesigner.title')}
          value={body.title as LText | undefined}
          onChange={(title) => props.update({ title })}
          problems={titleProblem ? [titleProblem] : []}
          testId="line-title"
          classPrefix="ld"
        />
        <span className="hint">{t('lineDesigner.titleHint')}</span>
      </div>
      <div className="ld-field">
        <LocalizedInput
          label={t('lineDesigner.description')}
          value={body.description as LText | undefined}
          onChange={(description) => props.update({ description })}
          problems={descriptionProblem ? [descriptionProblem] : []}
          testId="line-description"
          multiline
          optional
          classPrefix="ld"
        />
      </div>
      <RoutingSection {...props} channels={channels} />
      <PeopleSection {...props} bots={bots} />
      <HoursSection {...props} />
      <QueueSection {...props} />
    </div>
  );
}

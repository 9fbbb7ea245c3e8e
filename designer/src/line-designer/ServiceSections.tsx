import { useTranslation } from 'react-i18next';
import { LocalizedInput } from '../components/LocalizedInput';
import { readStrings } from './line-draft';
import { NumberField } from './NumberField';
import type { SectionProps } from './section-props';
import { TagInput } from './TagInput';

type LText = { ru: string; en?: string };
const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/** Who answers the line's dialogs: groups and skills, how many dialogs each leads, how long an offer waits. */
export function PeopleSection({
  body,
  update,
  problemAt,
  bots,
}: SectionProps & { bots: { key: string; name: string }[] }) {
  const { t } = useTranslation();
  const botOnly = body.botOnly === true;
  const bot = typeof body.bot === 'string' ? body.bot : '';
  const botProblem = problemAt('/bot');
  return (
    <section className="ld-section" data-testid="line-people">
      <h2>{t('lineDesigner.sections.people')}</h2>
      <label className="ld-field">
        <span>{t('lineDesigner.bot')}</span>
        <select
          data-testid="line-bot"
          value={bot}
          aria-invalid={Boolean(botProblem)}
          onChange={(e) => update({ bot: e.target.value || undefined })}
        >
          <option value="">{t('lineDesigner.noBot')}</option>
          {bot && !bots.some((b) => b.key === bot) && <option value={bot}>{bot}</option>}
          {bots.map((b) => (
            <option key={b.key} value={b.key}>
              {b.name}
            </option>
          ))}
        </select>
        <span className="hint">{t('lineDesigner.botHint')}</span>
        {botProblem && <span className="field-error">{botProblem}</span>}
      </label>
      <label className="ld-check">
        <input
          type="checkbox"
          data-testid="line-bot-only"
          checked={botOnly}
          onChange={(e) => update({ botOnly: e.target.checked ? true : undefined })}
        />
        <span>
          {t('lineDesigner.botOnly')}
          <span className="hint"> — {t('lineDesigner.botOnlyHint')}</span>
        </span>
      </label>
      {!botOnly && (
        <>
          <TagInput
            label={t('lineDesigner.groups')}
            value={readStrings(body, 'groups')}
            onChange={(groups) => update({ groups })}
            hint={t('lineDesigner.groupsHint')}
            problem={problemAt('/groups')}
            testId="line-groups"
            names
          />
          <TagInput
            label={t('lineDesigner.skills')}
            value={readStrings(body, 'skills')}
            onChange={(skills) => update({ skills })}
            hint={t('lineDesigner.skillsHint')}
            problem={problemAt('/skills')}
            testId="line-skills"
            names
          />
          <div className="ld-row">
            <NumberField
              label={t('lineDesigner.capacity')}
              value={num(body.capacity)}
              onChange={(capacity) => update({ capacity })}
              min={1}
              max={6}
              hint={t('lineDesigner.capacityHint')}
              problem={problemAt('/capacity')}
              testId="line-capacity"
            />
            <NumberField
              label={t('lineDesigner.offerTimeout')}
              value={num(body.offerTimeoutSeconds)}
              onChange={(offerTimeoutSeconds) => update({ offerTimeoutSeconds })}
              min={10}
              max={3600}
              hint={t('lineDesigner.offerTimeoutHint')}
              problem={problemAt('/offerTimeoutSeconds')}
              testId="line-offer-timeout"
            />
            <NumberField
              label={t('lineDesigner.priority')}
              value={num(body.priority)}
              onChange={(priority) => update({ priority })}
              min={0}
              max={100}
              hint={t('lineDesigner.priorityHint')}
              problem={problemAt('/priority')}
              testId="line-priority"
            />
          </div>
        </>
      )}
    </section>
  );
}

/** The queue's limit with its polite refusal, and the service targets the supervisor watches. */
export function QueueSection({ body, update, problemAt }: SectionProps) {
  const { t } = useTranslation();
  const sla = (body.sla ?? {}) as { firstResponseSeconds?: number; resolutionSeconds?: number };
  const setSla = (patch: Partial<typeof sla>) => {
    const next = { ...sla, ...patch };
    for (const key of Object.keys(next) as (keyof typeof next)[])
      if (next[key] === undefined) delete next[key];
    update({ sla: Object.keys(next).length ? next : undefined });
  };
  const refusalProblem = problemAt('/queueFullReply');
  return (
    <section className="ld-section" data-testid="line-queue">
      <h2>{t('lineDesigner.sections.queue')}</h2>
      <NumberField
        label={t('lineDesigner.maxQueue')}
        value={num(body.maxQueue)}
        onChange={(maxQueue) => update({ maxQueue })}
        min={1}
        max={100_000}
        hint={t('lineDesigner.maxQueueHint')}
        problem={problemAt('/maxQueue')}
        testId="line-max-queue"
      />
      {body.maxQueue !== undefined && (
        <div className="ld-field">
          <LocalizedInput
            label={t('lineDesigner.queueFullReply')}
            value={body.queueFullReply as LText | undefined}
            onChange={(queueFullReply) => update({ queueFullReply })}
            problems={refusalProblem ? [refusalProblem] : []}
            testId="line-queue-full"
            multiline
            optional
            classPrefix="ld"
          />
        </div>
      )}
      <h2>{t('lineDesigner.sections.targets')}</h2>
      <div className="ld-row">
        <NumberField
          label={t('lineDesigner.firstResponse')}
          value={
            sla.firstResponseSeconds === undefined ? undefined : Math.round(sla.firstResponseSeconds / 60)
          }
          onChange={(minutes) =>
            setSla({ firstResponseSeconds: minutes === undefined ? undefined : minutes * 60 })
          }
          min={1}
          max={43_200}
          hint={t('lineDesigner.targetsHint')}
          problem={problemAt('/sla/firstResponseSeconds')}
          testId="line-sla-first-response"
        />
        <NumberField
          label={t('lineDesigner.resolution')}
          value={sla.resolutionSeconds === undefined ? undefined : Math.round(sla.resolutionSeconds / 3600)}
          onChange={(h) => setSla({ resolutionSeconds: h === undefined ? undefined : h * 3600 })}
          min={1}
          max={8760}
          hint={t('lineDesigner.targetsHint')}
          problem={problemAt('/sla/resolutionSeconds')}
          testId="line-sla-resolution"
        />
      </div>
    </section>
  );
}

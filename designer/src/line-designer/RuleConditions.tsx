import type { LineRule } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { FieldNote } from '../components/FieldNote';
import { TagInput } from './TagInput';
import type { ChannelOption } from './use-published-channels';

export const conditionKinds = [
  'keywords',
  'pattern',
  'channels',
  'language',
  'formField',
  'treePath',
  'clientAttribute',
] as const;
export type ConditionKind = (typeof conditionKinds)[number];

/** What a condition holds when the analyst adds it: empty, to be filled in. */
export const blankCondition = (kind: ConditionKind): Partial<LineRule> => {
  switch (kind) {
    case 'keywords':
      return { keywords: [] };
    case 'channels':
      return { channels: [] };
    case 'language':
      return { language: 'ru' };
    case 'formField':
      return { formField: { field: '', equals: '' } };
    case 'clientAttribute':
      return { clientAttribute: { field: '', equals: '' } };
    default:
      return { [kind]: '' };
  }
};

/** One condition of a rule, as the input its kind needs; problems at `/rules/i/<kind>` shown under it. */
export function ConditionInput({
  kind,
  rule,
  at,
  set,
  problemAt,
  channels,
}: {
  kind: ConditionKind;
  rule: LineRule;
  at: string;
  set: (patch: Partial<Record<keyof LineRule, unknown>>) => void;
  problemAt: (pointer: string) => string | undefined;
  channels: readonly ChannelOption[];
}) {
  const { t } = useTranslation();
  const label = t(`lineDesigner.conditions.${kind}`);
  const problem = problemAt(`${at}/${kind}`);
  const testId = `line-rule-${kind}`;
  switch (kind) {
    case 'keywords':
      return (
        <TagInput
          label={label}
          value={rule.keywords ?? []}
          onChange={(keywords) => set({ keywords })}
          hint={t('lineDesigner.keywordsHint')}
          problem={problem}
          testId={testId}
        />
      );
    case 'pattern':
    case 'treePath':
      return (
        <label className="ld-field">
          {label}
          <input
            className="mono"
            spellCheck={false}
            data-testid={testId}
            value={rule[kind] ?? ''}
            maxLength={500}
            aria-invalid={Boolean(problem)}
            onChange={(e) => set({ [kind]: e.target.value })}
          />
          <FieldNote
            message={problem}
            hint={t(kind === 'pattern' ? 'lineDesigner.patternHint' : 'lineDesigner.treePathHint')}
          />
        </label>
      );
    case 'language':
      return (
        <label className="ld-field">
          {label}
          <select
            data-testid={testId}
            value={rule.language ?? 'ru'}
            onChange={(e) => set({ language: e.target.value })}
          >
            <option value="ru">{t('lineDesigner.languages.ru')}</option>
            <option value="en">{t('lineDesigner.languages.en')}</option>
          </select>
        </label>
      );
    case 'channels':
      return channels.length ? (
        <fieldset className="ld-field ld-checks" data-testid={testId}>
          <legend>{label}</legend>
          {channels.map((channel) => (
            <label key={channel.key} className="ld-check">
              <input
                type="checkbox"
                checked={rule.channels?.includes(channel.key) ?? false}
                onChange={(e) =>
                  set({
                    channels: e.target.checked
                      ? [...(rule.channels ?? []), channel.key]
                      : (rule.channels ?? []).filter((c) => c !== channel.key),
                  })
                }
              />
              {channel.name}
            </label>
          ))}
          <FieldNote message={problem} hint="" />
        </fieldset>
      ) : (
        <TagInput
          label={label}
          value={rule.channels ?? []}
          onChange={(list) => set({ channels: list })}
          hint={t('lineDesigner.noChannels')}
          problem={problem}
          testId={testId}
          names
        />
      );
    case 'formField':
    case 'clientAttribute': {
      const value = rule[kind] ?? { field: '', equals: '' };
      return (
        <fieldset className="ld-field ld-pair" data-testid={testId}>
          <legend>{label}</legend>
          <input
            aria-label={`${label}: ${t('lineDesigner.field')}`}
            placeholder={t('lineDesigner.field')}
            className="mono"
            spellCheck={false}
            value={value.field}
            maxLength={100}
            onChange={(e) => set({ [kind]: { ...value, field: e.target.value } })}
          />
          <span aria-hidden="true">=</span>
          <input
            aria-label={`${label}: ${t('lineDesigner.equals')}`}
            placeholder={t('lineDesigner.equals')}
            value={value.equals}
            maxLength={500}
            onChange={(e) => set({ [kind]: { ...value, equals: e.target.value } })}
          />
          <FieldNote message={problem} hint="" />
        </fieldset>
      );
    }
  }
}

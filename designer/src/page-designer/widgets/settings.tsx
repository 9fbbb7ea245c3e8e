import { useTranslation } from 'react-i18next';
import { LocalizedInput } from '../../components/LocalizedInput';
import { CountField } from '../inputs';
import { withSetting } from './panel-types';

type LText = { ru: string; en?: string };
/** The settings of `C` that hold an optional two-language text (heading, hint, intro). */
type TextKey<C> = { [K in keyof C]-?: C[K] extends LText | undefined ? K : never }[keyof C] & string;

interface BoundProps<C> {
  config: C;
  onChange: (config: C) => void;
  problems: (path: string) => string[];
}

/**
 * One optional text setting of a widget, bound to its key: the label is `pageDesigner.fields.<key>`, the
 * problems are the ones at `/<key>`, and clearing both languages removes the setting.
 */
export function TextSetting<C extends object>({
  config,
  onChange,
  problems,
  setting,
  multiline = false,
}: BoundProps<C> & { setting: TextKey<C>; multiline?: boolean }) {
  const { t } = useTranslation();
  return (
    <LocalizedInput
      classPrefix="pd"
      label={t(`pageDesigner.fields.${setting}`)}
      optional
      multiline={multiline}
      value={config[setting] as LText | undefined}
      problems={problems(`/${setting}`)}
      testId={`pd-${setting}`}
      onChange={(v) => onChange(withSetting(config, setting, v as C[typeof setting]))}
    />
  );
}

/** How many items a list widget shows, under the widget's own wording (articles, requests, notices). */
export function CountSetting<C extends { count?: number }>({
  config,
  onChange,
  problems,
  label,
}: BoundProps<C> & { label: string }) {
  return (
    <CountField
      label={label}
      value={config.count}
      problems={problems('/count')}
      testId="pd-count"
      onChange={(v) => onChange(withSetting(config, 'count', v as C['count']))}
    />
  );
}

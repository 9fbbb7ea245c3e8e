import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { Problems } from '../page-designer/inputs';
import { isHexColor } from './contrast';

/**
 * A colour as a picker plus its #rrggbb code. The code may be typed: it is applied once it is a full code,
 * and a half-typed one is kept on screen with a hint instead of being thrown away.
 */
export function ColorField({
  label,
  value,
  fallback,
  onChange,
  optional = false,
  problems = [],
  testId,
}: {
  label: string;
  value: string | undefined;
  /** What the portal uses when the colour is not set (shown in the picker). */
  fallback: string;
  onChange: (value: string | undefined) => void;
  optional?: boolean;
  problems?: readonly string[];
  testId?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  const typing = text !== '' && !isHexColor(text);
  const messages = typing ? [t('portalSettings.colors.hexHint'), ...problems] : problems;
  return (
    <div className="ps-color">
      <span className="label" id={`${id}-label`}>
        {label}
      </span>
      <div className="ps-color-inputs">
        <input
          type="color"
          aria-labelledby={`${id}-label`}
          value={value ?? fallback}
          data-testid={testId ? `${testId}-picker` : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
        <input
          className="mono ps-hex"
          aria-label={t('portalSettings.colors.hex', { label })}
          value={text}
          placeholder={optional ? t('portalSettings.colors.notSet', { color: fallback }) : '#2563eb'}
          maxLength={7}
          data-testid={testId}
          aria-invalid={messages.length > 0}
          aria-describedby={messages.length ? id : undefined}
          onChange={(e) => {
            const next = e.target.value.trim();
            setText(next);
            if (isHexColor(next)) onChange(next.toLowerCase());
            else if (next === '' && optional) onChange(undefined);
          }}
        />
        {optional && value && (
          <button
            type="button"
            className="btn ghost"
            aria-label={t('portalSettings.colors.clear', { label })}
            title={t('portalSettings.colors.clear', { label })}
            onClick={() => onChange(undefined)}
          >
            <Icon name="remove" className="pd-svg" />
          </button>
        )}
      </div>
      <Problems id={id} messages={messages} />
    </div>
  );
}

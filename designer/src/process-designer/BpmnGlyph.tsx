import { useTranslation } from 'react-i18next';
import type { Marker } from './canvas-data';

/**
 * The marks BPMN puts inside its figures, drawn in a 24×24 box around (12, 12): a clock for a timer, an envelope
 * for a message, a lightning for an error; ×, +, ○ and the pentagon for gateways; a person, a check and a gear for
 * tasks.
 */
export function BpmnGlyph({ marker, size = 18 }: { marker: Marker; size?: number }) {
  if (marker === 'none') return null;
  return (
    <svg
      className={`prd-glyph prd-glyph-${marker}`}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      {paths[marker]}
    </svg>
  );
}

/**
 * BPMN's multi-instance marker at the bottom of an activity: three vertical bars when its runs go in parallel,
 * three horizontal ones when they go one after another.
 */
export function LoopMarker({ mode }: { mode: 'parallel' | 'sequential' }) {
  const { t } = useTranslation();
  const title = t(
    mode === 'parallel' ? 'processDesigner.card.multiParallel' : 'processDesigner.card.multiSequential',
  );
  return (
    <span className="prd-loop" data-loop={mode} title={title}>
      <svg width={14} height={14} viewBox="0 0 14 14" role="img" aria-label={title}>
        <path
          d={mode === 'parallel' ? 'M3 1.5v11M7 1.5v11M11 1.5v11' : 'M1.5 3h11M1.5 7h11M1.5 11h11'}
          {...line}
          strokeWidth={2}
          strokeLinecap="butt"
        />
      </svg>
    </span>
  );
}

const line = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.8, strokeLinecap: 'round' } as const;

const paths: Record<Exclude<Marker, 'none'>, React.ReactNode> = {
  timer: (
    <>
      <circle cx="12" cy="12" r="8.5" {...line} />
      <path d="M12 6.5V12l3.5 2.5" {...line} />
    </>
  ),
  message: (
    <>
      <rect x="4" y="6.5" width="16" height="11" rx="1" {...line} />
      <path d="M4 7l8 6 8-6" {...line} />
    </>
  ),
  error: <path d="M6 19l3.5-9 4 4L18 5l-3.5 9-4-4z" {...line} strokeLinejoin="round" />,
  terminate: <circle cx="12" cy="12" r="7" fill="currentColor" />,
  exclusive: <path d="M7 7l10 10M17 7L7 17" {...line} strokeWidth={3} />,
  parallel: <path d="M12 5v14M5 12h14" {...line} strokeWidth={3} />,
  inclusive: <circle cx="12" cy="12" r="6.5" {...line} strokeWidth={2.6} />,
  eventBased: (
    <>
      <circle cx="12" cy="12" r="9" {...line} strokeWidth={1.2} />
      <circle cx="12" cy="12" r="7.5" {...line} strokeWidth={1.2} />
      <path d="M12 7.5l4.3 3.1-1.6 5h-5.4l-1.6-5z" {...line} strokeWidth={1.2} strokeLinejoin="round" />
    </>
  ),
  user: (
    <>
      <circle cx="12" cy="8" r="3.5" {...line} />
      <path d="M5 20c0-4 3-6.5 7-6.5s7 2.5 7 6.5" {...line} />
    </>
  ),
  approval: (
    <>
      <path d="M6 3.5h9l3.5 3.5v13.5H6z" {...line} strokeLinejoin="round" />
      <path d="M9 13.5l2.3 2.3 4.2-4.6" {...line} />
    </>
  ),
  service: (
    <>
      <circle cx="12" cy="12" r="3" {...line} />
      <path
        d="M12 3.5v3M12 17.5v3M3.5 12h3M17.5 12h3M6 6l2.1 2.1M15.9 15.9L18 18M6 18l2.1-2.1M15.9 8.1L18 6"
        {...line}
      />
    </>
  ),
  call: (
    <>
      <rect x="5" y="5" width="14" height="14" rx="1" {...line} />
      <path d="M12 8.5v7M8.5 12h7" {...line} />
    </>
  ),
  form: (
    <>
      <rect x="5" y="4" width="14" height="16" rx="1" {...line} />
      <path d="M8 9h8M8 12.5h8M8 16h5" {...line} />
    </>
  ),
  record: (
    <>
      <path d="M7 3.5h7l3.5 3.5v13.5H7z" {...line} strokeLinejoin="round" />
      <path d="M9.5 11h5.5M9.5 14.5h5.5" {...line} />
    </>
  ),
};

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  fitScale,
  isPreviewReady,
  previewDebounceMs,
  previewMessage,
  previewPath,
  previewWidths,
} from './preview-protocol';

const frameHeight = 760;

/** Only to the portal of this same origin: the draft is not for any other site that might be framed. */
const post = (frame: HTMLIFrameElement | null, body: unknown) =>
  frame?.contentWindow?.postMessage(previewMessage(body), window.location.origin);

/**
 * The real portal in an iframe, showing the draft page: sent once the portal says it is ready, then again
 * (debounced) on every change. A desktop-wide page is scaled down to fit the pane.
 */
export function PreviewPane({ body, mode }: { body: unknown; mode: keyof typeof previewWidths }) {
  const { t } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const latest = useRef(body);
  latest.current = body;
  const [ready, setReady] = useState(false);
  const [available, setAvailable] = useState(0);

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== window.location.origin || event.source !== frame.current?.contentWindow) return;
      if (!isPreviewReady(event.data)) return;
      setReady(true);
      // The portal (re)loaded: it has nothing yet, so the draft goes at once.
      post(frame.current, latest.current);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

  useEffect(() => {
    if (!ready) return;
    const timer = setTimeout(() => post(frame.current, body), previewDebounceMs);
    return () => clearTimeout(timer);
  }, [ready, body]);

  useEffect(() => {
    const el = stage.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setAvailable(entry?.contentRect.width ?? 0));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Turning the preview on (or switching width) brings it into view below the designer.
  useEffect(() => {
    if (mode) stage.current?.scrollIntoView?.({ behavior: 'smooth', block: 'nearest' });
  }, [mode]);

  const width = previewWidths[mode];
  const scale = fitScale(available, width);
  return (
    <section className="pd-preview" aria-label={t('pageDesigner.preview.label')} data-testid="pd-preview">
      <p className="hint">{ready ? t('pageDesigner.preview.live') : t('pageDesigner.preview.waiting')}</p>
      <div className="pd-preview-stage" ref={stage}>
        <div className="pd-preview-box" style={{ width: width * scale, height: frameHeight * scale }}>
          <iframe
            ref={frame}
            src={previewPath}
            title={t('pageDesigner.preview.frameTitle')}
            data-testid="pd-preview-frame"
            style={{ width, height: frameHeight, transform: `scale(${scale})` }}
          />
        </div>
      </div>
    </section>
  );
}

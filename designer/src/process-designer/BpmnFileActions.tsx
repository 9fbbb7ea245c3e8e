import type { ProcessBody } from '@opora/runtime/definitions';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/error-text';
import { bpmnExportUrl, bpmnMaxBytes, importBpmn } from './process-api';

/**
 * Import a .bpmn file (the server reads it; the draft is replaced as one undoable step, the analyst saves) and
 * export the saved draft as one. The importer's remarks (kept elements, guessed assignees) are shown, not hidden.
 */
export function BpmnFileActions({
  definitionId,
  onImported,
}: {
  definitionId?: string;
  onImported: (body: ProcessBody) => void;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const read = async (file: File) => {
    setNote(null);
    if (file.size > bpmnMaxBytes) {
      setNote({ ok: false, text: t('processDesigner.toolbar.importTooBig') });
      return;
    }
    setBusy(true);
    try {
      const result = await importBpmn(await file.text());
      onImported(result.body);
      setNote(
        result.problems.length
          ? {
              ok: false,
              text: t('processDesigner.toolbar.importedWithProblems', {
                text: result.problems.map((p) => p.message).join('; '),
              }),
            }
          : { ok: true, text: t('processDesigner.toolbar.imported') },
      );
    } catch (error) {
      setNote({ ok: false, text: t('processDesigner.toolbar.importFailed', { text: errorText(error, '') }) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".bpmn,.xml,application/xml,text/xml"
        hidden
        data-testid="prd-import-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void read(file);
        }}
      />
      <button
        type="button"
        className="btn"
        disabled={busy}
        title={t('processDesigner.toolbar.importTitle')}
        data-testid="prd-import"
        onClick={() => input.current?.click()}
      >
        {t('processDesigner.toolbar.importBpmn')}
      </button>
      {definitionId && (
        <a
          className="btn"
          href={bpmnExportUrl(definitionId)}
          download
          title={t('processDesigner.toolbar.exportTitle')}
          data-testid="prd-export"
        >
          {t('processDesigner.toolbar.exportBpmn')}
        </a>
      )}
      {note && (
        <span
          className={note.ok ? 'prd-note ok' : 'prd-note warn'}
          role="status"
          data-testid="prd-import-note"
        >
          {note.text}
        </span>
      )}
    </>
  );
}

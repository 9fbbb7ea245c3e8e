import { ApiError } from '@opora/sdk';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chip } from '../../components/Chip';
import { client } from '../../lib/api';
import { aria, type FieldOf, type WidgetProps } from './widget-props';

interface FileRef {
  id: string;
  name: string;
  size: number;
  contentType: string;
}

const refsOf = (value: unknown): FileRef[] =>
  (Array.isArray(value) ? value : value ? [value] : []).filter(
    (v): v is FileRef => typeof v === 'object' && v !== null && typeof (v as FileRef).id === 'string',
  );

/** Files uploaded through the files API as soon as they are chosen; the field keeps references to them. */
export function FileWidget(props: WidgetProps<FieldOf<'file'>>) {
  const { t } = useTranslation();
  const { field, value, onChange, entityKey } = props;
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const files = refsOf(value);
  const set = (next: FileRef[]) => onChange(field.multiple ? (next.length ? next : undefined) : next[0]);

  const upload = async (chosen: FileList | null) => {
    if (!chosen?.length) return;
    setError(null);
    const picked = field.multiple ? [...chosen] : [chosen[0]!];
    const tooBig = picked.find(
      (f) => field.maxSizeMb !== undefined && f.size > field.maxSizeMb * 1024 * 1024,
    );
    if (tooBig) {
      setError(t('work.file.tooBig', { name: tooBig.name, max: field.maxSizeMb }));
      return;
    }
    setBusy((n) => n + picked.length);
    const uploaded: FileRef[] = [];
    for (const file of picked) {
      try {
        uploaded.push(await client.uploadFile(entityKey, field.key, file, file.name));
      } catch (e) {
        setError(e instanceof ApiError ? e.message : t('work.file.failed', { name: file.name }));
      } finally {
        setBusy((n) => n - 1);
      }
    }
    if (uploaded.length) set(field.multiple ? [...files, ...uploaded] : uploaded);
    if (input.current) input.current.value = '';
  };

  return (
    <div className="file-input">
      {files.length > 0 && (
        <span className="chips">
          {files.map((f) => (
            <Chip key={f.id} onRemove={() => set(files.filter((x) => x.id !== f.id))}>
              <a href={client.fileUrl(f.id)} target="_blank" rel="noreferrer">
                {f.name}
              </a>
            </Chip>
          ))}
        </span>
      )}
      {/* The native input stays (keyboard, screen readers) but hidden: its own caption is in the browser's language. */}
      <label className="btn file-pick">
        <input
          {...aria(props)}
          className="sr-only"
          ref={input}
          type="file"
          multiple={field.multiple}
          accept={field.accept?.join(',')}
          onChange={(e) => void upload(e.target.files)}
        />
        {field.multiple ? t('work.file.chooseMany') : t('work.file.choose')}
      </label>
      {busy > 0 && (
        <span className="muted" role="status">
          {t('work.file.uploading')}
        </span>
      )}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

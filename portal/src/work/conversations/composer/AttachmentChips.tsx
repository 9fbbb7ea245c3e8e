import { useTranslation } from 'react-i18next';
import { ComposerIcon } from './ComposerIcon';
import type { AnswerFile } from './use-attachments';

const kb = 1024;

/** The answer's files under the text: name, size or state, and a button to take one out. */
export function AttachmentChips({
  files,
  onRemove,
}: {
  files: AnswerFile[];
  onRemove: (id: number) => void;
}) {
  const { t } = useTranslation();
  if (files.length === 0) return null;
  return (
    <ul className="answer-files" data-testid="answer-files">
      {files.map((file) => (
        <li
          key={file.id}
          className={`answer-file ${file.state}`}
          data-testid="answer-file"
          data-state={file.state}
        >
          <ComposerIcon name="clip" size={14} />
          <span className="answer-file-name">{file.name}</span>
          <span className="answer-file-note">
            {file.state === 'uploading'
              ? t('composer.uploading')
              : file.state === 'failed'
                ? t(`composer.fileRefused.${file.reason ?? 'failed'}`)
                : file.size < kb * kb
                  ? t('composer.sizeKb', { n: Math.max(1, Math.round(file.size / kb)) })
                  : t('composer.sizeMb', { n: (file.size / kb / kb).toFixed(1) })}
          </span>
          <button
            type="button"
            className="link"
            aria-label={t('composer.removeFile', { name: file.name })}
            onClick={() => onRemove(file.id)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}

import { renderLocalized } from '@opora/runtime/templates';
import type { AnswerTemplate } from '@opora/sdk';
import {
  type ClipboardEvent,
  type DragEvent,
  type FormEvent,
  type KeyboardEvent,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../lib/store';
import { AttachmentChips } from './composer/AttachmentChips';
import { ComposerIcon } from './composer/ComposerIcon';
import { EmojiPicker } from './composer/EmojiPicker';
import { withInsertion } from './composer/insert-store';
import { spliceText } from './composer/slash-command';
import { templateOptionId } from './composer/TemplateList';
import { pickerKey, TemplatePicker } from './composer/TemplatePicker';
import { useAttachments } from './composer/use-attachments';
import { useComposerInserts } from './composer/use-composer-inserts';
import { useTemplatePicker } from './composer/use-template-picker';
import { useTemplateValues } from './composer/use-template-values';
import { composerCommands } from './state/composer-commands';
import { useDraft, useNoteMode } from './state/draft-store';
import { useThread } from './state/thread-context';
import { sendAnswer } from './state/thread-store';
import './composer/composer.css';
import './composer/i18n';

/**
 * Where the operator writes: Enter sends, Shift+Enter starts a new line; a toggle turns it into an internal note.
 * `/` at the start of a word (or the templates button) opens the answer templates, filled in for this dialog;
 * the emoji button adds an emoji at the caret.
 */
export function AnswerBox({ disabled }: { disabled: boolean }) {
  const { t, i18n } = useTranslation();
  const uiLocale = i18n.language === 'en' ? 'en' : 'ru';
  const thread = useThread();
  // The text is the dialog's draft: it outlives a switch to another tab (the composer is keyed by dialog).
  const [text, setText] = useDraft(thread.id);
  const [caret, setCaret] = useState(0);
  // So is the note toggle: a note left half-written must still be a note when the operator comes back to it.
  const [internal, setInternal] = useNoteMode(thread.id);
  const [emojiOpen, setEmojiOpen] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const placeCaret = useRef<number | null>(null);
  const [dragging, setDragging] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const line = thread.conversation?.lineKey ?? null;
  const files = useAttachments(thread.id);
  const picker = useTemplatePicker(text, caret, line, uiLocale);
  const values = useTemplateValues(picker.locale);

  useLayoutEffect(() => {
    const at = placeCaret.current;
    if (at === null || !box.current) return;
    placeCaret.current = null;
    box.current.focus();
    box.current.setSelectionRange(at, at);
  });

  // Keyboard shortcuts of the window reach the composer on screen: focus it, or focus it with the templates open.
  const command = useStore(composerCommands);
  const seen = useRef(command?.n ?? 0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new command acts, not a re-render
  useEffect(() => {
    if (!command || command.n === seen.current) return;
    seen.current = command.n;
    box.current?.focus();
    if (command.command === 'templates' && !picker.open) picker.openWithButton(caret);
  }, [command]);

  const insert = (from: number, to: number, insertion: string) => {
    const [start, end] = [Math.min(from, text.length), Math.min(to, text.length)];
    const next = spliceText(text, start, end, insertion);
    setText(next.text);
    setCaret(next.caret);
    placeCaret.current = next.caret;
  };
  // Text from elsewhere on the page (an article from the knowledge panel) lands at the caret, focused.
  useComposerInserts(thread.id, (insertion) => {
    const next = withInsertion(text, caret, insertion);
    setText(next.text);
    setCaret(next.caret);
    placeCaret.current = next.caret;
  });
  const pick = (template: AnswerTemplate) => {
    const [start, end] = picker.rangeFor();
    insert(start, end, renderLocalized(template.text, values, picker.locale));
    picker.reset();
  };
  const ready = (text.trim() !== '' || files.refs.length > 0) && !files.uploading && !disabled;
  const send = () => {
    if (!ready) return;
    if (!thread.id) return;
    sendAnswer(thread.id, text, internal, files.refs);
    setText('');
    setCaret(0);
    files.clear();
  };
  const onDrop = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    setDragging(false);
    files.add([...event.dataTransfer.files]);
  };
  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    setDragging(true);
  };
  // A pasted screenshot or copied file is attached; pasted text is left to the text box.
  const onPaste = (event: ClipboardEvent) => {
    const pasted = [...event.clipboardData.files];
    if (pasted.length === 0) return;
    event.preventDefault();
    files.add(pasted);
  };
  const onKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // While an input method composes a word, Enter picks the word, it does not send.
    if (event.nativeEvent.isComposing) return;
    if (picker.slash && picker.search.items.length > 0) {
      if (pickerKey(event.key, picker.search.items.length, picker.active, picker.setActive))
        return event.preventDefault();
      if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
        event.preventDefault();
        return pick(picker.search.items[picker.active] as AnswerTemplate);
      }
    }
    if (picker.slash && event.key === 'Escape') {
      event.preventDefault();
      return picker.close();
    }
    if (event.key !== 'Enter' || event.shiftKey) return;
    event.preventDefault();
    send();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };
  const trackCaret = () => setCaret(box.current?.selectionStart ?? 0);
  const activeTemplate = picker.search.items[picker.active];
  return (
    <form
      className={`answer-box${internal ? ' internal' : ''}${dragging ? ' dragging' : ''}`}
      onSubmit={onSubmit}
      onDrop={onDrop}
      onDragOver={onDragOver}
      onDragLeave={() => setDragging(false)}
      data-testid="answer-box"
      data-drop-hint={t('composer.dropHere')}
    >
      {picker.open && (
        <TemplatePicker
          withSearchBox={picker.byButton !== null}
          query={picker.query}
          onQuery={picker.setButtonQuery}
          search={picker.search}
          active={picker.active}
          setActive={picker.setActive}
          values={values}
          locale={picker.locale}
          onLocale={picker.setLocale}
          onPick={pick}
          onClose={() => {
            picker.close();
            placeCaret.current = caret;
          }}
        />
      )}
      {emojiOpen && (
        <EmojiPicker onPick={(emoji) => insert(caret, box.current?.selectionEnd ?? caret, emoji)} />
      )}
      <textarea
        ref={box}
        aria-label={t('conversations.answer')}
        placeholder={t(internal ? 'conversations.notePlaceholder' : 'conversations.answerPlaceholder')}
        value={text}
        rows={3}
        maxLength={20_000}
        onChange={(event) => {
          setText(event.target.value);
          setCaret(event.target.selectionStart);
        }}
        onSelect={trackCaret}
        onKeyDown={onKey}
        onPaste={onPaste}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={picker.slash !== null}
        aria-controls="answer-template-list"
        aria-activedescendant={
          picker.slash && activeTemplate ? templateOptionId(activeTemplate.key) : undefined
        }
        data-testid="answer-text"
      />
      <AttachmentChips files={files.files} onRemove={files.remove} />
      <div className="answer-actions">
        <div className="answer-tools">
          <button
            type="button"
            className="btn ghost"
            title={t('composer.templatesHint')}
            aria-pressed={picker.byButton !== null}
            onClick={() => (picker.byButton ? picker.close() : picker.openWithButton(caret))}
            data-testid="answer-templates"
          >
            <span className="slash" aria-hidden="true">
              /
            </span>{' '}
            {t('composer.templatesShort')}
          </button>
          <button
            type="button"
            className="btn ghost"
            title={t('composer.attachHint')}
            aria-label={t('composer.attach')}
            onClick={() => file.current?.click()}
            data-testid="answer-attach"
          >
            <ComposerIcon name="clip" />
          </button>
          <input
            ref={file}
            type="file"
            multiple
            hidden
            onChange={(event) => {
              files.add([...(event.target.files ?? [])]);
              event.target.value = '';
            }}
            data-testid="answer-file-input"
          />
          <button
            type="button"
            className="btn ghost"
            title={t('composer.emoji')}
            aria-label={t('composer.emoji')}
            aria-pressed={emojiOpen}
            onClick={() => setEmojiOpen((open) => !open)}
            data-testid="answer-emoji"
          >
            <ComposerIcon name="smile" />
          </button>
          <label className="toggle" title={t('conversations.internalHint')}>
            <input
              type="checkbox"
              checked={internal}
              onChange={(event) => setInternal(event.target.checked)}
              data-testid="answer-internal"
            />
            <span>{t('conversations.internal')}</span>
          </label>
        </div>
        <button type="submit" className="btn primary" disabled={!ready} data-testid="answer-send">
          {t('conversations.send')}
        </button>
      </div>
    </form>
  );
}

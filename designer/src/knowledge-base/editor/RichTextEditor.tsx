import type { KbFile } from '@opora/sdk';
import { TextSelection } from '@tiptap/pm/state';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/error-text';
import '../kb.css';
import { type EditorVariant, editorExtensions } from './extensions';
import { LinkDialog } from './LinkDialog';
import { Toolbar } from './Toolbar';
import { VideoDialog } from './VideoDialog';

export interface RichTextEditorProps {
  variant: EditorVariant;
  /** HTML to start with; replaced whenever `contentKey` changes (a reload, a restored version). */
  content: string;
  contentKey?: number;
  onChange?: (html: string) => void;
  /** The HTML as the editor holds it after loading `content` (what «no changes» means). */
  onNormalized?: (html: string) => void;
  /** Stores a file for the article; null when the author declined (e.g. not to save a new article yet). */
  upload?: (file: File) => Promise<KbFile | null>;
  onError?: (message: string) => void;
  label: string;
  testId?: string;
  readOnly?: boolean;
}

type Dialog = null | 'link' | 'video';

/** TipTap with the toolbar, link and video dialogs, and uploads of images and attachments. */
export function RichTextEditor(props: RichTextEditorProps) {
  const { variant, content, contentKey = 0, readOnly = false } = props;
  const { t } = useTranslation();
  const latest = useRef(props);
  latest.current = props;
  const [dialog, setDialog] = useState<Dialog>(null);
  const [uploading, setUploading] = useState(false);
  const imageInput = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const extensions = useMemo(() => editorExtensions(variant), [variant]);

  const editor = useEditor(
    {
      extensions,
      content,
      editable: !readOnly,
      // React 19 renders twice in development and may render before the DOM exists: create after mount.
      immediatelyRender: false,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          class: 'kb-prose',
          'aria-label': props.label,
          ...(readOnly ? {} : { 'aria-multiline': 'true', role: 'textbox' }),
          ...(props.testId ? { 'data-testid': props.testId } : {}),
        },
      },
      onCreate: ({ editor: e }) => latest.current.onNormalized?.(e.getHTML()),
      onUpdate: ({ editor: e }) => latest.current.onChange?.(e.getHTML()),
    },
    [extensions, readOnly],
  );

  // Replacing the text keeps the cursor where it was, so saving (which reloads the server's HTML) does not jump.
  const appliedKey = useRef(contentKey);
  useEffect(() => {
    if (!editor || appliedKey.current === contentKey) return;
    appliedKey.current = contentKey;
    const { from } = editor.state.selection;
    // Not an undo step: undoing right after a save must not bring back the text from before it.
    editor.chain().setMeta('addToHistory', false).setContent(content, { emitUpdate: false }).run();
    const doc = editor.state.doc;
    editor.view.dispatch(
      editor.state.tr
        .setSelection(TextSelection.near(doc.resolve(Math.min(from, doc.content.size))))
        .setMeta('addToHistory', false),
    );
    latest.current.onNormalized?.(editor.getHTML());
  }, [editor, content, contentKey]);

  if (!editor) return <div className="kb-editor loading">{t('common.loading')}</div>;
  if (readOnly)
    return (
      <div className="kb-editor read-only">
        <EditorContent editor={editor} />
      </div>
    );

  const uploadAndInsert = async (file: File, as: 'image' | 'attachment') => {
    const upload = latest.current.upload;
    if (!upload) return;
    setUploading(true);
    try {
      const stored = await upload(file);
      if (!stored) return;
      const chain = editor.chain().focus();
      if (as === 'image') chain.setImage({ src: stored.url, alt: stored.name }).selectAfterBlock().run();
      else
        chain
          .insertContent([
            { type: 'text', text: stored.name, marks: [{ type: 'link', attrs: { href: stored.url } }] },
            { type: 'text', text: ' ' },
          ])
          .run();
    } catch (error) {
      latest.current.onError?.(errorText(error, t('kb.editor.uploadFailed')));
    } finally {
      setUploading(false);
    }
  };
  const picked = (input: HTMLInputElement | null, as: 'image' | 'attachment') => {
    const file = input?.files?.[0];
    if (input) input.value = '';
    if (file) void uploadAndInsert(file, as);
  };
  const linkHref = String(editor.getAttributes('link').href ?? '');
  const canUpload = Boolean(props.upload);

  return (
    <div className="kb-editor">
      <Toolbar
        editor={editor}
        variant={variant}
        busy={uploading}
        actions={{
          link: () => setDialog('link'),
          ...(variant === 'article'
            ? {
                video: () => setDialog('video'),
                ...(canUpload
                  ? { image: () => imageInput.current?.click(), attach: () => fileInput.current?.click() }
                  : {}),
              }
            : {}),
        }}
      />
      {uploading && (
        <div className="kb-uploading" role="status">
          {t('kb.editor.uploading')}
        </div>
      )}
      <EditorContent editor={editor} />
      <input
        ref={imageInput}
        type="file"
        accept="image/*"
        hidden
        data-testid="image-input"
        onChange={(e) => picked(e.currentTarget, 'image')}
      />
      <input
        ref={fileInput}
        type="file"
        hidden
        data-testid="attach-input"
        onChange={(e) => picked(e.currentTarget, 'attachment')}
      />
      {dialog === 'link' && (
        <LinkDialog
          initialHref={linkHref}
          askText={editor.state.selection.empty && !linkHref}
          onCancel={() => setDialog(null)}
          onRemove={
            linkHref
              ? () => {
                  editor.chain().focus().extendMarkRange('link').unsetLink().run();
                  setDialog(null);
                }
              : null
          }
          onApply={(href, text) => {
            const chain = editor.chain().focus();
            const attrs = { href, target: /^https?:/i.test(href) ? '_blank' : null };
            if (linkHref) chain.extendMarkRange('link').setLink(attrs).run();
            else if (editor.state.selection.empty)
              chain
                .insertContent([
                  { type: 'text', text, marks: [{ type: 'link', attrs }] },
                  { type: 'text', text: ' ' },
                ])
                .run();
            else chain.setLink(attrs).run();
            setDialog(null);
          }}
        />
      )}
      {dialog === 'video' && (
        <VideoDialog
          onCancel={() => setDialog(null)}
          onInsert={(src) => {
            editor.chain().focus().setVideo(src).run();
            setDialog(null);
          }}
        />
      )}
    </div>
  );
}

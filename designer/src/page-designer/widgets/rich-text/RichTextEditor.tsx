import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/Icon';

/**
 * A small TipTap editor for a page's free text: headings, emphasis, lists, links. It edits HTML; the server
 * sanitizes it when the page is saved, so what the portal shows is what survives that.
 */
export default function RichTextEditor({
  html,
  onChange,
}: {
  html: string;
  onChange: (html: string) => void;
}) {
  const { t } = useTranslation();
  const [linking, setLinking] = useState<string | null>(null);
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        codeBlock: false,
        link: { openOnClick: false, protocols: ['https', 'http', 'mailto', 'tel'] },
      }),
    ],
    content: html,
    immediatelyRender: false,
    editorProps: { attributes: { class: 'pd-rich-content', 'aria-label': t('pageDesigner.rich.label') } },
    onUpdate: ({ editor: e }) => onChange(e.isEmpty ? '' : e.getHTML()),
  });
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      e
        ? {
            bold: e.isActive('bold'),
            italic: e.isActive('italic'),
            h2: e.isActive('heading', { level: 2 }),
            h3: e.isActive('heading', { level: 3 }),
            bullet: e.isActive('bulletList'),
            ordered: e.isActive('orderedList'),
            link: e.isActive('link'),
          }
        : null,
  });

  // Undo/redo of the designer replaces the text from outside: show it without reporting it back.
  useEffect(() => {
    if (editor && !editor.isDestroyed && html !== (editor.isEmpty ? '' : editor.getHTML()))
      editor.commands.setContent(html, { emitUpdate: false });
  }, [editor, html]);

  if (!editor) return <p className="muted">{t('common.loading')}</p>;
  const chain = () => editor.chain().focus();
  const button = (key: keyof NonNullable<typeof active>, text: ReactNode, run: () => void) => (
    <button
      type="button"
      className={active?.[key] ? 'btn pd-rich-btn on' : 'btn pd-rich-btn'}
      aria-pressed={active?.[key] ?? false}
      aria-label={t(`pageDesigner.rich.${key}`)}
      title={t(`pageDesigner.rich.${key}`)}
      onClick={run}
    >
      {text}
    </button>
  );
  return (
    <div className="pd-rich" data-testid="pd-rich">
      <div className="pd-rich-toolbar" role="toolbar" aria-label={t('pageDesigner.rich.toolbar')}>
        {button('bold', 'B', () => chain().toggleBold().run())}
        {button('italic', 'I', () => chain().toggleItalic().run())}
        {button('h2', 'H2', () => chain().toggleHeading({ level: 2 }).run())}
        {button('h3', 'H3', () => chain().toggleHeading({ level: 3 }).run())}
        {button('bullet', '•', () => chain().toggleBulletList().run())}
        {button('ordered', '1.', () => chain().toggleOrderedList().run())}
        {button('link', <Icon name="link" className="pd-svg" />, () =>
          active?.link
            ? chain().unsetLink().run()
            : setLinking(editor.getAttributes('link').href ?? 'https://'),
        )}
      </div>
      {linking !== null && (
        <form
          className="pd-rich-link"
          onSubmit={(e) => {
            e.preventDefault();
            if (/^(https?:\/\/|mailto:|tel:|\/)/.test(linking))
              chain().extendMarkRange('link').setLink({ href: linking }).run();
            setLinking(null);
          }}
        >
          <input
            aria-label={t('pageDesigner.rich.linkUrl')}
            value={linking}
            // biome-ignore lint/a11y/noAutofocus: the field was opened by the button just pressed
            autoFocus
            onChange={(e) => setLinking(e.target.value)}
          />
          <button type="submit" className="btn">
            {t('pageDesigner.rich.linkApply')}
          </button>
          <button type="button" className="btn ghost" onClick={() => setLinking(null)}>
            {t('common.cancel')}
          </button>
        </form>
      )}
      <EditorContent editor={editor} />
    </div>
  );
}

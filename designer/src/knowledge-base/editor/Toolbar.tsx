import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorVariant } from './extensions';
import { type IconName, ToolIcon } from './icons';

export interface ToolbarActions {
  link: () => void;
  image?: () => void;
  video?: () => void;
  attach?: () => void;
}

/** The formatting buttons; they show what applies at the cursor and keep the editor's focus. */
export function Toolbar({
  editor,
  variant,
  actions,
  busy,
}: {
  editor: Editor;
  variant: EditorVariant;
  actions: ToolbarActions;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      strike: e.isActive('strike'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      blockquote: e.isActive('blockquote'),
      code: e.isActive('code') || e.isActive('codeBlock'),
      link: e.isActive('link'),
      table: e.isActive('table'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  const tool = (
    id: string,
    label: string,
    content: ReactNode,
    run: () => void,
    options: { active?: boolean; disabled?: boolean } = {},
  ) => (
    <button
      key={id}
      type="button"
      className={options.active ? 'kb-tool active' : 'kb-tool'}
      data-testid={`tool-${id}`}
      title={label}
      aria-label={label}
      aria-pressed={options.active === undefined ? undefined : options.active}
      disabled={options.disabled || busy}
      onMouseDown={(event) => event.preventDefault()}
      onClick={run}
    >
      {content}
    </button>
  );
  const icon = (name: IconName) => <ToolIcon name={name} />;
  // Nothing selected: a code block for commands and listings; a selection: inline code.
  const toolCode = () =>
    editor.isActive('codeBlock') || (variant === 'article' && editor.state.selection.empty && !s.code)
      ? chain().toggleCodeBlock().run()
      : chain().toggleCode().run();

  return (
    <div className="kb-toolbar" role="toolbar" aria-label={t('kb.editor.toolbar')}>
      <div className="kb-tool-group">
        {variant === 'article' &&
          tool('h2', t('kb.editor.h2'), 'H2', () => chain().toggleHeading({ level: 2 }).run(), {
            active: s.h2,
          })}
        {tool('h3', t('kb.editor.h3'), 'H3', () => chain().toggleHeading({ level: 3 }).run(), {
          active: s.h3,
        })}
      </div>
      <div className="kb-tool-group">
        {tool('bold', t('kb.editor.bold'), <b>B</b>, () => chain().toggleBold().run(), { active: s.bold })}
        {tool('italic', t('kb.editor.italic'), <i>I</i>, () => chain().toggleItalic().run(), {
          active: s.italic,
        })}
        {tool('underline', t('kb.editor.underline'), <u>U</u>, () => chain().toggleUnderline().run(), {
          active: s.underline,
        })}
        {tool('strike', t('kb.editor.strike'), <s>S</s>, () => chain().toggleStrike().run(), {
          active: s.strike,
        })}
      </div>
      <div className="kb-tool-group">
        {tool(
          'bullet-list',
          t('kb.editor.bulletList'),
          icon('bulletList'),
          () => chain().toggleBulletList().run(),
          {
            active: s.bulletList,
          },
        )}
        {tool(
          'ordered-list',
          t('kb.editor.orderedList'),
          icon('orderedList'),
          () => chain().toggleOrderedList().run(),
          { active: s.orderedList },
        )}
        {tool('quote', t('kb.editor.quote'), icon('quote'), () => chain().toggleBlockquote().run(), {
          active: s.blockquote,
        })}
        {tool('code', t('kb.editor.code'), icon('code'), toolCode, { active: s.code })}
      </div>
      <div className="kb-tool-group">
        {tool('link', t('kb.editor.link'), icon('link'), actions.link, { active: s.link })}
        {variant === 'article' &&
          tool('table', t('kb.editor.table'), icon('table'), () =>
            chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
          )}
        {actions.image && tool('image', t('kb.editor.image'), icon('image'), actions.image)}
        {actions.video && tool('video', t('kb.editor.video'), icon('video'), actions.video)}
        {actions.attach && tool('attach', t('kb.editor.attach'), icon('attach'), actions.attach)}
      </div>
      <div className="kb-tool-group">
        {tool('undo', t('kb.editor.undo'), icon('undo'), () => chain().undo().run(), {
          disabled: !s.canUndo,
        })}
        {tool('redo', t('kb.editor.redo'), icon('redo'), () => chain().redo().run(), {
          disabled: !s.canRedo,
        })}
      </div>
      {s.table && (
        <div className="kb-tool-group kb-table-tools" data-testid="table-tools">
          {tool('row-add', t('kb.editor.rowAdd'), t('kb.editor.rowAddShort'), () =>
            chain().addRowAfter().run(),
          )}
          {tool('row-remove', t('kb.editor.rowRemove'), t('kb.editor.rowRemoveShort'), () =>
            chain().deleteRow().run(),
          )}
          {tool('col-add', t('kb.editor.colAdd'), t('kb.editor.colAddShort'), () =>
            chain().addColumnAfter().run(),
          )}
          {tool('col-remove', t('kb.editor.colRemove'), t('kb.editor.colRemoveShort'), () =>
            chain().deleteColumn().run(),
          )}
          {tool('table-remove', t('kb.editor.tableRemove'), t('kb.editor.tableRemoveShort'), () =>
            chain().deleteTable().run(),
          )}
        </div>
      )}
    </div>
  );
}

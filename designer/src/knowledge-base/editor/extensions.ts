import type { Extensions } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import { SelectAfterBlock } from './select-after-block';
import { Video } from './video-node';

export type EditorVariant = 'article' | 'simple';

/**
 * What an article may contain, matching what the server's sanitizer keeps: headings 2–3 (the title is the
 * page's h1), lists, quotes, code, links, tables, images and video players. Announcements get text only.
 */
export function editorExtensions(variant: EditorVariant): Extensions {
  const starter = StarterKit.configure({
    heading: { levels: variant === 'article' ? [2, 3] : [3] },
    // No new tab by default: links inside the portal open in place; the link dialog sets it for other sites.
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: 'https',
      HTMLAttributes: { target: null, rel: null },
    },
    codeBlock: variant === 'article' ? {} : false,
    horizontalRule: variant === 'article' ? {} : false,
  });
  if (variant === 'simple') return [starter];
  return [
    starter,
    SelectAfterBlock,
    Image.configure({ inline: false, allowBase64: false }),
    TableKit.configure({ table: { resizable: false } }),
    Video,
  ];
}

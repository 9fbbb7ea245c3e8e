import { mergeAttributes, Node } from '@tiptap/core';
import { isEmbedSrc } from '../video-embed';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    video: {
      /** Inserts a video player (an `<iframe>` of YouTube, Rutube, VK Видео or Vimeo) at the cursor. */
      setVideo: (src: string) => ReturnType;
    };
  }
}

/** Attributes the server keeps on an iframe; the player needs no others. */
const playerAttributes = {
  'data-type': 'video',
  frameborder: '0',
  allow: 'autoplay; encrypted-media; fullscreen; picture-in-picture',
};

/**
 * A video embed as one block: stored as `<iframe src=…>` of a known player, so the article's HTML stays what
 * the server keeps and the portal shows. In the editor the player does not take the mouse, so a click selects
 * the block (to move or delete it) instead of starting the video.
 */
export const Video = Node.create({
  name: 'video',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    return {
      src: { default: null },
      title: { default: null },
    };
  },

  parseHTML() {
    return [
      {
        tag: 'iframe[src]',
        getAttrs: (el) => (isEmbedSrc(el.getAttribute('src') ?? '') ? null : false),
      },
    ];
  },

  renderHTML({ HTMLAttributes }) {
    return ['iframe', mergeAttributes(HTMLAttributes, playerAttributes)];
  },

  addNodeView() {
    return ({ node }) => {
      const dom = document.createElement('div');
      dom.className = 'kb-video';
      dom.dataset.testid = 'kb-video';
      const frame = document.createElement('iframe');
      frame.src = String(node.attrs.src ?? '');
      frame.title = String(node.attrs.title ?? 'video');
      frame.setAttribute('allow', playerAttributes.allow);
      frame.tabIndex = -1;
      dom.append(frame);
      return { dom };
    };
  },

  addCommands() {
    return {
      setVideo:
        (src) =>
        ({ chain }) =>
          isEmbedSrc(src) &&
          chain().insertContent({ type: this.name, attrs: { src } }).selectAfterBlock().run(),
    };
  },
});

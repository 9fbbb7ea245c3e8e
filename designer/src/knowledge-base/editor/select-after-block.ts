import { Extension } from '@tiptap/core';
import { NodeSelection, Selection, TextSelection } from '@tiptap/pm/state';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    selectAfterBlock: {
      /**
       * Puts the cursor after a just-inserted image or video (adding a paragraph when nothing follows), so typing
       * goes on below it and the next insertion does not replace it.
       */
      selectAfterBlock: () => ReturnType;
    };
  }
}

export const SelectAfterBlock = Extension.create({
  name: 'selectAfterBlock',
  addCommands() {
    return {
      selectAfterBlock:
        () =>
        ({ tr, state, dispatch }) => {
          if (!(tr.selection instanceof NodeSelection)) return true;
          if (!dispatch) return true;
          const after = tr.selection.to;
          const $after = tr.doc.resolve(after);
          const next = $after.nodeAfter?.isTextblock ? Selection.findFrom($after, 1, true) : null;
          if (next) tr.setSelection(next);
          else {
            tr.insert(after, state.schema.nodes.paragraph!.create());
            tr.setSelection(TextSelection.create(tr.doc, after + 1));
          }
          return true;
        },
    };
  },
});

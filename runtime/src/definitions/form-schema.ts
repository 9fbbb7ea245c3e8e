import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { DefinitionKey, ElementId, LText, literals, Strict } from './common-schemas.js';

const Children = (self: TSchema) => Type.Array(self, { maxItems: 1000 });

/** Layout elements nest (blocks, columns, tabs hold children), hence the recursive schema. */
export const FormElementSchema = Type.Recursive(
  (self) =>
    Type.Union([
      Strict({
        id: ElementId,
        type: Type.Literal('field'),
        field: Type.String({ minLength: 1, maxLength: 63 }),
        label: Type.Optional(LText),
        readOnly: Type.Optional(Type.Boolean()),
        hidden: Type.Optional(Type.Boolean()),
        width: Type.Optional(literals(['full', 'half', 'third', 'quarter'])),
        visibleIf: Type.Optional(Type.String({ maxLength: 1000 })),
      }),
      Strict({
        id: ElementId,
        type: Type.Literal('block'),
        title: Type.Optional(LText),
        collapsible: Type.Optional(Type.Boolean()),
        children: Children(self),
      }),
      Strict({
        id: ElementId,
        type: Type.Literal('columns'),
        columns: Type.Array(
          Strict({
            id: ElementId,
            width: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
            children: Children(self),
          }),
          { minItems: 1, maxItems: 4 },
        ),
      }),
      Strict({
        id: ElementId,
        type: Type.Literal('tabs'),
        tabs: Type.Array(Strict({ id: ElementId, title: LText, children: Children(self) }), {
          minItems: 1,
          maxItems: 20,
        }),
      }),
      Strict({
        id: ElementId,
        type: Type.Literal('heading'),
        text: LText,
        level: Type.Optional(Type.Union([Type.Literal(2), Type.Literal(3), Type.Literal(4)])),
      }),
      Strict({ id: ElementId, type: Type.Literal('divider') }),
      Strict({ id: ElementId, type: Type.Literal('text'), text: LText }),
    ]),
  { $id: 'FormElement' },
);

export const FormBodySchema = Strict({
  schemaVersion: Type.Literal(1),
  entity: DefinitionKey,
  purpose: literals(['create', 'edit', 'card', 'portal']),
  title: Type.Optional(LText),
  layout: Type.Array(FormElementSchema, { maxItems: 1000 }),
});

export type FormBody = Static<typeof FormBodySchema>;
export type FormElement = Static<typeof FormElementSchema>;

/** Every element of a layout, depth first, with its JSON pointer relative to the form body. */
export function* walkLayout(
  elements: FormElement[],
  at = '/layout',
): Generator<{ element: FormElement; pointer: string }> {
  for (const [index, element] of elements.entries()) {
    const pointer = `${at}/${index}`;
    yield { element, pointer };
    if (element.type === 'block') yield* walkLayout(element.children as FormElement[], `${pointer}/children`);
    if (element.type === 'columns')
      for (const [c, column] of element.columns.entries())
        yield* walkLayout(column.children as FormElement[], `${pointer}/columns/${c}/children`);
    if (element.type === 'tabs')
      for (const [t, tab] of element.tabs.entries())
        yield* walkLayout(tab.children as FormElement[], `${pointer}/tabs/${t}/children`);
  }
}

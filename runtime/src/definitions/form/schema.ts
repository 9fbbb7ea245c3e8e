import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { HttpStepConfigSchema } from '../../steps/http-step/schema.js';
import { DefinitionKey, ElementId, LText, literals, Strict } from '../common-schemas.js';

const Children = (self: TSchema) => Type.Array(self, { maxItems: 1000 });
/** An expression of the forms language (runtime/src/forms/expressions), e.g. `priority >= 4 and vip`. */
const Expression = Type.String({ minLength: 1, maxLength: 1000 });

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
        /** Required on this form while the field is visible (the data type may leave it optional). */
        required: Type.Optional(Type.Boolean()),
        width: Type.Optional(literals(['full', 'half', 'third', 'quarter'])),
        visibleIf: Type.Optional(Expression),
        /** The field's value is computed from others (and read-only on the form); the server recomputes it. */
        computed: Type.Optional(Expression),
      }),
      Strict({
        id: ElementId,
        type: Type.Literal('block'),
        title: Type.Optional(LText),
        collapsible: Type.Optional(Type.Boolean()),
        visibleIf: Type.Optional(Expression),
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
        tabs: Type.Array(
          Strict({
            id: ElementId,
            title: LText,
            visibleIf: Type.Optional(Expression),
            children: Children(self),
          }),
          {
            minItems: 1,
            maxItems: 20,
          },
        ),
      }),
      Strict({
        id: ElementId,
        type: Type.Literal('heading'),
        text: LText,
        level: Type.Optional(Type.Union([Type.Literal(2), Type.Literal(3), Type.Literal(4)])),
      }),
      Strict({ id: ElementId, type: Type.Literal('divider') }),
      /** Records of another type that point at this one through a relation field (a client's requests). */
      Strict({
        id: ElementId,
        type: Type.Literal('related'),
        entity: DefinitionKey,
        field: Type.String({ minLength: 1, maxLength: 63 }),
        title: Type.Optional(LText),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
      }),
      Strict({ id: ElementId, type: Type.Literal('text'), text: LText }),
    ]),
  { $id: 'FormElement' },
);

/** What happens after a submitted record is saved, in order; a failing action is reported, the record stays saved. */
export const SubmitActionSchema = Type.Union([
  Strict({
    type: Type.Literal('script'),
    script: DefinitionKey,
    /** Field whose value receives the script's output (optional). */
    resultField: Type.Optional(Type.String({ minLength: 1, maxLength: 63 })),
  }),
  Strict({ type: Type.Literal('http'), step: HttpStepConfigSchema }),
]);

export const FormBodySchema = Strict({
  schemaVersion: Type.Literal(1),
  entity: DefinitionKey,
  purpose: literals(['create', 'edit', 'card', 'portal']),
  title: Type.Optional(LText),
  layout: Type.Array(FormElementSchema, { maxItems: 1000 }),
  onSubmit: Type.Optional(Type.Array(SubmitActionSchema, { maxItems: 20 })),
});

export type FormBody = Static<typeof FormBodySchema>;
export type FormElement = Static<typeof FormElementSchema>;
export type SubmitAction = Static<typeof SubmitActionSchema>;

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

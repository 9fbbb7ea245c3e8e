import type { CompiledForm } from '@opora/runtime/forms';

export interface Person {
  name: string;
  email?: string | null;
}

/** Longest topic put into a text field without a limit of its own: a path of titles, not an essay. */
const topicLimit = 300;

/**
 * What a portal form can fill in for the person before they type (all of it editable): their name and e-mail when
 * signed in, and the topic (e.g. the helper's path) in the data type's title field. Only fields the person may
 * change on this form are filled; the name goes to a text field named like one (`contactName`, `fullName`…).
 */
export function portalPrefill(
  compiled: CompiledForm,
  person: Person | null,
  topic: string,
): Record<string, string> {
  const open = compiled.fields.filter((f) => !f.locked);
  const values: Record<string, string> = {};
  const titleKey = compiled.entity.titleField;
  const title = open.find(
    (f) => f.key === titleKey && (f.field.type === 'string' || f.field.type === 'text'),
  );
  if (title && topic) values[title.key] = clip(topic, maxLength(title.field) ?? topicLimit);
  if (person) {
    const email = open.find((f) => f.field.type === 'email');
    if (email && person.email) values[email.key] = person.email;
    const name = open.find((f) => f.field.type === 'string' && f.key !== titleKey && /name$/i.test(f.key));
    if (name && person.name) values[name.key] = clip(person.name, maxLength(name.field) ?? topicLimit);
  }
  return values;
}

const maxLength = (field: object): number | undefined =>
  'maxLength' in field && typeof field.maxLength === 'number' ? field.maxLength : undefined;

/** Cut at a whole character (not inside a surrogate pair), with an ellipsis when cut. */
function clip(text: string, limit: number): string {
  const chars = Array.from(text);
  return chars.length <= limit ? text : `${chars.slice(0, Math.max(0, limit - 1)).join('')}…`;
}

import type { Moddle, ModdleElement } from 'bpmn-moddle';

/**
 * One element as an XML fragment that declares the namespaces it uses, without the XML preamble. `namespaces`
 * are the file's prefix declarations (`xmlns:signavio`): an attribute of another tool, deep inside, needs its
 * prefix declared, so they are lent to the element while it is written.
 */
export async function fragment(
  moddle: Moddle,
  element: ModdleElement,
  namespaces: Record<string, string> = {},
): Promise<string> {
  const attrs = element.$attrs;
  const lent = attrs ? Object.keys(namespaces).filter((key) => !(key in attrs)) : [];
  for (const key of lent) if (attrs) attrs[key] = namespaces[key] ?? '';
  try {
    const { xml } = await moddle.toXML(element, { format: false });
    return xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  } finally {
    for (const key of lent) if (attrs) delete attrs[key];
  }
}

/**
 * A shallow copy of an element without the properties Opora's body holds (a process without its flow elements,
 * a task without its event definitions); `hasMore` tells whether anything but its id and name is left.
 */
export function without(
  moddle: Moddle,
  element: ModdleElement,
  excluded: ReadonlySet<string>,
): { copy: ModdleElement; hasMore: boolean } {
  const properties: Record<string, unknown> = {};
  let hasMore = false;
  for (const { name } of element.$descriptor.properties) {
    if (excluded.has(name) || name.startsWith('$')) continue;
    const value = element[name];
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
    properties[name] = value;
    if (name !== 'id' && name !== 'name') hasMore = true;
  }
  const copy = moddle.create(element.$type, properties);
  const attrs = element.$attrs ?? {};
  if (Object.keys(attrs).some((key) => !key.startsWith('xmlns'))) hasMore = true;
  if (copy.$attrs) Object.assign(copy.$attrs, attrs);
  return { copy, hasMore };
}

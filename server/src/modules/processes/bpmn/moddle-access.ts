import type { ModdleElement } from 'bpmn-moddle';

/** Typed reads of moddle's loosely typed elements. */
export const many = (element: ModdleElement | undefined, property: string): ModdleElement[] => {
  const value = element?.[property];
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
};

export const one = (element: ModdleElement | undefined, property: string): ModdleElement | undefined => {
  const value = element?.[property];
  return value && typeof value === 'object' && '$type' in value ? (value as ModdleElement) : undefined;
};

export const text = (element: ModdleElement | undefined, property: string): string | undefined => {
  const value = element?.[property];
  return typeof value === 'string' ? value : undefined;
};

/** `bpmn:UserTask` → `userTask`. */
export const localName = (type: string): string => {
  const name = type.slice(type.indexOf(':') + 1);
  return name.charAt(0).toLowerCase() + name.slice(1);
};

/** The body of a formal expression (`<conditionExpression>x &gt; 1</conditionExpression>`). */
export const expressionBody = (element: ModdleElement | undefined): string | undefined => {
  const body = text(element, 'body')?.trim();
  return body ? body : undefined;
};

import type { Locale } from '@opora/runtime/definitions';

export type BpmnRefusal =
  | 'too_large'
  | 'doctype'
  | 'forbidden_name'
  | 'too_deep'
  | 'too_many_elements'
  | 'not_xml'
  | 'not_bpmn'
  | 'no_process'
  | 'kept_too_large';

/**
 * A BPMN file refused as a whole (hostile or beyond the limits); routes answer it with 400 and `code`.
 * The message is already in the caller's language.
 */
export class BpmnRefusedError extends Error {
  readonly status = 400;
  constructor(
    readonly code: BpmnRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'BpmnRefusedError';
  }
}

export const refuse = (locale: Locale, code: BpmnRefusal, ru: string, en: string) =>
  new BpmnRefusedError(code, locale === 'en' ? en : ru);

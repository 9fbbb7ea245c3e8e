import type { OporaClient } from './client.js';

/** Text in Russian (always) and English (when written). */
export interface TemplateText {
  ru: string;
  en?: string;
}

/** A published answer template as the composer offers it; `text` still holds `{{client.firstName}}` and the like. */
export interface AnswerTemplate {
  key: string;
  version: number;
  title: TemplateText;
  text: TemplateText;
  shortcut: string | null;
  tags: string[];
  /** Lines it is offered on; empty: every line. */
  lines: string[];
}

/** The answer templates an operator may insert: searched by shortcut, title, tags and text. */
export class AnswerTemplatesApi {
  constructor(private readonly client: OporaClient) {}

  /** Best matches first (a shortcut starting with `q` first); `line` keeps the line's own and the shared ones. */
  search(
    query: { q?: string; line?: string; locale?: 'ru' | 'en'; limit?: number } = {},
  ): Promise<{ items: AnswerTemplate[] }> {
    return this.client.request('GET', '/answer-templates', { query });
  }
}

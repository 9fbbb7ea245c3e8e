import type { DefinitionKind } from '@opora/sdk';
import { scriptStarterSource } from '@opora/sdk/scripts';
import { starterIntegration } from '../integrations/starter-integration';

/** What the creation page asked: the name and key, a form's data type, an integration's address. */
export interface StarterInput {
  name?: string;
  key?: string;
  entity?: string;
  baseUrl?: string;
}

/**
 * The smallest valid body of each kind, so a new definition starts valid and the analyst edits from there.
 * Titles people will see (a data type's label, a form's heading, a page's title) start as the definition's name,
 * and a page's address as its key.
 */
export function starterBody(kind: DefinitionKind, input: StarterInput = {}): unknown {
  const { name = '', key = '', entity: entityKey = 'request', baseUrl = '' } = input;
  const title = name.trim() ? { ru: name.trim() } : { ru: 'Новое определение', en: 'New definition' };
  switch (kind) {
    case 'entity':
      return {
        schemaVersion: 1,
        label: name.trim() ? { ru: name.trim() } : { ru: 'Новый тип', en: 'New type' },
        titleField: 'name',
        fields: [{ key: 'name', type: 'string', label: { ru: 'Название', en: 'Name' }, required: true }],
      };
    case 'form':
      return { schemaVersion: 1, entity: entityKey, purpose: 'create', title, layout: [] };
    case 'tree':
      return {
        schemaVersion: 2,
        title,
        root: 'start',
        nodes: [
          {
            id: 'start',
            title: { ru: 'С чем вам помочь?', en: 'What do you need help with?' },
            children: ['contact'],
          },
          {
            id: 'contact',
            title: { ru: 'Написать в поддержку', en: 'Write to support' },
            leaf: { type: 'contact', channel: 'form', form: 'feedback' },
          },
        ],
      };
    case 'bot':
      // A greeting on a new dialog: the smallest bot that publishes and does something.
      return {
        schemaVersion: 2,
        title,
        triggers: [{ id: 'start', type: 'newDialog', next: 'greeting' }],
        blocks: [
          {
            id: 'greeting',
            type: 'message',
            typeVersion: 1,
            text: { ru: 'Здравствуйте! Чем можем помочь?', en: 'Hello! How can we help?' },
            exits: { next: 'end' },
          },
          { id: 'end', type: 'end', typeVersion: 1, exits: {} },
        ],
      };
    case 'process':
      return {
        schemaVersion: 2,
        title,
        nodes: [
          {
            id: 'start',
            type: 'bpmn.startEvent',
            typeVersion: 1,
            position: { x: 100, y: 100 },
            config: { trigger: 'none' },
          },
          {
            id: 'end',
            type: 'bpmn.endEvent',
            typeVersion: 1,
            position: { x: 300, y: 100 },
            config: { result: 'none' },
          },
        ],
        flows: [{ id: 'flow', source: 'start', target: 'end' }],
      };
    case 'script':
      return {
        schemaVersion: 1,
        language: 'typescript',
        source: scriptStarterSource,
        integrations: [],
      };
    case 'page':
      return { schemaVersion: 1, title, path: `/${/^[a-z0-9_-]+$/.test(key) ? key : 'new-page'}`, rows: [] };
    case 'portal':
      return {
        schemaVersion: 1,
        name: title,
        colors: { primary: '#2563eb' },
        menu: [{ id: 'kb', label: { ru: 'База знаний', en: 'Knowledge base' }, to: '/kb' }],
      };
    case 'line':
      return {
        schemaVersion: 2,
        title,
        channels: [],
        order: 100,
        rules: [],
        groups: [],
        skills: [],
        priority: 0,
        capacity: 3,
        offerTimeoutSeconds: 60,
      };
    case 'template':
      return { schemaVersion: 2, title, text: { ru: 'Здравствуйте, {{client.firstName}}!' }, lines: [] };
    case 'integration':
      return starterIntegration(baseUrl);
    case 'channel':
      return { schemaVersion: 1, title, settings: { type: 'widget', allowedOrigins: [] } };
  }
}

import { describe, expect, it } from 'vitest';
import { compile } from '../../definitions/ajv.js';
import { buildHttpStepCall, mapHttpStepResponse } from './http-step.js';
import { type HttpStepConfig, HttpStepConfigSchema } from './schema.js';

const config: HttpStepConfig = {
  integration: 'crm',
  method: 'POST',
  path: '/clients/{{client.id}}/notes',
  query: { source: '{{channel}}' },
  headers: { Authorization: 'Bearer {{secret:crm_token}}', 'X-Request': '{{request.number}}' },
  body: {
    text: 'Обращение №{{request.number}}',
    priority: '{{request.priority}}',
    token: '{{secret:crm_token}}',
  },
  response: [
    { variable: 'noteId', pointer: '/note/id' },
    { variable: 'missingOne', pointer: '/nothing/here' },
  ],
  statusVariable: 'httpStatus',
};
const variables = { client: { id: 'a/b c' }, channel: 'портал', request: { number: 42, priority: 3 } };

describe('the no-code HTTP step', () => {
  it('has a schema that accepts the step and names a bad field', () => {
    const validate = compile(HttpStepConfigSchema);
    expect(validate(config)).toBe(true);
    expect(validate({ ...config, method: 'TRACE' })).toBe(false);
  });

  it('fills templates: path values encoded, typed body values, secrets only as references', () => {
    expect(buildHttpStepCall(config, variables)).toEqual({
      integration: 'crm',
      method: 'POST',
      path: '/clients/a%2Fb%20c/notes',
      query: { source: 'портал' },
      headers: { Authorization: ['Bearer ', { $secret: 'crm_token' }], 'X-Request': ['42'] },
      body: { text: 'Обращение №42', priority: 3, token: { $secret: 'crm_token' } },
    });
  });

  it('refuses a secret in the path or inside body text', () => {
    expect(() => buildHttpStepCall({ ...config, path: '/x/{{secret:crm_token}}' }, variables)).toThrow(
      /only in a header or the body/,
    );
    expect(() => buildHttpStepCall({ ...config, body: { a: 'x {{secret:crm_token}}' } }, variables)).toThrow(
      /whole value/,
    );
  });

  it('maps the response by JSON pointer and reports pointers that found nothing', () => {
    expect(mapHttpStepResponse(config, { status: 201, text: '{"note":{"id":"n-1"}}' })).toEqual({
      variables: { noteId: 'n-1', missingOne: null, httpStatus: 201 },
      missing: ['/nothing/here'],
    });
  });
});

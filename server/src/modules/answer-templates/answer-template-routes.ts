import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errorResponses } from '../../http/schemas.js';
import { contactCentre } from '../conversations/contact-centre.js';
import { AnswerTemplateQuerySchema, AnswerTemplateSchema } from './answer-template-schemas.js';
import { findAnswerTemplates } from './published-templates.js';

/** The composer's template picker: published templates of a line, searched by shortcut, title, tags and text. */
export const answerTemplateRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/answer-templates',
    {
      config: { access: contactCentre },
      schema: {
        tags: ['conversations'],
        summary:
          'Published answer templates offered on a line (its own and those for every line), matching `q` in the shortcut, title, tags or text (case- and ё-insensitive); shortcut prefix matches first',
        querystring: AnswerTemplateQuerySchema,
        response: { 200: Type.Object({ items: Type.Array(AnswerTemplateSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: await findAnswerTemplates(app.db, {
        q: request.query.q,
        line: request.query.line,
        locale: request.query.locale ?? 'ru',
        limit: request.query.limit ?? 20,
      }),
    }),
  );
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { dateOf } from '../../adapters/clock.js';
import { requestLocale } from '../../http/error-handler.js';
import { errorResponses, IdParams, Uuid } from '../../http/schemas.js';
import type { Actor } from '../auth/actor.js';
import { linkOrigin } from '../auth/link-origin.js';
import { contactCentre } from '../conversations/contact-centre.js';
import { ConversationSchema } from '../conversations/conversation-schemas.js';
import type { SearchService } from '../kb/search/search-service.js';
import { articleSuggestions } from './article-suggestions.js';
import { type ClientLinkDeps, createClient, linkClient } from './client-link.js';

const tags = ['conversations'];

const SuggestionSchema = Type.Object({
  id: Type.String(),
  key: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  text: Type.String(),
  url: Type.String(),
  audience: Type.Union([Type.Literal('public'), Type.Literal('clients'), Type.Literal('staff')]),
});

/** The column beside a dialog: articles at hand, and the client card the dialog belongs to. */
export const dialogSideRoutes: FastifyPluginAsyncTypebox<ClientLinkDeps & { search: SearchService }> = async (
  app,
  deps,
) => {
  const config = { access: contactCentre };
  const actor = (request: { actor: Actor | null }) => request.actor as Actor;
  const now = () => dateOf(app.clock);

  app.get(
    '/conversations/:id/suggestions',
    {
      config,
      schema: {
        tags,
        summary: 'Knowledge-base articles for a dialog: for `q`, else for the client’s last messages (top 5)',
        description:
          'Without `q` the search reads the client’s last 3 messages (500 characters, newest first). ' +
          'Staff-only articles are included; `url` is the article’s portal address, `text` its plain body cut to 1000 characters.',
        params: IdParams,
        querystring: Type.Object(
          { q: Type.Optional(Type.String({ maxLength: 500 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ query: Type.String(), items: Type.Array(SuggestionSchema) }),
          ...errorResponses,
        },
      },
    },
    (request) =>
      articleSuggestions(
        deps,
        request.params.id,
        request.query.q,
        actor(request),
        linkOrigin(app.settings.publicUrl, request),
      ),
  );

  app.put(
    '/conversations/:id/client',
    {
      config,
      schema: {
        tags,
        summary: 'Link the dialog’s contact (and its other dialogs) to another client card',
        params: IdParams,
        body: Type.Object({ clientRecordId: Uuid }, { additionalProperties: false }),
        response: { 200: ConversationSchema, ...errorResponses },
      },
    },
    (request) => linkClient(deps, request.params.id, request.body.clientRecordId, actor(request), now()),
  );

  app.post(
    '/conversations/:id/client',
    {
      config,
      schema: {
        tags,
        summary:
          'Create a client card from the dialog’s contact (name, e-mail, phone) and link the dialog to it',
        params: IdParams,
        response: {
          201: Type.Object({ conversation: ConversationSchema, clientRecordId: Type.String() }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const made = await createClient(deps, request.params.id, actor(request), requestLocale(request), now());
      return reply.status(201).send(made);
    },
  );
};

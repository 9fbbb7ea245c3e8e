import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { messageLimits } from '@opora/runtime/conversations';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, fail } from '../../http/app-error.js';
import { ErrorResponse, errorResponses, NoContent } from '../../http/schemas.js';
import type { IdentityService } from '../auth/identity-service.js';
import { storeAttachment } from '../conversations/inbound-files.js';
import { type FileStore, SizeLimitExceeded } from '../files/file-store.js';
import { envelopeBytes } from '../files/receive-upload.js';
import { sendStoredFile } from '../files/send-stored-file.js';
import { portalPageVisitor } from './portal-visitor.js';
import type { WidgetRateWindows } from './rate-windows.js';
import { inlineImage, visitorFileTypes } from './upload-types.js';
import { visitorAttachment, visitorHistory } from './visitor-history.js';
import { bearerOf, type VisitorTokens } from './visitor-token.js';
import type { WidgetChannels } from './widget-channels.js';
import { widgetCors } from './widget-cors.js';
import {
  ChannelKeyParams,
  clientMessageIdPattern,
  FileParams,
  HistoryQuery,
  HistorySchema,
  ReportInput,
  SendInput,
  SentSchema,
  SessionInput,
  SessionSchema,
} from './widget-schemas.js';
import { isPortalVisitor, portalVisitorId, type Visitor, type WidgetVisitors } from './widget-service.js';

const tags = ['widget'];
// The widget's own windows (per visitor and per address) decide; the platform's default for anonymous writes
// (30 a minute per address) would cut a busy office behind one NAT short.
const config = { access: 'public' as const, rateLimit: { max: 1000, timeWindow: '1 minute' } };
const attachmentMb = Math.round(messageLimits.attachmentBytes / 1024 / 1024);

export interface WidgetRouteDeps {
  tokens: VisitorTokens;
  visitors: WidgetVisitors;
  identity: IdentityService;
  fileStore: FileStore;
  limits: WidgetRateWindows;
  channels: WidgetChannels;
}

/**
 * The chat widget's API under `/widget/:channelKey/`: anonymous visitors identified by a signed token in the
 * Authorization header (no cookies, so no CSRF), callable from the channel's sites (CORS) and this server's pages.
 */
export const widgetRoutes: FastifyPluginAsyncTypebox<WidgetRouteDeps> = async (app, deps) => {
  const { tokens, visitors, limits } = deps;
  const { db } = app;
  app.addHook('onRequest', (request, reply) => widgetCors(deps.channels, request, reply));
  await app.register(fastifyMultipart, {
    limits: {
      // One byte over the limit reaches the file store, which refuses it and keeps nothing.
      fileSize: messageLimits.attachmentBytes + 1,
      files: 1,
      fields: 2,
      fieldSize: messageLimits.text * 4,
      parts: 3,
      headerPairs: 20,
    },
  });

  const visitorOf = (request: FastifyRequest): Visitor => {
    const { channelKey } = request.params as { channelKey: string };
    const claims = tokens.verify(bearerOf(request.headers.authorization), channelKey);
    if (!claims) throw new AppError(401, 'widget_session_invalid', 'widget_session_invalid');
    return { channelKey: claims.channelKey, visitorId: claims.visitorId };
  };

  app.options(
    '/widget/:channelKey/*',
    {
      config: { access: 'public' },
      schema: { hide: true, params: Type.Object({ channelKey: Type.String(), '*': Type.String() }) },
    },
    (_request, reply) => reply.status(204).send(),
  );

  app.post(
    '/widget/:channelKey/session',
    {
      // The portal's own page sends its cookie here: portal-visitor.ts reads it only for this server's Origin.
      config: { ...config, csrf: 'origin-checked' as const },
      schema: {
        tags,
        summary: 'Start or resume a visitor session (a token to send as Authorization: Bearer)',
        params: ChannelKeyParams,
        body: SessionInput,
        response: { 200: SessionSchema, 429: ErrorResponse, ...errorResponses },
      },
    },
    async (request) => {
      const channel = request.widgetChannel!;
      const held = tokens.verify(request.body.token, channel.key);
      const portalUser = await portalPageVisitor(request, deps.identity);
      // A signed-in client's visitor is theirs only while they are signed in here: after a sign-out the browser
      // (a shared computer, say) starts over as a new anonymous visitor.
      const ownVisitor = portalUser ? portalVisitorId(portalUser) : null;
      let visitorId =
        held && (!isPortalVisitor(held.visitorId) || held.visitorId === ownVisitor)
          ? held.visitorId
          : undefined;
      let recognised = false;
      if (portalUser) {
        const linked = await visitors.linkPortalClient(channel.key, portalUser, [
          portalVisitorId(portalUser),
          ...(held && !isPortalVisitor(held.visitorId) ? [held.visitorId] : []),
        ]);
        if (linked) {
          visitorId = portalVisitorId(portalUser);
          recognised = true;
        }
      }
      if (!visitorId) limits.sessions.take(request.ip);
      const { token, claims } = visitorId
        ? tokens.issue(visitorId, channel.key)
        : tokens.issueNew(channel.key);
      return {
        token,
        visitorId: claims.visitorId,
        expiresAt: claims.expiresAt,
        recognised,
        channel: { key: channel.key, title: channel.title, greeting: channel.greeting },
      };
    },
  );

  app.get(
    '/widget/:channelKey/messages',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "The visitor's history, oldest first: the latest page, or everything after a seq",
        params: ChannelKeyParams,
        querystring: HistoryQuery,
        response: { 200: HistorySchema, ...errorResponses },
      },
    },
    (request) => visitorHistory(db, visitorOf(request), request.query.after, request.query.limit ?? 100),
  );

  app.post(
    '/widget/:channelKey/messages',
    {
      config,
      schema: {
        tags,
        summary:
          'Send a message (or press a button); a retry with the same clientMessageId stores nothing new',
        params: ChannelKeyParams,
        body: SendInput,
        response: { 201: SentSchema, 200: SentSchema, 429: ErrorResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const visitor = visitorOf(request);
      takeMessage(limits, visitor, request.ip);
      const { clientMessageId, text, pressed } = request.body;
      if (!pressed && !text.trim()) throw new AppError(400, 'message_empty', 'widget_message_empty');
      const sent = await visitors.send(visitor, { clientMessageId, text, ...(pressed ? { pressed } : {}) });
      return reply.status(sent.duplicate ? 200 : 201).send(sent);
    },
  );

  app.post(
    '/widget/:channelKey/uploads',
    {
      config,
      schema: {
        tags,
        summary: 'Send a file or picture (multipart: clientMessageId, optional text, then the file)',
        consumes: ['multipart/form-data'],
        params: ChannelKeyParams,
        response: {
          201: SentSchema,
          200: SentSchema,
          413: ErrorResponse,
          415: ErrorResponse,
          429: ErrorResponse,
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const visitor = visitorOf(request);
      limits.uploads.take(visitor.visitorId);
      takeMessage(limits, visitor, request.ip);
      const { fields, file } = await receiveVisitorFile(request, reply, deps.fileStore);
      const clientMessageId = fields.clientMessageId ?? '';
      if (!new RegExp(clientMessageIdPattern).test(clientMessageId))
        throw fail.validation([{ pointer: '/clientMessageId', message: 'clientMessageId' }]);
      const text = (fields.text ?? '').slice(0, messageLimits.text);
      const sent = await visitors.send(visitor, { clientMessageId, text, attachments: [file] });
      return reply.status(sent.duplicate ? 200 : 201).send(sent);
    },
  );

  app.get(
    '/widget/:channelKey/files/:fileId',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "A file of one of the visitor's messages",
        params: FileParams,
        produces: ['application/octet-stream'],
        response: { 200: Type.Unknown({ description: 'The content' }), 304: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const visitor = visitorOf(request);
      const file = await visitorAttachment(db, visitor, request.params.fileId);
      if (!file) throw fail.notFound('file');
      return sendStoredFile(
        request,
        reply,
        { name: file.name, sha256: file.fileId, size: file.size, contentType: file.contentType },
        {
          cacheControl: 'private, max-age=3600',
          inline: inlineImage(file.contentType),
          content: async () => {
            const stream = await deps.fileStore.open(file.fileId);
            if (!stream) throw fail.fileContentMissing();
            return stream;
          },
        },
      );
    },
  );

  app.post(
    '/widget/:channelKey/read',
    {
      config,
      schema: {
        tags,
        summary: 'Report answers up to a seq delivered to the widget or read by the visitor',
        params: ChannelKeyParams,
        body: ReportInput,
        response: { 200: Type.Object({ updated: Type.Integer() }), ...errorResponses },
      },
    },
    async (request) => {
      const visitor = visitorOf(request);
      limits.reports.take(visitor.visitorId);
      return { updated: await visitors.report(visitor, request.body.seq, request.body.state) };
    },
  );

  app.post(
    '/widget/:channelKey/typing',
    {
      config,
      schema: {
        tags,
        summary: 'The visitor is typing (shown to whoever has the conversation open; not stored)',
        params: ChannelKeyParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      const visitor = visitorOf(request);
      limits.typing.take(visitor.visitorId);
      await visitors.typing(visitor);
      return reply.status(204).send(null);
    },
  );
};

function takeMessage(limits: WidgetRateWindows, visitor: Visitor, ip: string) {
  limits.messagesPerIp.take(ip);
  limits.messages.take(visitor.visitorId);
}

/**
 * The one file of an upload, read whole (at most the attachment cap) after its form fields; a file of a type the
 * widget does not take is refused before a byte of it is read, and the connection closed.
 */
async function receiveVisitorFile(request: FastifyRequest, reply: FastifyReply, store: FileStore) {
  if (!request.isMultipart()) throw fail.unsupportedMediaType();
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (declared > messageLimits.attachmentBytes + envelopeBytes) {
    reply.header('connection', 'close');
    throw fail.fileTooLarge(attachmentMb);
  }
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      fields[part.fieldname] = String(part.value);
      continue;
    }
    return { fields, file: await storeFile(part, reply, store) };
  }
  throw fail.fileUploadInvalid('file_missing');
}

/** Streams the visitor's file into the file store; a refused type or size closes the connection. */
async function storeFile(part: MultipartFile, reply: FastifyReply, store: FileStore) {
  const contentType = part.mimetype.toLowerCase();
  if (!visitorFileTypes.includes(contentType)) {
    part.file.destroy();
    reply.header('connection', 'close');
    throw fail.fileTypeNotAllowed(part.filename, visitorFileTypes);
  }
  try {
    return await storeAttachment(store, part.file, { name: part.filename || 'file', contentType });
  } catch (error) {
    reply.header('connection', 'close');
    if (error instanceof SizeLimitExceeded || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw fail.fileTooLarge(attachmentMb);
    throw error;
  }
}

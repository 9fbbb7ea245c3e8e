import type { ErrorDetail } from '@opora/sdk';
import type { Localized, MessageKey, MessageParams } from './messages.js';

/** A detail of an error; its message may wait for the caller's language (see {@link Localized}). */
export type AppErrorDetail = Omit<ErrorDetail, 'message'> & { message: string | Localized };

/** An expected failure with its HTTP status; the error handler renders it as `{ error: { code, message, details } }`. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageKey: MessageKey,
    readonly params: MessageParams = {},
    readonly details: AppErrorDetail[] = [],
  ) {
    super(`${code}: ${messageKey} ${JSON.stringify(params)}`);
    this.name = 'AppError';
  }
}

export const fail = {
  unauthorized: () => new AppError(401, 'unauthorized', 'unauthorized'),
  invalidCredentials: () => new AppError(401, 'invalid_credentials', 'invalid_credentials'),
  forbidden: () => new AppError(403, 'forbidden', 'forbidden'),
  secretsKeyMissing: () => new AppError(503, 'secrets_key_missing', 'secrets_key_missing'),
  secretMissing: (name: string) => new AppError(422, 'secret_missing', 'secret_missing', { name }),
  integrationRefused: (reason: string) =>
    new AppError(422, 'integration_refused', 'integration_refused', { reason }),
  scriptNotPublished: (key: string) =>
    new AppError(404, 'script_not_published', 'script_not_published', { key }),
  csrf: () => new AppError(403, 'csrf_failed', 'csrf_failed'),
  notFound: (what: string) => new AppError(404, 'not_found', 'not_found', { what }),
  validation: (details: AppErrorDetail[]) =>
    new AppError(400, 'validation_failed', 'validation_failed', {}, details),
  badFilter: (filter: string, reason: Localized) =>
    new AppError(400, 'bad_filter', 'bad_filter', { filter, reason }, [
      { pointer: '/filter', message: reason },
    ]),
  badSort: (field: string) =>
    new AppError(400, 'bad_sort', 'bad_sort', { field }, [{ pointer: '/sort', message: field }]),
  badCursor: (param: string, reason: Localized) =>
    new AppError(400, 'bad_cursor', 'bad_cursor', { param, reason }, [
      { pointer: `/querystring/${param}`, message: reason },
    ]),
  versionConflict: (given: number, current: number) =>
    new AppError(409, 'version_conflict', 'version_conflict', { given, current }),
  duplicate: (what: string, pointer: string) =>
    new AppError(409, 'duplicate_key', 'duplicate_key', { what }, [{ pointer, message: what }]),
  hasVersions: () => new AppError(409, 'has_versions', 'has_versions'),
  entityNotPublished: (entity: string) =>
    new AppError(404, 'entity_not_published', 'entity_not_published', { entity }),
  unsupportedMediaType: () => new AppError(415, 'unsupported_media_type', 'unsupported_media_type'),
  fileTooLarge: (limitMb: number) =>
    new AppError(413, 'file_too_large', 'file_too_large', { limit: limitMb }),
  fileTypeNotAllowed: (name: string, accept: readonly string[]) =>
    new AppError(415, 'file_type_not_allowed', 'file_type_not_allowed', { name, accept: accept.join(', ') }),
  fileFieldUnknown: (entity: string, field: string) =>
    new AppError(400, 'file_field_unknown', 'file_field_unknown', { entity, field }, [
      { pointer: '/field', message: field },
    ]),
  fileUploadInvalid: (key: 'file_missing' | 'file_form_order') =>
    new AppError(400, 'file_upload_invalid', key),
  multipartMalformed: () => new AppError(400, 'multipart_malformed', 'multipart_malformed'),
  fileContentMissing: () => new AppError(500, 'file_content_missing', 'file_content_missing'),
  categoryInUse: (articles: number, children: number) =>
    new AppError(409, 'category_in_use', 'category_in_use', { articles, children }),
  articleTransition: (from: string, to: string) =>
    new AppError(409, 'article_transition', 'article_transition', { from, to }),
  articleWasPublished: () => new AppError(409, 'article_was_published', 'article_was_published'),
  portalAccountsOff: () => new AppError(422, 'portal_accounts_off', 'portal_accounts_off'),
  /** `text` is the message in the caller's language, repeated next to the field. */
  emailTaken: (text: string) =>
    new AppError(409, 'email_taken', 'email_taken', {}, [{ pointer: '/email', message: text }]),
  clientEmailKnown: (text: string) =>
    new AppError(409, 'client_email_known', 'client_email_known', {}, [{ pointer: '/email', message: text }]),
  crossOrigin: () => new AppError(403, 'cross_origin', 'cross_origin'),
  definitionInvalid: (details: AppErrorDetail[]) =>
    new AppError(422, 'definition_invalid', 'definition_invalid', {}, details),
  definitionForbidden: (kind: string, action: 'write' | 'publish' | 'archive', roles: readonly string[]) =>
    new AppError(403, 'forbidden', `definition_${action}_forbidden`, { kind, roles: roles.join(', ') }),
  recordsForbidden: (
    entity: string,
    operation: 'read' | 'create' | 'update' | 'delete',
    roles: readonly string[],
  ) => new AppError(403, 'forbidden', `records_${operation}_forbidden`, { entity, roles: roles.join(', ') }),
  foreignClientLink: (fields: readonly string[], text: string) =>
    new AppError(
      403,
      'forbidden',
      'forbidden',
      {},
      fields.map((field) => ({ pointer: `/data/${field}`, message: text })),
    ),
  bundleForbidden: (details: AppErrorDetail[]) =>
    new AppError(403, 'forbidden', 'bundle_forbidden', {}, details),
  /** `text` is the message in the caller's language, repeated next to the field. */
  wrongPassword: (text: string) =>
    new AppError(400, 'wrong_password', 'wrong_current_password', {}, [
      { pointer: '/currentPassword', message: text },
    ]),
  alreadyArchived: (what: string) => new AppError(409, 'already_archived', 'already_archived', { what }),
  nothingToPublish: (version: number) =>
    new AppError(409, 'nothing_to_publish', 'nothing_to_publish', { version }),
  bundleInvalid: (details: AppErrorDetail[]) =>
    new AppError(422, 'bundle_invalid', 'bundle_invalid', {}, details),
};

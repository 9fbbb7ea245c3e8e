import type { ApiErrorBody, ErrorDetail } from './types.js';

/** Thrown by the client for any non-2xx answer; carries the server's error code and per-field details. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];

  constructor(status: number, body: Partial<ApiErrorBody> | undefined) {
    super(body?.error?.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = body?.error?.code ?? 'http_error';
    this.details = body?.error?.details ?? [];
  }

  /** Details whose pointer starts with the given prefix, e.g. all problems of '/body/fields/2'. */
  detailsUnder(prefix: string): ErrorDetail[] {
    return this.details.filter((d) => d.pointer === prefix || d.pointer.startsWith(`${prefix}/`));
  }
}

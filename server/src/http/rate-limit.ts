import type { RateLimitPluginOptions } from '@fastify/rate-limit';
import { AppError } from './app-error.js';

/** Limits are per route (`config.rateLimit`); a refusal says, in the caller's language, how many seconds to wait. */
export const rateLimitOptions: RateLimitPluginOptions = {
  global: false,
  errorResponseBuilder: (_request, context) =>
    new AppError(context.statusCode, 'rate_limited', 'rate_limited', {
      seconds: Math.max(1, Math.ceil(context.ttl / 1000)),
    }),
};

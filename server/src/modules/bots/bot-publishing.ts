import { type BotBody, botProblems } from '@opora/runtime/definitions';
import type { PublishExtension } from '../definitions/definition-service.js';

/**
 * What publishing a bot checks beyond its body alone: a go-to-bot block naming the bot's own key is a jump to
 * itself (the kind's own check sees only blocks that leave the bot unnamed, since it does not know the key).
 */
export function botPublishing(): PublishExtension {
  return {
    async check(body, locale, _tx, target) {
      const bot = body as BotBody;
      const seen = new Set(botProblems(bot, locale).map((p) => `${p.code} ${p.pointer}`));
      return botProblems(bot, locale, target.key)
        .filter((p) => !seen.has(`${p.code} ${p.pointer}`))
        .map((p) => ({ pointer: p.pointer, code: p.code, message: p.message }));
    },
  };
}

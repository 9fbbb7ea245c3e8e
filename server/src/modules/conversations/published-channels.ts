import type { ChannelBody } from '@opora/runtime/definitions';
import type { EmailAdapter } from '../../channels/email/email-adapter.js';
import type { TelegramAdapter } from '../../channels/telegram/telegram-adapter.js';
import type { WebhookAdapter } from '../../channels/webhook/webhook-adapter.js';
import type { Em } from '../../db/database.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import type { SecretService } from '../secrets/secret-service.js';
import type { ChannelDirectory, ResolvedChannel } from './channel-directory.js';

export interface ChannelAdapters {
  telegram: TelegramAdapter;
  email: EmailAdapter;
  webhook: WebhookAdapter;
}

/**
 * Channels as their published definitions say, with the secrets they name read at the moment of use (so a rotated
 * token takes effect at the next send). The widget has no adapter: the server delivers to it itself.
 */
export class PublishedChannels implements ChannelDirectory {
  constructor(
    private readonly definitions: DefinitionService,
    private readonly secrets: SecretService,
    private readonly adapters: ChannelAdapters,
  ) {}

  async body(channelKey: string, em?: Em): Promise<ChannelBody | null> {
    const published = await this.definitions.latestPublished('channel', channelKey, em);
    return (published?.body as ChannelBody | undefined) ?? null;
  }

  async resolve(channelKey: string, em?: Em): Promise<ResolvedChannel | null> {
    const body = await this.body(channelKey, em);
    if (!body) return null;
    const settings = body.settings;
    switch (settings.type) {
      case 'widget':
        return null;
      case 'telegram': {
        const values = await this.secrets.values([settings.tokenSecret, settings.webhookSecret], { em });
        return {
          type: 'telegram',
          adapter: this.adapters.telegram,
          settings: {
            token: values.get(settings.tokenSecret)!,
            webhookSecret: values.get(settings.webhookSecret)!,
            ...(settings.apiRoot ? { apiRoot: settings.apiRoot } : {}),
          },
        };
      }
      case 'email': {
        const { passwordSecret, ...smtp } = settings.smtp;
        const password = passwordSecret
          ? (await this.secrets.values([passwordSecret], { em })).get(passwordSecret)
          : undefined;
        return {
          type: 'email',
          adapter: this.adapters.email,
          settings: {
            address: settings.address,
            displayName: settings.displayName,
            smtp: { ...smtp, password },
          },
        };
      }
      case 'webhook': {
        const secret = (await this.secrets.values([settings.secret], { em })).get(settings.secret)!;
        return {
          type: 'webhook',
          adapter: this.adapters.webhook,
          settings: {
            secret,
            outboundUrl: settings.outboundUrl,
            allowedAddresses: settings.allowedAddresses,
          },
        };
      }
    }
  }
}

import { describe, expect, it } from 'vitest';
import { channelAddresses } from './channel-addresses';

describe('channel addresses', () => {
  it('builds the embed snippet and the addresses to register from the server address and the key', () => {
    expect(channelAddresses('https://support.example.ru/', 'site-chat')).toEqual({
      widgetSnippet:
        '<script src="https://support.example.ru/widget.js" data-channel="site-chat" async></script>',
      telegramWebhook: 'https://support.example.ru/api/v1/channels/site-chat/telegram',
      webhookInbound: 'https://support.example.ru/api/v1/channels/site-chat/webhook',
    });
  });

  it('cannot be made to break out of the attribute or the path', () => {
    const odd = channelAddresses('http://localhost:3000', 'a"><img src=x onerror=alert(1)>/b');
    expect(odd.widgetSnippet).toBe(
      '<script src="http://localhost:3000/widget.js" data-channel="a&quot;&gt;&lt;img src=x onerror=alert(1)&gt;/b" async></script>',
    );
    expect(odd.telegramWebhook).toBe(
      'http://localhost:3000/api/v1/channels/a%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%2Fb/telegram',
    );
  });
});

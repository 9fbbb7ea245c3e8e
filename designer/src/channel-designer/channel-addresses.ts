/**
 * What an administrator pastes elsewhere to connect a channel, built from the address the server is reached at and
 * the channel's key: the widget's embed tag, the URL to register as a Telegram webhook, the inbound URL of the
 * webhook messenger API.
 */
export interface ChannelAddresses {
  widgetSnippet: string;
  telegramWebhook: string;
  webhookInbound: string;
}

const attributeEscapes: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' };
// A key is letters, digits and dashes today; escaped anyway, since the snippet is pasted into someone's HTML.
const attribute = (value: string): string => value.replace(/[&"<>]/g, (c) => attributeEscapes[c] ?? c);

export function channelAddresses(publicUrl: string, key: string): ChannelAddresses {
  const base = publicUrl.replace(/\/+$/, '');
  const path = encodeURIComponent(key);
  return {
    widgetSnippet: `<script src="${attribute(`${base}/widget.js`)}" data-channel="${attribute(key)}" async></script>`,
    telegramWebhook: `${base}/api/v1/channels/${path}/telegram`,
    webhookInbound: `${base}/api/v1/channels/${path}/webhook`,
  };
}

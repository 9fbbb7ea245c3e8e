import { WidgetApi } from './api.js';
import { Chat } from './chat.js';
import { languageOf, textsFor } from './i18n.js';
import { Memory } from './memory.js';
import { buildShell } from './shell.js';

/**
 * `<script src="https://HOST/widget.js" data-channel="KEY" async></script>`: reads its own tag (the channel, the
 * language, `data-mode="page"` for the standalone chat page), finds its server from its own address and puts the
 * chat on the page. Failing to start never breaks the host page: the launcher simply does not appear.
 */
// Read while the script runs: once it has finished (the page still loading), currentScript is null.
const ownScript = document.currentScript as HTMLScriptElement | null;

function boot(): void {
  const script =
    ownScript ?? document.querySelector<HTMLScriptElement>('script[data-channel][src*="widget.js"]');
  const channel = script?.dataset.channel;
  if (!script || !channel) return;
  if (document.querySelector('[data-opora-widget]')) return; // included twice: one chat is enough
  const server = new URL(script.src, location.href).origin;
  const lang = languageOf(script.dataset.lang);
  const texts = textsFor(lang);
  const page = script.dataset.mode === 'page';
  const shell = buildShell(texts, page);
  const chat = new Chat(
    new WidgetApi(server, channel),
    new Memory(server, channel),
    shell,
    texts,
    lang,
    page,
  );
  // The portal says when its user signs in or out (see portal/src/chat/use-site-chat.ts).
  addEventListener('opora-widget:session', () => {
    chat.restart().catch((error: unknown) => console.warn('Opora widget did not restart', error));
  });
  document.body.append(shell.host);
  chat.start().catch((error: unknown) => {
    shell.host.remove();
    console.warn('Opora widget did not start', error);
  });
}

if (document.body) boot();
else document.addEventListener('DOMContentLoaded', boot, { once: true });

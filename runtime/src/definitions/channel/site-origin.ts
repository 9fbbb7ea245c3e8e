import { type Locale, type Problem, pick } from '../kinds.js';
import { siteOriginMaxLength, siteOriginPattern } from './schema.js';

const siteOrigin = new RegExp(siteOriginPattern);
// Scheme, the part before the first slash, and whatever follows it (a path, a query, a fragment).
const addressShape = /^([a-z][a-z0-9+.-]*):\/\/([^/?#\s]*)(.*)$/i;

/**
 * Why a site cannot embed the chat widget under this address, in words an administrator can act on, with the
 * address to type instead where there is one; null for a good origin — exactly what a browser sends as the page's
 * `Origin`. The designer shows it as the admin types (a pattern's own message shows a regular expression); the
 * channel's publish check adds what the pattern cannot see (a default or impossible port).
 */
export function siteOriginProblem(entry: string, locale: Locale): string | null {
  const example = 'https://shop.example.ru';
  if (!entry.trim())
    return pick(
      locale,
      `Введите адрес сайта, например ${example}`,
      `Type the site's address, e.g. ${example}`,
    );
  if (entry.length > siteOriginMaxLength)
    return pick(
      locale,
      `Адрес сайта длиннее ${siteOriginMaxLength} символов`,
      `The site's address is longer than ${siteOriginMaxLength} characters`,
    );
  const shape = addressShape.exec(entry.trim());
  if (!shape)
    return pick(
      locale,
      `«${entry}» — не адрес сайта: нужны схема и хост, например ${example}`,
      `“${entry}” is not a site address: it needs a scheme and a host, e.g. ${example}`,
    );
  const [, scheme = '', host = '', rest = ''] = shape;
  if (!/^https?$/i.test(scheme))
    return pick(
      locale,
      `Сайт открывается по https:// или http://, а не ${scheme}://`,
      `A site opens over https:// or http://, not ${scheme}://`,
    );
  const origin = originOf(scheme, host);
  // Compared with what browsers send as the page's origin: `https://shop.example.ru:443` would never match it.
  if (origin === entry) return null;
  const instead = origin ? `: ${origin}` : '';
  if (rest)
    return pick(
      locale,
      `Только схема и хост, без пути, параметров и косой черты в конце${instead}`,
      `Only the scheme and host, with no path, parameters or trailing slash${instead}`,
    );
  if (host.includes('@'))
    return pick(locale, `Без имени пользователя и пароля${instead}`, `No user name or password${instead}`);
  if (origin) return pick(locale, `Запишите адрес так${instead}`, `Write the address as${instead}`);
  return pick(
    locale,
    `«${entry}» — не адрес сайта: хост из латинских букв, цифр, точек и дефисов, порт от 1 до 65535`,
    `“${entry}” is not a site address: a host of Latin letters, digits, dots and hyphens, a port from 1 to 65535`,
  );
}

/**
 * The origin a browser would send for this scheme and host: lower case, a national domain in its ASCII form
 * (`магазин.рф` → `xn--80aairftm.xn--p1ai`), the default port dropped; '' when it is not one.
 */
function originOf(scheme: string, host: string): string {
  const bare = host.slice(host.lastIndexOf('@') + 1);
  try {
    const url = new URL(`${scheme.toLowerCase()}://${bare}`);
    const origin = `${url.protocol}//${url.hostname}${url.port ? `:${url.port}` : ''}`;
    return siteOrigin.test(origin) ? origin : '';
  } catch {
    return '';
  }
}

/** One problem per allowed origin the widget could not be embedded under, pointing at it in the channel body. */
export function siteOriginProblems(origins: readonly string[], locale: Locale): Problem[] {
  return origins.flatMap((origin, index) => {
    const message = siteOriginProblem(origin, locale);
    return message ? [{ pointer: `/settings/allowedOrigins/${index}`, message, code: 'site_origin' }] : [];
  });
}

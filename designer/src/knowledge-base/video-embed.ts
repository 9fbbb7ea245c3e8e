/** The video hosts an article may embed; the server keeps iframes from these hosts only. */
export type VideoHost = 'youtube' | 'rutube' | 'vk' | 'vimeo';

export interface VideoEmbed {
  host: VideoHost;
  /** Address of the player, for `<iframe src>`. */
  src: string;
}

/** Seconds from YouTube's `t`/`start` (`90`, `90s`, `1m30s`, `1h2m3s`). */
function seconds(value: string | null): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value);
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(value);
  if (!m || !(m[1] || m[2] || m[3])) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

function youtube(url: URL): VideoEmbed | null {
  const host = url.hostname.replace(/^(www|m|music)\./, '');
  let id: string | null = null;
  if (host === 'youtu.be') id = url.pathname.split('/')[1] ?? null;
  else if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    const [, first, second] = url.pathname.split('/');
    if (first === 'watch') id = url.searchParams.get('v');
    else if (first === 'embed' || first === 'shorts' || first === 'live' || first === 'v')
      id = second ?? null;
  } else return null;
  if (!id || !/^[\w-]{6,20}$/.test(id)) return null;
  const start = seconds(url.searchParams.get('t') ?? url.searchParams.get('start'));
  return { host: 'youtube', src: `https://www.youtube.com/embed/${id}${start ? `?start=${start}` : ''}` };
}

function rutube(url: URL): VideoEmbed | null {
  if (url.hostname.replace(/^www\./, '') !== 'rutube.ru') return null;
  const parts = url.pathname.split('/').filter(Boolean);
  // /video/<id>/, /video/private/<id>/?p=<key>, /play/embed/<id>, /shorts/<id>/
  const id =
    parts[0] === 'video'
      ? parts[1] === 'private'
        ? parts[2]
        : parts[1]
      : parts[0] === 'play' && parts[1] === 'embed'
        ? parts[2]
        : parts[0] === 'shorts'
          ? parts[1]
          : undefined;
  if (!id || !/^[a-f0-9]{20,40}$/i.test(id)) return null;
  const key = url.searchParams.get('p');
  const query = key && /^[\w-]+$/.test(key) ? `?p=${key}` : '';
  return { host: 'rutube', src: `https://rutube.ru/play/embed/${id.toLowerCase()}/${query}` };
}

function vk(url: URL): VideoEmbed | null {
  const host = url.hostname.replace(/^(www|m)\./, '');
  if (host !== 'vk.com' && host !== 'vkvideo.ru' && host !== 'vk.ru') return null;
  let oid: string | null = null;
  let id: string | null = null;
  if (url.pathname === '/video_ext.php') {
    oid = url.searchParams.get('oid');
    id = url.searchParams.get('id');
  } else {
    // vk.com/video-123_456, vkvideo.ru/video-123_456, vk.com/…?z=video-123_456%2Fpl_…
    const m = /video(-?\d+)_(\d+)/.exec(`${url.pathname} ${url.searchParams.get('z') ?? ''}`);
    if (m) [, oid = null, id = null] = m;
  }
  if (!oid || !id || !/^-?\d+$/.test(oid) || !/^\d+$/.test(id)) return null;
  const hash = url.searchParams.get('hash');
  const extra = hash && /^\w+$/.test(hash) ? `&hash=${hash}` : '';
  return { host: 'vk', src: `https://vk.com/video_ext.php?oid=${oid}&id=${id}&hd=2${extra}` };
}

function vimeo(url: URL): VideoEmbed | null {
  const host = url.hostname.replace(/^www\./, '');
  if (host !== 'vimeo.com' && host !== 'player.vimeo.com') return null;
  const parts = url.pathname.split('/').filter(Boolean);
  const at = parts.findIndex((p) => /^\d+$/.test(p));
  if (at < 0) return null;
  const id = parts[at];
  // Unlisted videos: vimeo.com/<id>/<hash> or ?h=<hash>.
  const hash = url.searchParams.get('h') ?? (host === 'vimeo.com' ? parts[at + 1] : undefined);
  const query = hash && /^[a-f0-9]{6,20}$/i.test(hash) ? `?h=${hash}` : '';
  return { host: 'vimeo', src: `https://player.vimeo.com/video/${id}${query}` };
}

/**
 * The player address for a video link as people copy it (a watch page, a short link, an embed code):
 * `https://www.youtube.com/watch?v=ID` → `https://www.youtube.com/embed/ID`. Null for anything else.
 */
export function videoEmbed(input: string): VideoEmbed | null {
  let text = input.trim();
  const iframe = /<iframe[^>]*\ssrc=["']([^"']+)["']/i.exec(text);
  if (iframe?.[1]) text = iframe[1].replace(/&amp;/g, '&');
  if (text.startsWith('//')) text = `https:${text}`;
  if (!/^https?:\/\//i.test(text)) text = `https://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  return youtube(url) ?? rutube(url) ?? vk(url) ?? vimeo(url);
}

/** Whether an iframe address is one this editor makes (what the server keeps). */
export function isEmbedSrc(src: string): boolean {
  return /^https:\/\/(www\.youtube\.com\/embed\/|rutube\.ru\/play\/embed\/|vk\.com\/video_ext\.php\?|player\.vimeo\.com\/video\/)/.test(
    src,
  );
}

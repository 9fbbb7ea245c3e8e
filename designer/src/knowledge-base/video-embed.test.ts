import { describe, expect, it } from 'vitest';
import { isEmbedSrc, videoEmbed } from './video-embed';

const src = (url: string) => videoEmbed(url)?.src ?? null;

describe('video links to player addresses', () => {
  it('YouTube: watch pages, short links, shorts, embeds, start time', () => {
    expect(src('https://www.youtube.com/watch?v=dQw4w9WgXcQ')).toBe(
      'https://www.youtube.com/embed/dQw4w9WgXcQ',
    );
    expect(src('https://youtu.be/dQw4w9WgXcQ?t=90')).toBe(
      'https://www.youtube.com/embed/dQw4w9WgXcQ?start=90',
    );
    expect(src('youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s')).toBe(
      'https://www.youtube.com/embed/dQw4w9WgXcQ?start=90',
    );
    expect(src('https://m.youtube.com/shorts/abcdEFGH123')).toBe('https://www.youtube.com/embed/abcdEFGH123');
    expect(src('https://www.youtube.com/embed/dQw4w9WgXcQ')).toBe(
      'https://www.youtube.com/embed/dQw4w9WgXcQ',
    );
    expect(videoEmbed('https://youtu.be/dQw4w9WgXcQ')?.host).toBe('youtube');
  });

  it('Rutube: video pages, private links, embeds', () => {
    const id = 'c6cc4d620b1d4338901770a44b3e82f4';
    expect(src(`https://rutube.ru/video/${id}/`)).toBe(`https://rutube.ru/play/embed/${id}/`);
    expect(src(`https://rutube.ru/video/private/${id}/?p=Ab12_cd`)).toBe(
      `https://rutube.ru/play/embed/${id}/?p=Ab12_cd`,
    );
    expect(src(`https://rutube.ru/play/embed/${id}`)).toBe(`https://rutube.ru/play/embed/${id}/`);
  });

  it('VK Видео: vk.com and vkvideo.ru pages, the z= viewer, embeds', () => {
    const out = 'https://vk.com/video_ext.php?oid=-22822305&id=456241864&hd=2';
    expect(src('https://vk.com/video-22822305_456241864')).toBe(out);
    expect(src('https://vkvideo.ru/video-22822305_456241864')).toBe(out);
    expect(src('https://vk.com/club1?z=video-22822305_456241864%2Fpl_cat_trends')).toBe(out);
    expect(src('https://vk.com/video_ext.php?oid=-22822305&id=456241864&hash=abc123')).toBe(
      `${out}&hash=abc123`,
    );
  });

  it('Vimeo: pages, unlisted links, players', () => {
    expect(src('https://vimeo.com/76979871')).toBe('https://player.vimeo.com/video/76979871');
    expect(src('https://vimeo.com/channels/staffpicks/76979871')).toBe(
      'https://player.vimeo.com/video/76979871',
    );
    expect(src('https://vimeo.com/76979871/8272103f6e')).toBe(
      'https://player.vimeo.com/video/76979871?h=8272103f6e',
    );
    expect(src('https://player.vimeo.com/video/76979871')).toBe('https://player.vimeo.com/video/76979871');
  });

  it('takes the address out of a pasted embed code', () => {
    expect(
      src('<iframe width="560" src="https://www.youtube.com/embed/dQw4w9WgXcQ" allowfullscreen></iframe>'),
    ).toBe('https://www.youtube.com/embed/dQw4w9WgXcQ');
  });

  it('refuses other sites and broken links', () => {
    expect(videoEmbed('https://example.com/watch?v=dQw4w9WgXcQ')).toBeNull();
    expect(videoEmbed('https://www.youtube.com/channel/UC123')).toBeNull();
    expect(videoEmbed('javascript:alert(1)')).toBeNull();
    expect(videoEmbed('not a link')).toBeNull();
    expect(videoEmbed('https://evil.com/?youtube.com/watch?v=dQw4w9WgXcQ')).toBeNull();
    expect(videoEmbed('https://youtube.com.evil.com/watch?v=dQw4w9WgXcQ')).toBeNull();
  });

  it('recognizes its own player addresses', () => {
    expect(isEmbedSrc('https://player.vimeo.com/video/1')).toBe(true);
    expect(isEmbedSrc('https://example.com/embed')).toBe(false);
  });
});

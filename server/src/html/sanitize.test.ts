import { describe, expect, it } from 'vitest';
import { htmlToText, sanitizeHtml } from './sanitize.js';

describe('sanitizeHtml', () => {
  it('keeps the formatting authors use', () => {
    const html =
      '<h2>Смена пароля</h2><p>Откройте <strong>Профиль</strong> и <a href="/kb/zabyl-login">статью</a>.</p>' +
      '<ol><li>Шаг</li></ol><table><tbody><tr><td colspan="2">x</td></tr></tbody></table>' +
      '<img src="/api/v1/kb/files/1" alt="Экран">';
    expect(sanitizeHtml(html)).toBe(html.replace('alt="Экран">', 'alt="Экран" />'));
  });

  it('strips scripts, event handlers and javascript: URLs', () => {
    const dirty =
      '<p onclick="steal()">Текст<script>alert(1)</script></p><a href="javascript:alert(1)">x</a>' +
      '<img src="x" onerror="alert(1)"><a href="JaVaScRiPt:alert(1)">y</a><svg onload="alert(1)"></svg>' +
      '<iframe src="https://evil.example/x"></iframe><style>body{}</style><a href="data:text/html,<b>">z</a>';
    const clean = sanitizeHtml(dirty);
    expect(clean).not.toMatch(/script|onclick|onerror|onload|javascript|alert|evil|style|data:|svg/i);
    expect(clean).toContain('<p>Текст</p>');
  });

  it('keeps videos from known players only', () => {
    expect(
      sanitizeHtml('<iframe src="https://www.youtube.com/embed/abc" allowfullscreen></iframe>'),
    ).toContain('youtube.com/embed/abc');
    expect(sanitizeHtml('<iframe src="//www.youtube.com/embed/abc"></iframe>')).not.toContain('youtube');
  });

  it('makes links that open a new tab safe', () => {
    expect(sanitizeHtml('<a href="https://example.com" target="_blank">x</a>')).toContain(
      'rel="noopener noreferrer"',
    );
  });
});

describe('htmlToText', () => {
  it('keeps table cells and line breaks apart', () => {
    expect(
      htmlToText(
        '<table><tr><th>Правило</th><th>Требование</th></tr><tr><td>Длина</td><td>8</td></tr></table>a<br>b',
      ),
    ).toBe('Правило Требование Длина 8 a b');
  });

  it('turns HTML into searchable text', () => {
    expect(
      htmlToText('<h2>Заголовок</h2><p>Один &amp; два</p><script>x()</script><ul><li>а</li><li>б</li></ul>'),
    ).toBe('Заголовок Один & два а б');
  });
});

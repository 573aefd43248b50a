import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, plainText, safeImageSrc, safeLinkHref } from './markdown.js';
import { Markdown } from './markdown-view.js';

const html = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

describe('lesson Markdown', () => {
  it('reads paragraphs, bold, italic, lists and headings', () => {
    const blocks = parseMarkdown(
      'Début de garde.\nUn mail s’affiche.\n\n- **Identité** : « e-CPS »\n- *Urgence*\n  qui continue\n\n1. Signaler\n2. Vérifier\n\n### À retenir',
    );
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'list', 'list', 'heading']);
    expect(html('Un **mot** et un *autre*.')).toBe('<p>Un <strong>mot</strong> et un <em>autre</em>.</p>');
    expect(html('- un\n- deux\n  suite')).toBe('<ul><li>un</li><li>deux suite</li></ul>');
    expect(html('1. un\n2. deux')).toBe('<ol><li>un</li><li>deux</li></ol>');
    expect(html('### Titre')).toBe('<h3>Titre</h3>');
    expect(html('Ligne une\nligne deux\n\nAutre')).toBe('<p>Ligne une ligne deux</p><p>Autre</p>');
    expect(html('> Citation')).toBe('<blockquote><p>Citation</p></blockquote>');
  });

  it('shows images of the site with their alternative text', () => {
    expect(html('![Un faux mail e-CPS](/api/learning/media/0192-abc)')).toBe(
      '<p><img src="/api/learning/media/0192-abc" alt="Un faux mail e-CPS" loading="lazy" style="max-width:100%;height:auto"/></p>',
    );
    expect(parseInline('voir ![schéma](/api/learning/media/x) ici').map((n) => n.type)).toEqual(['text', 'image', 'text']);
  });

  it('never lets HTML or scripts through: they stay visible text', () => {
    const out = html('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n**<b>gras</b>**');
    expect(out).not.toMatch(/<script|<img|<b>|onerror="/);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
    expect(out).toContain('<strong>&lt;b&gt;gras&lt;/b&gt;</strong>');
  });

  it('refuses dangerous or foreign URLs for images and links', () => {
    for (const bad of [
      'javascript:alert(1)',
      'data:image/svg+xml,<svg onload=alert(1)>',
      '//evil.example/x.png',
      '/\\evil.example',
      'https://tracker.example/p.gif',
      'vbscript:x',
    ]) {
      expect(safeImageSrc(bad), bad).toBeNull();
    }
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,x',
      '//evil.example',
      'http://insecure.example',
      'ftp://x',
    ]) {
      expect(safeLinkHref(bad), bad).toBeNull();
    }
    expect(safeLinkHref('https://www.cybermalveillance.gouv.fr/')).toBe('https://www.cybermalveillance.gouv.fr/');
    expect(safeLinkHref('mailto:rssi@ch.example')).toBe('mailto:rssi@ch.example');
    expect(html('![x](javascript:alert(1))')).not.toContain('<img');
    expect(html('[clique](javascript:void0)')).toBe('<p>clique</p>');
    expect(html('[clique](javascript:alert(1))')).not.toContain('<a');
    expect(html('[ANSSI](https://cyber.gouv.fr)')).toBe('<p><a href="https://cyber.gouv.fr" rel="noopener noreferrer">ANSSI</a></p>');
  });

  it('keeps underscores inside words and escaped marks as text', () => {
    expect(plainText(parseInline('fichier_resultats_labo.zip'))).toBe('fichier_resultats_labo.zip');
    expect(html('\\*pas en italique\\*')).toBe('<p>*pas en italique*</p>');
    expect(html('un ** seul')).toBe('<p>un ** seul</p>');
    expect(html('')).toBe('');
  });

  it('reads every screen of the catalogue without losing text', async () => {
    const { loadModules } = await import('../../server/modules/learning/content-loader.js');
    const { join } = await import('node:path');
    const modules = loadModules(join(import.meta.dirname, '../../../content/learning'));
    expect(modules.length).toBeGreaterThan(0);
    for (const m of modules)
      for (const s of m.screens) {
        const out = html(s.body);
        expect(out, `${m.id}/${s.title}`).not.toMatch(/\*\*/);
        expect(out.length).toBeGreaterThan(0);
      }
  });
});

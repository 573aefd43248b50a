import { describe, expect, it } from 'vitest';
import { findPlaceholders, renderPlaceholders, unknownPlaceholders } from './placeholders.js';

describe('placeholders', () => {
  it('finds every placeholder with its offset', () => {
    expect(findPlaceholders('Bonjour {{firstName}}, voir {{link}}')).toEqual([
      { name: 'firstName', index: 8 },
      { name: 'link', index: 28 },
    ]);
  });

  it('reports unknown placeholders once each, including spaced or foreign syntaxes', () => {
    const text = '{{firstName}} {{prenom}} {{ firstName }} {{.FirstName}} {{prenom}} {{}}';
    expect(unknownPlaceholders(text)).toEqual(['prenom', ' firstName ', '.FirstName', '']);
    expect(unknownPlaceholders('{{firstName}} {{service}} {{reportAddress}}')).toEqual([]);
  });

  it('escapes values in HTML, except the link and tracking image the caller built', () => {
    const html = '<p>{{firstName}} – {{service}}</p><a href="{{link}}">x</a>{{trackingImage}}';
    const out = renderPlaceholders(html, {
      firstName: '<b>Zoé</b> & "Léa"',
      service: "Soins d'urgence",
      link: 'https://t.example/c/abc?x=1&amp;y=2',
      trackingImage: '<img src="https://t.example/o/abc" alt="">',
    });
    expect(out).toBe(
      '<p>&#60;b&#62;Zoé&#60;/b&#62; &#38; &#34;Léa&#34; – Soins d&#39;urgence</p>' +
        '<a href="https://t.example/c/abc?x=1&amp;y=2">x</a><img src="https://t.example/o/abc" alt="">',
    );
  });

  it('leaves text (subject, sender name) unescaped in text mode', () => {
    expect(renderPlaceholders('Résultats – {{service}}', { service: 'Gynéco & obstétrique' }, 'text')).toBe(
      'Résultats – Gynéco & obstétrique',
    );
  });

  it('empties known placeholders without value and leaves unknown ones untouched', () => {
    expect(renderPlaceholders('[{{jobTitle}}] {{prenom}}', {})).toBe('[] {{prenom}}');
  });
});

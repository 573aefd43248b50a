import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from './markdown.js';

describe('the library Markdown reader', () => {
  it('reads headings one level under the page title, lists, paragraphs with line breaks and rules', () => {
    const blocks = parseMarkdown(
      '---\nid: x\n---\n# Rançongiciel\n\nIl est 3 h.\nLe poste chiffre.\n\n- Débrancher\n- Appeler\n\n1. ARS\n2. CERT Santé\n\n---\n',
    );
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list', 'list', 'rule']);
    expect(blocks[0]).toEqual({ kind: 'heading', level: 2, inlines: [{ kind: 'text', text: 'Rançongiciel' }] });
    expect(blocks[1]).toMatchObject({ kind: 'paragraph', lines: [[{ text: 'Il est 3 h.' }], [{ text: 'Le poste chiffre.' }]] });
    expect(blocks[2]).toMatchObject({ ordered: false, items: [[{ text: 'Débrancher' }], [{ text: 'Appeler' }]] });
    expect(blocks[3]).toMatchObject({ ordered: true });
  });

  it('keeps bold and code as marked text and leaves HTML as plain text', () => {
    expect(parseInline('**Ne pas** éteindre `srv-01` <img src=x onerror=alert(1)>')).toEqual([
      { kind: 'strong', text: 'Ne pas' },
      { kind: 'text', text: ' éteindre ' },
      { kind: 'code', text: 'srv-01' },
      { kind: 'text', text: ' <img src=x onerror=alert(1)>' },
    ]);
  });

  it('continues a list item on an indented line', () => {
    expect(parseMarkdown('- Isoler le poste\n  sans l’éteindre')[0]).toMatchObject({
      kind: 'list',
      items: [[{ text: 'Isoler le poste' }, { text: ' sans l’éteindre' }]],
    });
  });

  it('reads the "to adapt" quote and checklist boxes, ticked or not', () => {
    const blocks = parseMarkdown('> À adapter : [numéro]\n> la nuit aussi\n\n- [ ] **Sous 24 h** : alerte\n- [x] ARS\n\n- Isoler');
    expect(blocks.map((b) => b.kind)).toEqual(['quote', 'list', 'list']);
    expect(blocks[0]).toEqual({
      kind: 'quote',
      lines: [[{ kind: 'text', text: 'À adapter : [numéro]' }], [{ kind: 'text', text: 'la nuit aussi' }]],
    });
    expect(blocks[1]).toMatchObject({
      checks: [false, true],
      items: [[{ kind: 'strong', text: 'Sous 24 h' }, { text: ' : alerte' }], [{ text: 'ARS' }]],
    });
    expect(blocks[2]).toMatchObject({ checks: [null], items: [[{ text: 'Isoler' }]] });
  });
});

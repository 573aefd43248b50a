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
});

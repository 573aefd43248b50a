import { describe, expect, it } from 'vitest';
import { bytesToBase64, imageMarkdown, imageProblem, insertSnippet, MAX_IMAGE_BYTES } from './media.js';
import { previewSearch, toRuleInput } from './rule-form.js';

describe('images in lesson screens', () => {
  it('accepts the four image types up to 1 MiB', () => {
    expect(imageProblem({ type: 'image/png', size: 10 })).toBeNull();
    expect(imageProblem({ type: 'image/svg+xml', size: 10 })).toBe('type');
    expect(imageProblem({ type: 'image/jpeg', size: MAX_IMAGE_BYTES + 1 })).toBe('size');
  });

  it('encodes large files in base64 without overflowing the stack', () => {
    const bytes = new Uint8Array(200_000).map((_, i) => i % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('writes the Markdown of an image, brackets in the description removed', () => {
    expect(imageMarkdown('Écran [verrouillé]', '/api/learning/media/m1')).toBe('![Écran  verrouillé](/api/learning/media/m1)');
  });

  it('inserts at the cursor on a line of its own', () => {
    expect(insertSnippet('', 0, 0, '![a](/x)')).toEqual({ text: '![a](/x)', cursor: 8 });
    expect(insertSnippet('Avant\nAprès', 6, 6, 'IMG')).toEqual({ text: 'Avant\n\nIMG\n\nAprès', cursor: 10 });
    expect(insertSnippet('Texte', 5, 5, 'IMG').text).toBe('Texte\n\nIMG');
    expect(insertSnippet('a SEL b', 2, 5, 'IMG').text).toBe('a \n\nIMG\n\n b');
  });
});

describe('rule targeting', () => {
  it('builds the preview query with comma lists, leaving empty lists out', () => {
    expect(previewSearch(null, { roleFamilies: [], services: [], sites: [] })).toBe('');
    const q = new URLSearchParams(
      previewSearch('c1', { roleFamilies: ['nurses_care_assistants', 'physicians'], services: [' Urgences ', ''], sites: [] }),
    );
    expect(q.get('curriculumId')).toBe('c1');
    expect(q.get('roleFamilies')).toBe('nurses_care_assistants,physicians');
    expect(q.get('services')).toBe('Urgences');
    expect(q.has('sites')).toBe(false);
  });

  it('cleans the rule input and adds member organizations only for a territory', () => {
    const t = { roleFamilies: ['physicians', 'physicians'], services: [' A '], sites: [] };
    expect(toRuleInput('c1', t, 30)).toEqual({ curriculumId: 'c1', roleFamilies: ['physicians'], services: ['A'], sites: [], dueDays: 30 });
    expect(toRuleInput('c1', t, 30, ['o1']).organizationIds).toEqual(['o1']);
  });
});

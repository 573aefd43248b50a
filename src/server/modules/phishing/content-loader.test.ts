import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPhishingCatalogue, PhishingContentError, parseLandingPageFile, parseTemplateFile } from './content-loader.js';

// A small valid template; each test breaks one thing and checks the error names the right file and line.
function template(lang: 'fr' | 'en', edit: (text: string) => string = (t) => t): string {
  const text = `---
id: demo-notice
language: ${lang}
version: 1
lastReviewed: 2026-11-29
title: Avis de démonstration
theme: it-notice
audiences: [physicians]
fromName: Support
fromLocalPart: support
subject: "Avis pour {{firstName}}"
landingPage: demo-sign-in
phishScale:
  premiseAlignment: low
  premiseRationale: Une prémisse de démonstration sans lien avec le métier.
cues:
  - id: sender
    category: technical
    label: Adresse extérieure
    explanation: Le domaine de l'adresse n'est pas celui de l'établissement.
  - id: urgency
    category: language
    label: Un délai court
    explanation: Un délai court pousse à agir avant de vérifier quoi que ce soit.
  - id: link
    category: technical
    label: Lien inconnu
    explanation: Survolez le lien, le domaine n'est pas celui de l'établissement.
---
<p>Bonjour {{firstName}},</p>
<p data-cue="urgency">Avant ce soir.</p>
<p><a href="{{link}}" data-cue="link">Ouvrir</a></p>
{{trackingImage}}
`;
  return edit(text);
}

function landing(lang: 'fr' | 'en', edit: (text: string) => string = (t) => t): string {
  const text = `---
id: demo-sign-in
language: ${lang}
version: 1
lastReviewed: 2026-11-29
kind: sign-in
title: Connexion de démonstration
---
<main>
<form method="post">
<input name="identifier" type="text">
<input name="password" type="password">
<button type="submit">Se connecter</button>
</form>
</main>
`;
  return edit(text);
}

/** 1-based line of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`fixture has no "${needle}"`);
  return i + 1;
}

function expectError(fn: () => unknown, path: string, line: number, reason: RegExp): void {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(PhishingContentError);
  const e = error as PhishingContentError;
  expect({ path: e.path, line: e.line }).toEqual({ path, line });
  expect(e.message.startsWith(`${path}:${line}: `)).toBe(true);
  expect(e.message).toMatch(reason);
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function catalogue(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rempart-phishing-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'templates'));
  mkdirSync(join(dir, 'landing'));
  const all: Record<string, string> = {
    'templates/demo-notice.fr.html': template('fr'),
    'templates/demo-notice.en.html': template('en'),
    'landing/demo-sign-in.fr.html': landing('fr'),
    'landing/demo-sign-in.en.html': landing('en'),
    ...files,
  };
  for (const [name, text] of Object.entries(all)) if (text !== '') writeFileSync(join(dir, name), text);
  return dir;
}

describe('phishing content loader', () => {
  it('loads a valid catalogue with computed cue count and difficulty', () => {
    const { templates, landingPages } = loadPhishingCatalogue(catalogue({}));
    expect(templates.map((t) => `${t.id}.${t.language}`)).toEqual(['demo-notice.en', 'demo-notice.fr']);
    const fr = templates.find((t) => t.language === 'fr')!;
    expect(fr.cueCount).toBe(3);
    expect(fr.difficulty).toBe('moderately-difficult');
    expect(fr.body.startsWith('<p>Bonjour {{firstName}},</p>')).toBe(true);
    expect(landingPages.map((l) => [l.id, l.kind, l.language])).toEqual([
      ['demo-sign-in', 'sign-in', 'en'],
      ['demo-sign-in', 'sign-in', 'fr'],
    ]);
  });

  const p = 'content/phishing/templates/demo-notice.fr.html';

  it.each([
    ['a wrong type', (t: string) => t.replace('version: 1', 'version: one'), 'version: one', /version/],
    ['an unknown theme', (t: string) => t.replace('theme: it-notice', 'theme: lottery'), 'theme: lottery', /theme/],
    ['an unknown role family', (t: string) => t.replace('[physicians]', '[doctors]'), 'audiences:', /audiences\.0/],
    [
      'an unknown cue category',
      (t: string) => t.replace('category: language', 'category: urgency'),
      'category: urgency',
      /cues\.1\.category/,
    ],
    ['a duplicate cue id', (t: string) => t.replace('id: link', 'id: urgency # again'), 'urgency # again', /duplicate cue id/],
    [
      'an unknown header field',
      (t: string) => t.replace('theme: it-notice', 'theme: it-notice\ndifficulty: easy'),
      'difficulty: easy',
      /difficulty/,
    ],
    ['an unknown placeholder in the subject', (t: string) => t.replace('{{firstName}}"', '{{prenom}}"'), 'subject:', /\{\{prenom\}\}/],
  ])('rejects %s in the header at its line', (_, edit, needle, reason) => {
    const text = template('fr', edit);
    expectError(() => parseTemplateFile(p, text), p, lineOf(text, needle), reason);
  });

  it('rejects a YAML syntax error at its line', () => {
    const text = template('fr', (t) => t.replace('fromName: Support', 'fromName: "Support'));
    expectError(() => parseTemplateFile(p, text), p, lineOf(text, 'fromName:'), /./);
  });

  it('rejects a file without front matter at line 1', () => {
    expectError(() => parseTemplateFile(p, '<p>no header</p>'), p, 1, /missing YAML header/);
  });

  it.each([
    ['an unknown placeholder', '<p>Bonjour {{prenom}}</p>', /unknown placeholder \{\{prenom\}\}/],
    ['a script', '<script>alert(1)</script>', /<script> is not allowed/],
    ['an event handler', '<p onclick="steal()">x</p>', /onclick/],
    ['a remote image', '<img src="https://tracker.example/p.gif" alt="">', /external resource in img src/],
    ['a protocol-relative image', '<img src="//tracker.example/p.gif" alt="">', /external resource/],
    ['a remote CSS background', '<div style="background:url(\'https://x.example/b.png\')">x</div>', /CSS url\(\)/],
    ['a javascript: link', '<a href="javascript:void(0)">x</a>', /script URL/],
    ['a style block', '<style>p{color:red}</style>', /<style> is not allowed/],
    ['an unknown data-cue', '<p data-cue="tone">x</p>', /data-cue="tone" is not a cue/],
  ])('rejects %s in the body at its line', (_, bad, reason) => {
    const text = template('fr', (t) =>
      t.replace('<p data-cue="urgency">Avant ce soir.</p>', `<p data-cue="urgency">Avant ce soir.</p>\n${bad}`),
    );
    expectError(() => parseTemplateFile(p, text), p, lineOf(text, bad), reason);
  });

  it('allows one tracking image only, pointing at the second', () => {
    const text = template('fr', (t) => `${t}<p>{{trackingImage}}</p>\n`);
    expectError(() => parseTemplateFile(p, text), p, lineOf(text, '<p>{{trackingImage}}'), /only once/);
  });

  it('requires {{link}} in an href', () => {
    const text = template('fr', (t) => t.replace('<a href="{{link}}" data-cue="link">Ouvrir</a>', '<span data-cue="link">{{link}}</span>'));
    expectError(() => parseTemplateFile(p, text), p, lineOf(text, '<p>Bonjour'), /\{\{link\}\} in an href/);
  });

  it('requires every body cue to be marked, but not the envelope cues', () => {
    const text = template('fr', (t) => t.replace(' data-cue="urgency"', ''));
    expectError(() => parseTemplateFile(p, text), p, lineOf(text, 'id: urgency'), /cue "urgency" is not marked/);
    // `sender` (technical) is never marked in the body and is accepted: the page shows it on the header.
    expect(parseTemplateFile(p, template('fr')).cues.map((c) => c.id)).toContain('sender');
    const renamed = template('fr', (t) => t.replace('id: sender', 'id: from-address'));
    expectError(() => parseTemplateFile(p, renamed), p, lineOf(renamed, 'id: from-address'), /cue "from-address" is not marked/);
  });

  it('checks landing pages: a post form without action, named fields, a submit button', () => {
    const lp = 'content/phishing/landing/demo-sign-in.fr.html';
    const withAction = landing('fr', (t) => t.replace('<form method="post">', '<form method="post" action="https://evil.example">'));
    expectError(() => parseLandingPageFile(lp, withAction), lp, lineOf(withAction, '<form'), /no action attribute/);
    const get = landing('fr', (t) => t.replace('method="post"', 'method="get"'));
    expectError(() => parseLandingPageFile(lp, get), lp, lineOf(get, '<form'), /method="post"/);
    const unnamed = landing('fr', (t) => t.replace('<input name="password" type="password">', '<input type="password">'));
    expectError(() => parseLandingPageFile(lp, unnamed), lp, lineOf(unnamed, '<input type="password">'), /needs a name/);
    const noForm = landing('fr', (t) => t.replace(/<form[\s\S]*<\/form>/, '<p>rien</p>'));
    expectError(() => parseLandingPageFile(lp, noForm), lp, lineOf(noForm, '<main>'), /needs a <form/);
    const badKind = landing('fr', (t) => t.replace('kind: sign-in', 'kind: payment'));
    expectError(() => parseLandingPageFile(lp, badKind), lp, lineOf(badKind, 'kind:'), /kind/);
  });

  describe('cross-file checks', () => {
    it('requires the file name to match the id', () => {
      const dir = catalogue({ 'templates/demo-notice.fr.html': '', 'templates/other.fr.html': template('fr') });
      expectError(() => loadPhishingCatalogue(dir), join(dir, 'templates/other.fr.html'), 2, /id must be "other"/);
    });

    it('requires both languages', () => {
      const dir = catalogue({ 'templates/demo-notice.en.html': '' });
      expectError(() => loadPhishingCatalogue(dir), join(dir, 'templates/demo-notice.fr.html'), 3, /no English version/);
    });

    it('requires the same cues, landing page and premise alignment in both languages', () => {
      const cues = template('en', (t) => t.replace('category: language', 'category: tactic'));
      const dir = catalogue({ 'templates/demo-notice.en.html': cues });
      expectError(() => loadPhishingCatalogue(dir), join(dir, 'templates/demo-notice.en.html'), lineOf(cues, '  - id: sender'), /cue ids/);
      const alignment = template('en', (t) => t.replace('premiseAlignment: low', 'premiseAlignment: high'));
      const dir2 = catalogue({ 'templates/demo-notice.en.html': alignment });
      expectError(
        () => loadPhishingCatalogue(dir2),
        join(dir2, 'templates/demo-notice.en.html'),
        lineOf(alignment, 'premiseAlignment'),
        /premiseAlignment/,
      );
    });

    it('requires the landing page to exist', () => {
      const fr = template('fr', (t) => t.replace('landingPage: demo-sign-in', 'landingPage: nowhere'));
      const en = template('en', (t) => t.replace('landingPage: demo-sign-in', 'landingPage: nowhere'));
      const dir = catalogue({ 'templates/demo-notice.fr.html': fr, 'templates/demo-notice.en.html': en });
      expectError(
        () => loadPhishingCatalogue(dir),
        join(dir, 'templates/demo-notice.en.html'),
        lineOf(en, 'landingPage'),
        /no landing page "nowhere"/,
      );
    });

    it('rejects a badly named file', () => {
      const dir = catalogue({ 'landing/Demo.html': landing('fr') });
      expectError(() => loadPhishingCatalogue(dir), join(dir, 'landing/Demo.html'), 1, /<id>\.<fr\|en>\.html/);
    });
  });
});

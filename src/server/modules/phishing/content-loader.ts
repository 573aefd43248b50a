import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import {
  isEnvelopeCue,
  type LandingPageHeader,
  landingPageHeaderSchema,
  type TemplateHeader,
  templateHeaderSchema,
} from './content-schema.js';
import { type Difficulty, detectionDifficulty } from './phish-scale.js';
import { findPlaceholders, isPlaceholder } from './placeholders.js';

/** Loads content/phishing (docs/phishing-content.md); every error names the file and the line. */
export interface PhishingTemplateContent extends TemplateHeader {
  body: string;
  path: string;
  cueCount: number;
  difficulty: Difficulty;
}

export interface LandingPageContent extends LandingPageHeader {
  body: string;
  path: string;
}

export interface PhishingCatalogue {
  templates: PhishingTemplateContent[];
  landingPages: LandingPageContent[];
}

export class PhishingContentError extends Error {
  constructor(
    readonly path: string,
    readonly line: number,
    reason: string,
  ) {
    super(`${path}:${line}: ${reason}`);
  }
}

type FieldPath = Array<string | number>;

interface ParsedFile<T> {
  data: T;
  body: string;
  path: string;
  /** Line of a header field (or of its closest existing parent). */
  fieldLine(field: FieldPath): number;
  /** Line of an offset inside the body. */
  bodyLine(offset: number): number;
}

function parseFile<T>(path: string, text: string, schema: z.ZodType<T>): ParsedFile<T> {
  const m = text.match(/^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/);
  if (!m) throw new PhishingContentError(path, 1, 'missing YAML header between --- lines');
  const [, head = '', body = ''] = m;
  const lineCounter = new LineCounter();
  const doc = parseDocument(head, { lineCounter });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new PhishingContentError(path, (e.linePos?.[0]?.line ?? 0) + 1, e.message);
  }
  const fieldLine = (field: FieldPath): number => {
    // Walk up to the closest node that exists (a missing field points at its parent); +1 for the opening ---.
    for (let n = field.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : (doc.getIn(field.slice(0, n), true) as { range?: [number, number, number] } | undefined);
      const offset = (node as { range?: [number, number, number] } | null | undefined)?.range?.[0];
      if (offset !== undefined) return lineCounter.linePos(offset).line + 1;
    }
    return 1;
  };
  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // An unknown field (often a typo) is reported at its own line rather than at the header's start.
    const extra = issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [];
    const field = [...issue.path, ...extra] as FieldPath;
    throw new PhishingContentError(path, fieldLine(field), `${field.join('.') || 'header'}: ${issue.message}`);
  }
  const bodyStart = head.split('\n').length + 3;
  const bodyLine = (offset: number) => bodyStart + (body.slice(0, offset).match(/\n/g)?.length ?? 0);
  return { data: parsed.data, body, path, fieldLine, bodyLine };
}

// Elements that run code, load another document or change where relative URLs and forms go.
const forbiddenElements = /<(script|iframe|frame|object|embed|applet|base|meta)\b/gi;
const tagPattern = /<([a-z][a-z0-9-]*)\b([^>]*)>/gi;
const remoteUrl = /^\s*(https?:)?\/\//i;

function attribute(attrs: string, name: string): string | undefined {
  const m = attrs.match(new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : undefined;
}

/** Checks shared by templates and landing pages: nothing runs, nothing loads from elsewhere. */
function checkSafeHtml(file: ParsedFile<unknown>): void {
  const fail = (offset: number, reason: string) => {
    throw new PhishingContentError(file.path, file.bodyLine(offset), reason);
  };
  const { body } = file;
  for (const m of body.matchAll(forbiddenElements)) fail(m.index, `<${m[1]!.toLowerCase()}> is not allowed`);
  for (const m of body.matchAll(tagPattern)) {
    const [, tag = '', attrs = ''] = m;
    const handler = attrs.match(/(?:^|\s)(on[a-z]+)\s*=/i);
    if (handler) fail(m.index, `event handler attribute ${handler[1]} is not allowed`);
    for (const name of ['href', 'src', 'action', 'formaction']) {
      if (/^\s*(javascript|vbscript):/i.test(attribute(attrs, name) ?? '')) fail(m.index, `${name} must not be a script URL`);
    }
    for (const name of ['src', 'srcset', 'background', 'poster', 'data']) {
      if (remoteUrl.test(attribute(attrs, name) ?? ''))
        fail(m.index, `external resource in ${tag} ${name} (images and styles must be inline)`);
    }
    if (tag.toLowerCase() === 'link' && remoteUrl.test(attribute(attrs, 'href') ?? '')) fail(m.index, 'external stylesheet in <link>');
  }
  for (const m of body.matchAll(/url\(\s*["']?\s*((https?:)?\/\/)/gi)) fail(m.index, 'external resource in a CSS url()');
  for (const m of body.matchAll(/@import\b/gi)) fail(m.index, 'CSS @import is not allowed');
  for (const p of findPlaceholders(body)) {
    if (!isPlaceholder(p.name)) fail(p.index, `unknown placeholder {{${p.name}}}`);
  }
}

function checkTemplate(file: ParsedFile<TemplateHeader>): void {
  const { data, body, path } = file;
  const fail = (offset: number, reason: string) => {
    throw new PhishingContentError(path, file.bodyLine(offset), reason);
  };
  for (const field of ['subject', 'fromName'] as const) {
    const unknown = findPlaceholders(data[field]).find((p) => !isPlaceholder(p.name));
    if (unknown) throw new PhishingContentError(path, file.fieldLine([field]), `${field}: unknown placeholder {{${unknown.name}}}`);
  }
  const notFragment = body.match(/<(!doctype|html|head|body|style)\b/i);
  if (notFragment) fail(notFragment.index!, `<${notFragment[1]}> is not allowed: the body is a fragment with inline styles only`);
  checkSafeHtml(file);
  if (!/\shref\s*=\s*["']?\{\{link\}\}/.test(body)) fail(0, 'the body needs {{link}} in an href');
  const tracking = findPlaceholders(body).filter((p) => p.name === 'trackingImage');
  if (tracking.length > 1) fail(tracking[1]!.index, '{{trackingImage}} may appear only once');
  const cueIds = new Set(data.cues.map((c) => c.id));
  const used = new Set<string>();
  for (const m of body.matchAll(/\sdata-cue\s*=\s*["']([^"']*)["']/g)) {
    if (!cueIds.has(m[1]!)) fail(m.index, `data-cue="${m[1]}" is not a cue of this template`);
    used.add(m[1]!);
  }
  data.cues.forEach((cue, i) => {
    if (!isEnvelopeCue(cue) && !used.has(cue.id)) {
      throw new PhishingContentError(path, file.fieldLine(['cues', i, 'id']), `cue "${cue.id}" is not marked by any data-cue attribute`);
    }
  });
}

function checkLandingPage(file: ParsedFile<LandingPageHeader>): void {
  const fail = (offset: number, reason: string) => {
    throw new PhishingContentError(file.path, file.bodyLine(offset), reason);
  };
  checkSafeHtml(file);
  const forms = [...file.body.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)];
  if (forms.length === 0) fail(0, 'a landing page needs a <form method="post">');
  for (const form of forms) {
    const attrs = form[1] ?? '';
    if ((attribute(attrs, 'method') ?? '').toLowerCase() !== 'post') fail(form.index, 'the form must use method="post"');
    if (attribute(attrs, 'action') !== undefined) fail(form.index, 'the form must have no action attribute: the server sets it');
    const inner = form[2] ?? '';
    const innerStart = form.index + form[0].length - '</form>'.length - inner.length;
    if (!/<button\b|<input\b[^>]*type\s*=\s*["']?submit/i.test(inner)) fail(form.index, 'the form needs a submit button');
    for (const field of inner.matchAll(/<(input|select|textarea)\b([^>]*)>/gi)) {
      const type = (attribute(field[2] ?? '', 'type') ?? '').toLowerCase();
      if (!['submit', 'button', 'reset'].includes(type) && !attribute(field[2] ?? '', 'name')) {
        fail(innerStart + field.index, `every <${field[1]}> needs a name`);
      }
    }
  }
}

export function parseTemplateFile(path: string, text: string): PhishingTemplateContent {
  return toTemplate(readTemplate(path, text));
}

export function parseLandingPageFile(path: string, text: string): LandingPageContent {
  return toLandingPage(readLandingPage(path, text));
}

function readTemplate(path: string, text: string): ParsedFile<TemplateHeader> {
  const file = parseFile(path, text, templateHeaderSchema);
  checkTemplate(file);
  return file;
}

function readLandingPage(path: string, text: string): ParsedFile<LandingPageHeader> {
  const file = parseFile(path, text, landingPageHeaderSchema);
  checkLandingPage(file);
  return file;
}

function toTemplate(file: ParsedFile<TemplateHeader>): PhishingTemplateContent {
  const cueCount = file.data.cues.length;
  const difficulty = detectionDifficulty(cueCount, file.data.phishScale.premiseAlignment);
  return { ...file.data, body: file.body.trim(), path: file.path, cueCount, difficulty };
}

function toLandingPage(file: ParsedFile<LandingPageHeader>): LandingPageContent {
  return { ...file.data, body: file.body.trim(), path: file.path };
}

/** Reads `<id>.<fr|en>.html` files and checks each header matches its file name. */
function readFolder<T extends { id: string; language: string }>(dir: string, read: (path: string, text: string) => ParsedFile<T>) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort();
  return files.map((f) => {
    const path = join(dir, f);
    const name = f.match(/^([a-z0-9]+(?:-[a-z0-9]+)*)\.(fr|en)\.html$/);
    if (!name) throw new PhishingContentError(path, 1, 'file name must be <id>.<fr|en>.html');
    const file = read(path, readFileSync(path, 'utf8'));
    if (file.data.id !== name[1]) throw new PhishingContentError(path, file.fieldLine(['id']), `id must be "${name[1]}" (the file name)`);
    if (file.data.language !== name[2]) {
      throw new PhishingContentError(path, file.fieldLine(['language']), `language must be "${name[2]}" (the file name)`);
    }
    return file;
  });
}

/** Every id exists in French and English; returns the pairs. */
function pairUp<T extends { id: string; language: string }>(files: ParsedFile<T>[]): Array<[ParsedFile<T>, ParsedFile<T>]> {
  const byId = new Map<string, ParsedFile<T>[]>();
  for (const f of files) byId.set(f.data.id, [...(byId.get(f.data.id) ?? []), f]);
  return [...byId.values()].map((group) => {
    const fr = group.find((f) => f.data.language === 'fr');
    const en = group.find((f) => f.data.language === 'en');
    if (!fr || !en) {
      const present = (fr ?? en)!;
      throw new PhishingContentError(
        present.path,
        present.fieldLine(['language']),
        `no ${fr ? 'English' : 'French'} version of "${present.data.id}"`,
      );
    }
    return [fr, en];
  });
}

const sameSet = (a: readonly string[], b: readonly string[]) => [...a].sort().join('\n') === [...b].sort().join('\n');

/** The translation must rate and route exactly like the French original. */
function checkTranslation(fr: ParsedFile<TemplateHeader>, en: ParsedFile<TemplateHeader>): void {
  const mismatch = (field: FieldPath, what: string) => {
    throw new PhishingContentError(en.path, en.fieldLine(field), `${what} differs from ${fr.path}`);
  };
  const a = fr.data;
  const b = en.data;
  if (b.theme !== a.theme) mismatch(['theme'], 'theme');
  if (!sameSet(a.audiences, b.audiences)) mismatch(['audiences'], 'audiences');
  if (b.landingPage !== a.landingPage) mismatch(['landingPage'], 'landingPage');
  if (b.phishScale.premiseAlignment !== a.phishScale.premiseAlignment) mismatch(['phishScale', 'premiseAlignment'], 'premiseAlignment');
  const cues = (t: TemplateHeader) => t.cues.map((c) => `${c.id}:${c.category}`);
  if (!sameSet(cues(a), cues(b))) mismatch(['cues'], 'the list of cue ids and categories');
}

export function loadPhishingCatalogue(dir: string): PhishingCatalogue {
  const landingFiles = readFolder(join(dir, 'landing'), readLandingPage);
  pairUp(landingFiles);
  const templateFiles = readFolder(join(dir, 'templates'), readTemplate);
  for (const [fr, en] of pairUp(templateFiles)) checkTranslation(fr, en);
  for (const t of templateFiles) {
    const exists = landingFiles.some((l) => l.data.id === t.data.landingPage && l.data.language === t.data.language);
    if (!exists) throw new PhishingContentError(t.path, t.fieldLine(['landingPage']), `no landing page "${t.data.landingPage}"`);
  }
  return { templates: templateFiles.map(toTemplate), landingPages: landingFiles.map(toLandingPage) };
}

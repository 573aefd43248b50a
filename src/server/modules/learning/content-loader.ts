import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { type ModuleHeader, moduleHeaderSchema } from './content-schema.js';

export interface LessonScreen {
  title: string;
  body: string;
}

export interface LearningModuleContent extends ModuleHeader {
  screens: LessonScreen[];
  path: string;
}

export class ContentError extends Error {
  constructor(
    readonly path: string,
    readonly line: number,
    reason: string,
  ) {
    super(`${path}:${line}: ${reason}`);
  }
}

/** Parses one module file; errors carry the file path and the line of the offending value. */
export function parseModuleFile(path: string, text: string): LearningModuleContent {
  const m = text.match(/^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/);
  if (!m) throw new ContentError(path, 1, 'missing YAML header between --- lines');
  const [, head = '', body = ''] = m;
  const lineCounter = new LineCounter();
  const doc = parseDocument(head, { lineCounter });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new ContentError(path, (e.linePos?.[0]?.line ?? 0) + 1, e.message);
  }
  const parsed = moduleHeaderSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // Find the line of the offending node in the header (+1 for the opening ---).
    const node = doc.getIn(issue.path as Array<string | number>, true) as { range?: [number, number, number] } | undefined;
    const parent = doc.getIn(issue.path.slice(0, -1) as Array<string | number>, true) as { range?: [number, number, number] } | undefined;
    const offset = node?.range?.[0] ?? parent?.range?.[0];
    const line = offset === undefined ? 1 : lineCounter.linePos(offset).line + 1;
    throw new ContentError(path, line, `${issue.path.join('.')}: ${issue.message}`);
  }
  const headerLines = head.split('\n').length + 2;
  const screens = splitScreens(body);
  if (screens.length === 0) throw new ContentError(path, headerLines + 1, 'the lesson needs at least one "## " screen');
  return { ...parsed.data, screens, path };
}

function splitScreens(body: string): LessonScreen[] {
  const screens: LessonScreen[] = [];
  for (const chunk of body.split(/^## /m).slice(1)) {
    const [title = '', ...rest] = chunk.split('\n');
    screens.push({ title: title.trim(), body: rest.join('\n').trim() });
  }
  return screens;
}

/** Loads every module of a folder and checks the French and English files pair up. */
export function loadModules(dir: string): LearningModuleContent[] {
  const files = readdirSync(dir)
    .filter((f) => /\.(fr|en)\.md$/.test(f))
    .sort();
  const modules = files.map((f) => parseModuleFile(join(dir, f), readFileSync(join(dir, f), 'utf8')));
  for (const mod of modules) {
    const expected = `${mod.id}.${mod.language}.md`;
    if (!mod.path.endsWith(expected)) throw new ContentError(mod.path, 2, `file name must be ${expected}`);
  }
  return modules;
}

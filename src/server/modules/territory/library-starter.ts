import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { type AppDeps, auditActor, type RequestContext, systemContext } from '../../platform/context.js';
import { NotFound } from '../../platform/errors.js';
import { lockKey } from '../identity/shared.js';
import { presentResource, snapshotOf } from './library-present.js';
import { libraryRepo } from './library-repo.js';
import { newResourceRow, newVersionRow } from './library-rows.js';
import { tagString } from './library-schema.js';
import { audiences, type LibraryLanguage, libraryLanguages, resourceKinds } from './library-tables.js';

/** Where the starter set lives: one Markdown file per resource and language (fr/, en/). */
export const STARTER_DIR = 'content/territory/library';

export const starterHeaderSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case id'),
  language: z.enum(libraryLanguages),
  kind: z.enum(resourceKinds),
  audience: z.enum(audiences),
  version: z.number().int().min(1),
  lastReviewed: z.iso.date(),
  title: z.strictObject({ fr: z.string().min(5).max(200), en: z.string().min(5).max(200) }),
  summary: z.string().min(20).max(1000),
  tags: z.array(tagString).min(1).max(20),
});

export interface StarterResource extends z.infer<typeof starterHeaderSchema> {
  body: string;
  path: string;
}

/** Parses one starter file; errors name the file and the field. */
export function parseStarterFile(path: string, text: string): StarterResource {
  const m = text.match(/^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/);
  if (!m) throw new Error(`${path}: missing YAML header between --- lines`);
  const parsed = starterHeaderSchema.safeParse(parse(m[1] ?? ''));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid header'}`);
  }
  const body = (m[2] ?? '').trim();
  if (body.length < 200) throw new Error(`${path}: the body is too short to be useful`);
  return { ...parsed.data, body: `${body}\n`, path };
}

/** Every starter file of every language, sorted by language then id. */
export function loadStarterSet(dir: string = STARTER_DIR): StarterResource[] {
  const out: StarterResource[] = [];
  for (const language of libraryLanguages) {
    const folder = join(dir, language);
    for (const file of readdirSync(folder)
      .filter((f) => f.endsWith('.md'))
      .sort()) {
      const item = parseStarterFile(join(folder, file), readFileSync(join(folder, file), 'utf8'));
      if (item.language !== language) throw new Error(`${item.path}: language ${item.language} in the ${language}/ folder`);
      if (`${item.id}.md` !== file) throw new Error(`${item.path}: the file must be named after its id`);
      out.push(item);
    }
  }
  return out;
}

let cached: StarterResource[] | null = null;

/**
 * Copies the starter resources a territory does not have yet (one per id and language), each as
 * version 1 marked as coming from the starter set. Idempotent: a second call adds nothing, and a
 * resource the territory archived or rewrote is never copied again.
 */
export async function seedStarterLibrary(
  deps: Pick<AppDeps, 'db' | 'dbh' | 'audit' | 'clock'>,
  territoryId: string,
  opts: { ctx?: RequestContext; languages?: LibraryLanguage[]; dir?: string } = {},
) {
  const ctx = opts.ctx ?? systemContext('starter-library');
  const languages = new Set(opts.languages ?? ['fr']);
  if (!opts.dir) cached ??= loadStarterSet(STARTER_DIR);
  const all = opts.dir ? loadStarterSet(opts.dir) : (cached ?? []);
  const items = all.filter((i) => languages.has(i.language));
  return deps.db.transaction().execute(async (trx) => {
    const territory = await trx.selectFrom('territories').select('id').where('id', '=', territoryId).executeTakeFirst();
    if (!territory) throw new NotFound('territory');
    await lockKey(trx, deps.dbh.dialect, `library-starter:${territoryId}`);
    const present = await libraryRepo.starterKeys(trx, territoryId);
    const at = deps.clock.now().toISOString();
    const added = [];
    for (const item of items) {
      const starterKey = `${item.id}.${item.language}`;
      if (present.has(starterKey)) continue;
      const input = {
        title: item.title[item.language],
        summary: item.summary,
        kind: item.kind,
        tags: item.tags,
        audience: item.audience,
        language: item.language,
      };
      const row = newResourceRow(ctx, territoryId, input, { currentVersion: 1, starterKey, at });
      await libraryRepo.insertResource(trx, row, item.tags);
      const note =
        item.language === 'fr' ? `Kit de départ Rempart, version ${item.version}` : `Rempart starter set, version ${item.version}`;
      await libraryRepo.insertVersion(trx, newVersionRow(ctx, row, 1, { body_md: item.body }, note, at));
      await deps.audit.record(trx, auditActor(ctx), {
        action: 'library.resource_created',
        entityType: 'library_resource',
        entityId: row.id,
        territoryId,
        after: { ...snapshotOf(row), starterKey },
      });
      added.push(presentResource(row));
    }
    return { added, alreadyThere: items.length - added.length };
  });
}

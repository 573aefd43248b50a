import { existsSync } from 'node:fs';
import { PostgresAdapter, sql } from 'kysely';
import { toJson } from '../../db/dialect.js';
import type { Db } from '../../db/index.js';
import type { Executor } from '../identity/shared.js';
import { type LandingPageContent, loadPhishingCatalogue, type PhishingTemplateContent } from './content-loader.js';
import { sanitizeEmailHtml, sanitizeLandingHtml } from './sanitize.js';

export interface CatalogueSyncResult {
  templates: number;
  landingPages: number;
  /** Rows inserted, updated to a new version, or archived. */
  changed: number;
}

const pairs = <T extends { id: string }>(files: T[]): Map<string, T[]> => {
  const byId = new Map<string, T[]>();
  for (const f of files) byId.set(f.id, [...(byId.get(f.id) ?? []), f]);
  return byId;
};

/** The French file carries the metadata (the loader checks the English one matches it). */
const main = <T extends { language: string }>(versions: T[]): T => versions.find((v) => v.language === 'fr') ?? versions[0]!;
const versionOf = (versions: Array<{ version: number }>) => Math.max(...versions.map((v) => v.version));

/**
 * Loads content/phishing (templates, landing pages) into the database at start-up. The rows keep
 * their content id, have no organization (catalogue) and are read-only through the API. A row is
 * rewritten only when its content version differs, so a restart changes nothing and campaigns
 * that recorded a version keep meaning it; content dropped from a release is archived, never
 * deleted. Several processes may start together on PostgreSQL: an advisory lock makes them take
 * turns, and the second finds nothing left to do.
 */
export async function syncPhishingCatalogue(db: Db, dir: string, now: string): Promise<CatalogueSyncResult> {
  if (!existsSync(dir)) return { templates: 0, landingPages: 0, changed: 0 };
  const catalogue = loadPhishingCatalogue(dir);
  const landing = pairs(catalogue.landingPages);
  const templates = pairs(catalogue.templates);
  let changed = 0;
  await db.transaction().execute(async (trx) => {
    if (trx.getExecutor().adapter instanceof PostgresAdapter)
      await sql`select pg_advisory_xact_lock(hashtext('rempart:phishing-catalogue'))`.execute(trx);
    changed += await syncLandingPages(trx, landing, now);
    changed += await syncTemplates(trx, templates, now);
  });
  return { templates: templates.size, landingPages: landing.size, changed };
}

async function catalogueVersions(trx: Executor, table: 'phishing_templates' | 'phishing_landing_pages') {
  const rows = await trx.selectFrom(table).select(['id', 'origin', 'version', 'archived']).where('organization_id', 'is', null).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

async function archiveGone(
  trx: Executor,
  table: 'phishing_templates' | 'phishing_landing_pages',
  existing: Map<string, { archived: number }>,
  kept: Map<string, unknown>,
  now: string,
) {
  const gone = [...existing].filter(([id, r]) => !kept.has(id) && r.archived === 0).map(([id]) => id);
  if (gone.length > 0)
    await trx
      .updateTable(table)
      .set({ archived: 1, updated_at: now })
      .where('id', 'in', gone)
      .where('organization_id', 'is', null)
      .execute();
  return gone.length;
}

async function syncLandingPages(trx: Executor, byId: Map<string, LandingPageContent[]>, now: string): Promise<number> {
  const existing = await catalogueVersions(trx, 'phishing_landing_pages');
  let changed = 0;
  for (const [id, versions] of byId) {
    const head = main(versions);
    const version = versionOf(versions);
    const found = existing.get(id);
    if (found && (found.origin !== 'catalogue' || (found.version === version && found.archived === 0))) continue;
    changed++;
    const values = { kind: head.kind, version, archived: 0 as const, updated_at: now };
    if (found) await trx.updateTable('phishing_landing_pages').set(values).where('id', '=', id).execute();
    else
      await trx
        .insertInto('phishing_landing_pages')
        .values({ id, organization_id: null, origin: 'catalogue', created_at: now, ...values })
        .execute();
    await trx.deleteFrom('phishing_landing_page_texts').where('landing_page_id', '=', id).execute();
    await trx
      .insertInto('phishing_landing_page_texts')
      .values(versions.map((v) => ({ landing_page_id: id, language: v.language, title: v.title, html: sanitizeLandingHtml(v.body) })))
      .execute();
  }
  return changed + (await archiveGone(trx, 'phishing_landing_pages', existing, byId, now));
}

async function syncTemplates(trx: Executor, byId: Map<string, PhishingTemplateContent[]>, now: string): Promise<number> {
  const existing = await catalogueVersions(trx, 'phishing_templates');
  let changed = 0;
  for (const [id, versions] of byId) {
    const head = main(versions);
    const version = versionOf(versions);
    const found = existing.get(id);
    if (found && (found.origin !== 'catalogue' || (found.version === version && found.archived === 0))) continue;
    changed++;
    const values = {
      theme: head.theme,
      audiences: toJson(head.audiences),
      landing_page_id: head.landingPage,
      premise_alignment: head.phishScale.premiseAlignment,
      cue_count: head.cueCount,
      difficulty: head.difficulty,
      version,
      archived: 0 as const,
      updated_at: now,
    };
    if (found) await trx.updateTable('phishing_templates').set(values).where('id', '=', id).execute();
    else
      await trx
        .insertInto('phishing_templates')
        .values({ id, organization_id: null, origin: 'catalogue', forked_from: null, created_at: now, ...values })
        .execute();
    await trx.deleteFrom('phishing_template_texts').where('template_id', '=', id).execute();
    await trx
      .insertInto('phishing_template_texts')
      .values(
        versions.map((v) => ({
          template_id: id,
          language: v.language,
          title: v.title,
          from_name: v.fromName,
          from_local_part: v.fromLocalPart,
          subject: v.subject,
          html: sanitizeEmailHtml(v.body),
          cues: toJson(v.cues),
          premise_rationale: v.phishScale.premiseRationale,
        })),
      )
      .execute();
  }
  return changed + (await archiveGone(trx, 'phishing_templates', existing, byId, now));
}

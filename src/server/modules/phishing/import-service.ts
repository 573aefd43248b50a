import type { AppDeps, RequestContext } from '../../platform/context.js';
import { DomainError, Invalid } from '../../platform/errors.js';
import type { Executor } from '../identity/shared.js';
import type { GroupsService } from './groups-service.js';
import { type ImportNote, itemsOf, nameOf, note } from './import.js';
import { mapGroup, mapLandingPage, mapProfile, mapTemplate } from './import-mappers.js';
import type { ImportInput, ImportResultDto } from './import-schema.js';
import type { LandingService } from './landing-service.js';
import type { ProfilesService } from './profiles-service.js';
import type { TemplatesService } from './templates-service.js';

const MAX_ITEMS = 1000;
const EMAIL = /^[^\s@"<>(),;:\\[\]]+@[^\s@"<>(),;:\\[\]]+\.[^\s@"<>(),;:\\[\]]{2,}$/;

type Created = ImportResultDto['created'][number];

/** Thrown at the end of a dry run to roll back everything it wrote. */
class DryRunDone extends Error {}

export interface LibraryServices {
  templates: TemplatesService;
  landing: LandingService;
  groups: GroupsService;
  profiles: ProfilesService;
}

/**
 * Imports one export file. Everything runs in one transaction through the same checks as the
 * editor; a dry run is that same transaction rolled back, so its report is exactly what a real
 * run would do.
 */
export class ImportService {
  constructor(
    private readonly deps: AppDeps,
    private readonly services: LibraryServices,
  ) {}

  async run(ctx: RequestContext, organizationId: string, input: ImportInput): Promise<ImportResultDto> {
    const items = itemsOf(input.data);
    if (items.length > MAX_ITEMS) {
      throw new Invalid(
        'too_many_items',
        { fr: `Au plus ${MAX_ITEMS} éléments par import.`, en: `At most ${MAX_ITEMS} items per import.` },
        'data',
      );
    }
    const created: Created[] = [];
    const skipped: ImportNote[] = [];
    const warnings: ImportNote[] = [];
    try {
      await this.deps.db.transaction().execute(async (trx) => {
        for (const [index, item] of items.entries()) {
          const outcome = await this.one(trx, ctx, organizationId, input, item, index, skipped);
          if (!outcome.ok) skipped.push(outcome.skip);
          else {
            created.push(outcome.created);
            warnings.push(...outcome.warnings);
          }
        }
        if (input.dryRun) throw new DryRunDone();
      });
    } catch (err) {
      if (!(err instanceof DryRunDone)) throw err;
    }
    const local = (n: ImportNote) => ({ name: n.name, field: n.field, reason: ctx.locale === 'en' ? n.reason.en : n.reason.fr });
    return { dryRun: input.dryRun, created, skipped: skipped.map(local), warnings: warnings.map(local) };
  }

  private async one(
    trx: Executor,
    ctx: RequestContext,
    organizationId: string,
    input: ImportInput,
    item: unknown,
    index: number,
    skipped: ImportNote[],
  ): Promise<{ ok: true; created: Created; warnings: ImportNote[] } | { ok: false; skip: ImportNote }> {
    const { templates, landing, groups, profiles } = this.services;
    // PostgreSQL refuses the NUL character in text: refused here rather than failing the import.
    if (JSON.stringify(item ?? null).includes('\\u0000')) {
      return { ok: false, skip: note(nameOf(item, index).replaceAll('\u0000', ''), '', 'Caractère NUL refusé.', 'NUL character refused.') };
    }
    switch (input.kind) {
      case 'templates': {
        const m = mapTemplate(item, index, input.language);
        if (!m.ok) return m;
        const name = m.value.texts[input.language]!.title;
        return this.attempt(name, input.language, m.warnings, 'template', () =>
          templates.createIn(trx, ctx, organizationId, m.value, { origin: 'import' }),
        );
      }
      case 'landing_pages': {
        const m = mapLandingPage(item, index, input.language);
        if (!m.ok) return m;
        const name = m.value.texts[input.language]!.title;
        return this.attempt(name, input.language, m.warnings, 'landing_page', () =>
          landing.createIn(trx, ctx, organizationId, m.value, 'import'),
        );
      }
      case 'groups': {
        const m = mapGroup(item, index);
        if (!m.ok) return m;
        const { name, targets } = m.value;
        const valid = targets.filter((t) => EMAIL.test(t.email));
        const known = await groups.repo.peopleByEmail(trx, organizationId, [...new Set(valid.map((t) => t.email))]);
        const personIds = new Set<string>();
        for (const t of targets) {
          const id = known.get(t.email);
          if (id) personIds.add(id);
          else if (!EMAIL.test(t.email)) {
            skipped.push(
              note(t.email || `${name} #${t.index + 1}`, `targets.${t.index}.email`, 'Adresse e-mail invalide.', 'Invalid email address.'),
            );
          } else {
            skipped.push(
              note(
                t.email,
                `targets.${t.index}.email`,
                'Personne absente de l’annuaire de l’établissement.',
                "Not in the organization's directory.",
              ),
            );
          }
        }
        if (personIds.size === 0) {
          return {
            ok: false,
            skip: note(name, 'targets', 'Aucun membre du groupe n’est dans l’annuaire.', 'No member of the group is in the directory.'),
          };
        }
        const criteria = { personIds: [...personIds].slice(0, 20_000) };
        return this.attempt(name, input.language, [], 'group', () =>
          groups.createIn(trx, ctx, organizationId, { kind: 'target', name, criteria }, 'phishing.group.import'),
        );
      }
      case 'profiles': {
        const m = mapProfile(item, index);
        if (!m.ok) return m;
        return this.attempt(m.value.name, input.language, m.warnings, 'profile', () =>
          profiles.createIn(trx, ctx, organizationId, m.value, 'phishing.profile.import'),
        );
      }
    }
  }

  /** Runs a create; a refusal by our own rules (placeholders, link, name taken) becomes a skip. */
  private async attempt(
    name: string,
    language: string,
    warnings: ImportNote[],
    kind: Created['kind'],
    create: () => Promise<string>,
  ): Promise<{ ok: true; created: Created; warnings: ImportNote[] } | { ok: false; skip: ImportNote }> {
    try {
      return { ok: true, created: { kind, id: await create(), name }, warnings };
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500) throw err;
      const field = (err.field ?? '').replace(`texts.${language}.`, '').replace('fromName', 'envelope_sender');
      return { ok: false, skip: { name, field, reason: err.text } };
    }
  }
}

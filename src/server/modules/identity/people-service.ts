import { fromBool01, toBool01 } from '../../db/dialect.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import type { Locale } from '../../platform/errors.js';
import { NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { peopleCsv } from './people-csv.js';
import { PeopleRepo, type PersonRow, personSearchKey } from './people-repo.js';
import type { CreatePersonInput, FacetsDto, PeopleFilters, PersonDto, UpdatePersonInput } from './schema.js';
import { cleanText, emailTaken, isUniqueViolation, normalizeEmail, type Page } from './shared.js';

export function presentPerson(p: PersonRow): PersonDto {
  return {
    id: p.id,
    organizationId: p.organization_id,
    email: p.email,
    firstName: p.first_name,
    lastName: p.last_name,
    jobTitle: p.job_title,
    roleFamily: p.role_family,
    service: p.service,
    site: p.site,
    isManager: fromBool01(p.is_manager),
    active: fromBool01(p.active),
    createdAt: p.created_at,
    updatedAt: p.updated_at,
    deactivatedAt: p.deactivated_at,
  };
}

/** The staff directory of one organization: search, facets, export, one-by-one edits. */
export class PeopleService {
  private readonly repo = new PeopleRepo();
  constructor(private readonly deps: AppDeps) {}

  async list(organizationId: string, filters: PeopleFilters, page: number, pageSize: number): Promise<Page<PersonDto>> {
    const { rows, total } = await this.repo.page(this.deps.db, organizationId, filters, page, pageSize);
    return { items: rows.map(presentPerson), total, page, pageSize };
  }

  async facets(organizationId: string): Promise<FacetsDto> {
    const db = this.deps.db;
    const [services, sites, counts] = await Promise.all([
      this.repo.facet(db, organizationId, 'service'),
      this.repo.facet(db, organizationId, 'site'),
      this.repo.counts(db, organizationId),
    ]);
    return { services, sites, ...counts };
  }

  exportCsv(organizationId: string, filters: PeopleFilters, locale: Locale): AsyncGenerator<string> {
    return peopleCsv(this.repo.each(this.deps.db, organizationId, filters), locale);
  }

  async get(organizationId: string, personId: string): Promise<PersonDto> {
    const row = await this.repo.get(this.deps.db, organizationId, personId);
    if (!row) throw new NotFound('person');
    return presentPerson(row);
  }

  async create(ctx: RequestContext, organizationId: string, input: CreatePersonInput): Promise<PersonDto> {
    const email = normalizeEmail(input.email);
    const now = this.deps.clock.now().toISOString();
    const fields = {
      email,
      first_name: input.firstName.trim(),
      last_name: input.lastName.trim(),
      job_title: cleanText(input.jobTitle),
      service: cleanText(input.service),
    };
    const row: PersonRow = {
      id: newId(),
      organization_id: organizationId,
      ...fields,
      role_family: input.roleFamily,
      site: cleanText(input.site),
      is_manager: toBool01(input.isManager),
      active: 1,
      search_text: personSearchKey(fields),
      created_at: now,
      updated_at: now,
      deactivated_at: null,
    };
    await this.write(email, async () =>
      this.deps.db.transaction().execute(async (trx) => {
        if (await this.repo.byEmail(trx, organizationId, email)) throw emailTaken(email);
        await this.repo.insert(trx, row);
        await this.deps.audit.record(trx, auditActor(ctx), {
          action: 'person.created',
          entityType: 'person',
          entityId: row.id,
          organizationId,
          after: presentPerson(row),
        });
      }),
    );
    return presentPerson(row);
  }

  async update(ctx: RequestContext, organizationId: string, personId: string, input: UpdatePersonInput): Promise<PersonDto> {
    const email = input.email === undefined ? undefined : normalizeEmail(input.email);
    let result: PersonRow | undefined;
    await this.write(email ?? '', async () =>
      this.deps.db.transaction().execute(async (trx) => {
        const before = await this.repo.get(trx, organizationId, personId);
        if (!before) throw new NotFound('person');
        if (email !== undefined && email !== before.email) {
          const other = await this.repo.byEmail(trx, organizationId, email);
          if (other && other.id !== personId) throw emailTaken(email);
        }
        const now = this.deps.clock.now().toISOString();
        const after: PersonRow = {
          ...before,
          ...(email !== undefined ? { email } : {}),
          ...(input.firstName !== undefined ? { first_name: input.firstName.trim() } : {}),
          ...(input.lastName !== undefined ? { last_name: input.lastName.trim() } : {}),
          ...(input.jobTitle !== undefined ? { job_title: cleanText(input.jobTitle) } : {}),
          ...(input.roleFamily !== undefined ? { role_family: input.roleFamily } : {}),
          ...(input.service !== undefined ? { service: cleanText(input.service) } : {}),
          ...(input.site !== undefined ? { site: cleanText(input.site) } : {}),
          ...(input.isManager !== undefined ? { is_manager: toBool01(input.isManager) } : {}),
          updated_at: now,
        };
        // Deactivation keeps the record (history, results); reactivation clears the date.
        if (input.active === false && before.active === 1) Object.assign(after, { active: 0, deactivated_at: now });
        if (input.active === true && before.active === 0) Object.assign(after, { active: 1, deactivated_at: null });
        after.search_text = personSearchKey(after);
        // A form saved without changes is not a change: nothing written, nothing audited.
        const changed = (Object.keys(after) as Array<keyof PersonRow>).some((k) => k !== 'updated_at' && after[k] !== before[k]);
        if (!changed) {
          result = before;
          return;
        }
        const { id: _i, organization_id: _o, created_at: _c, ...patch } = after;
        await this.repo.update(trx, organizationId, personId, patch);
        const action =
          before.active === 1 && after.active === 0
            ? 'person.deactivated'
            : before.active === 0 && after.active === 1
              ? 'person.reactivated'
              : 'person.updated';
        await this.deps.audit.record(trx, auditActor(ctx), {
          action,
          entityType: 'person',
          entityId: personId,
          organizationId,
          before: presentPerson(before),
          after: presentPerson(after),
        });
        result = after;
      }),
    );
    if (!result) throw new NotFound('person');
    return presentPerson(result);
  }

  /** Turns a unique-index race (two requests with the same email) into the same 409 as the pre-check. */
  private async write(email: string, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (err) {
      if (isUniqueViolation(err)) throw emailTaken(email);
      throw err;
    }
  }
}

import { CSV_BOM, csvLine } from '../../platform/audit-log/csv.js';
import type { AppDeps } from '../../platform/context.js';
import { addDays, todayOf } from '../suppliers/calendar-dates.js';
import { sharedMembers } from '../territory/sharing-repo.js';
import { countsByOrg, emptyByStatus, listActions, ownerNames, presentAction, sourceFigures } from './repo.js';
import type { ActionsQuery, Progress } from './schema.js';
import { actionStatuses } from './tables.js';

/** Rows an export may hold: beyond, people filter first (the list says how many there are). */
export const CSV_MAX_ROWS = 20_000;
const BOARD_PER_COLUMN = 50;

/** Read views of the plan: list, CSV, board, progress figures and the territory roll-up. */
export class ActionViews {
  constructor(private readonly deps: AppDeps) {}

  private today(): string {
    return todayOf(this.deps.clock.now());
  }

  async list(orgId: string, q: ActionsQuery) {
    const today = this.today();
    const { rows, total } = await listActions(this.deps.db, orgId, q, today);
    const owners = await ownerNames(
      this.deps.db,
      rows.map((r) => r.owner_account_id),
    );
    return { items: rows.map((r) => presentAction(r, today, owners)), total, page: q.page, pageSize: q.pageSize };
  }

  /** The filtered list as a French spreadsheet (semicolons, BOM); formulas defused by csvCell. */
  async csv(orgId: string, q: ActionsQuery): Promise<string> {
    const today = this.today();
    const { rows } = await listActions(this.deps.db, orgId, q, today, CSV_MAX_ROWS);
    const owners = await ownerNames(
      this.deps.db,
      rows.map((r) => r.owner_account_id),
    );
    let out = `${CSV_BOM}${csvLine(['titre/title', 'statut/status', 'priorité/priority', 'échéance/due', 'en retard/overdue', 'responsable/owner', 'source', 'libellé source/source label', 'réalisée le/done at', 'créée le/created at'])}`;
    for (const r of rows) {
      const a = presentAction(r, today, owners);
      out += csvLine([
        a.title,
        a.status,
        a.priority,
        a.dueOn,
        a.overdue ? 'oui/yes' : 'non/no',
        a.ownerLabel,
        a.sourceKind,
        a.sourceLabel,
        a.doneAt,
        a.createdAt,
      ]);
    }
    return out;
  }

  /** Columns by status, each with its count and its first items (most urgent first). */
  async board(orgId: string, q: ActionsQuery) {
    const columns = [];
    for (const status of actionStatuses) {
      const page = await this.list(orgId, { ...q, status, page: 1, pageSize: BOARD_PER_COLUMN });
      columns.push({ status, total: page.total, items: page.items });
    }
    return { columns };
  }

  async progress(orgId: string): Promise<Progress> {
    const today = this.today();
    const counts = (await countsByOrg(this.deps.db, [orgId], today)).get(orgId) ?? { byStatus: emptyByStatus(), overdue: 0, total: 0 };
    const since = `${addDays(today, -30)}T00:00:00.000Z`;
    const { bySource, doneSince } = await sourceFigures(this.deps.db, orgId, since);
    return { total: counts.total, byStatus: counts.byStatus, overdue: counts.overdue, doneLast30Days: doneSince, bySource };
  }

  /**
   * Counts per member organization that shares its action plan with the territory (consent per
   * domain, territory/sharing-repo.ts); never a title, an owner or anything else of an action.
   * Members that do not share are only counted as such.
   */
  async rollup(territoryId: string) {
    const members = await this.deps.db
      .selectFrom('territory_members as m')
      .innerJoin('organizations as o', 'o.id', 'm.organization_id')
      .select(['m.organization_id', 'o.name'])
      .where('m.territory_id', '=', territoryId)
      .orderBy('o.name')
      .orderBy('o.id')
      .execute();
    const consenting = new Set(await sharedMembers(this.deps.db, territoryId, 'actions'));
    const sharing = members.filter((m) => consenting.has(m.organization_id));
    const counts = await countsByOrg(
      this.deps.db,
      sharing.map((m) => m.organization_id),
      this.today(),
    );
    return {
      territoryId,
      members: sharing.map((m) => {
        const c = counts.get(m.organization_id) ?? { byStatus: emptyByStatus(), overdue: 0, total: 0 };
        return { organizationId: m.organization_id, organizationName: m.name, ...c };
      }),
      notSharing: members.length - sharing.length,
    };
  }
}

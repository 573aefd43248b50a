import type { AppDeps } from '../../../platform/context.js';
import { countMatching, enrol, type Target } from '../../learning/enrolment.js';
import type { TrackInput } from './event-steps.js';
import { trackInTransaction } from './event-store.js';
import { loadModule, loadRecipient, type OfferedModule, type RecipientView } from './page-data.js';
import type { EnrolOutcome } from './pages.js';
import type { ScannerRules } from './scanner.js';

export type EnrolResult = { found: false } | { found: true; outcome: EnrolOutcome; view: RecipientView; module: OfferedModule | null };

/**
 * "Add this module to my learning space" on the teachable-moment page: the `enrol` event and the
 * learning assignment (source `phishing`, no due date: it is an offer) in one transaction.
 * Anonymous campaigns keep no link between a person and their results: no assignment there.
 */
export async function enrolFromTeachableMoment(deps: AppDeps, input: TrackInput, rules: ScannerRules): Promise<EnrolResult> {
  return deps.db.transaction().execute(async (trx): Promise<EnrolResult> => {
    const now = deps.clock.now();
    const tracked = await trackInTransaction(trx, input, rules, now.toISOString());
    if (!tracked.recorded) return { found: false };
    const view = await loadRecipient(trx, input.tokenHash);
    if (!view) return { found: false };
    const module = view.learningModuleId ? await loadModule(trx, view.learningModuleId, view.language) : null;
    if (!module || view.anonymous || !view.personId) return { found: true, outcome: 'unavailable', view, module };
    const target: Target = {
      scope: { kind: 'organization', organizationId: view.organizationId },
      roleFamilies: [],
      services: [],
      sites: [],
      personIds: [view.personId],
    };
    if ((await countMatching(trx, target)) === 0) return { found: true, outcome: 'unavailable', view, module };
    const created = await enrol(trx, deps.dbh.dialect, {
      target,
      modules: [{ id: module.id, roleFamilies: [] }],
      byRoleFamily: false,
      curriculumId: null,
      ruleId: null,
      source: 'phishing',
      cycle: '',
      assignedAt: now.toISOString(),
      dueAt: null,
    });
    if (created.length === 0) return { found: true, outcome: 'already', view, module };
    await deps.audit.record(
      trx,
      { accountId: null, label: 'phishing:teachable-moment', ip: null },
      {
        action: 'phishing.enrolment.create',
        entityType: 'learning_assignment',
        organizationId: view.organizationId,
        after: { campaignId: view.campaignId, moduleId: module.id, source: 'phishing' },
      },
    );
    return { found: true, outcome: 'enrolled', view, module };
  });
}

import type { TestApp } from '../../../../test/helpers/app.js';
import { makePerson } from '../../../../test/helpers/factories.js';
import { newId } from '../../platform/ids.js';
import type { RoleFamily } from '../identity/domain.js';
import { recountModules, recountPeople } from './counters.js';

/** Test helpers of the metrics suites: people with assignments, counters recounted as the services do. */

export const MODULES = ['phishing-health-staff', 'usb-personal-devices', 'reporting-an-incident'];

export interface Seed {
  roleFamily?: RoleFamily;
  service?: string;
  /** One assignment per entry. */
  work?: Array<{ module?: string; status?: 'assigned' | 'in_progress' | 'completed'; first?: number; last?: number; dueInDays?: number }>;
}

export const many = (n: number, s: Seed): Seed[] => Array.from({ length: n }, () => s);

/** People with assignments written straight to the tables (due dates from `now`), then the counters recounted. */
export async function seed(t: TestApp, now: Date, orgId: string, people: Seed[]): Promise<string[]> {
  const db = t.dbh.db;
  const ids: string[] = [];
  for (const p of people) {
    const person = await makePerson(db, orgId, {
      roleFamily: p.roleFamily ?? 'nurses_care_assistants',
      service: p.service ?? 'Urgences',
    });
    ids.push(person.id);
    for (const [i, w] of (p.work ?? [{}]).entries()) {
      const status = w.status ?? 'completed';
      await db
        .insertInto('learning_assignments')
        .values({
          id: newId(),
          organization_id: orgId,
          person_id: person.id,
          module_id: w.module ?? MODULES[i]!,
          curriculum_id: null,
          rule_id: null,
          source: 'manual',
          cycle: '',
          status,
          assigned_at: '2026-10-01T00:00:00Z',
          due_at: new Date(now.getTime() + (w.dueInDays ?? 30) * 86_400_000).toISOString(),
          completed_at: status === 'completed' ? '2026-11-20T00:00:00Z' : null,
          attempts: w.first === undefined ? 0 : 1,
          first_score: w.first ?? null,
          last_score: w.last ?? w.first ?? null,
          best_score: w.last ?? w.first ?? null,
          reminder_sent_at: null,
          escalated_at: null,
        })
        .execute();
    }
  }
  await recountPeople(db, ids, now.toISOString());
  await recountModules(db, orgId, null, now.toISOString());
  return ids;
}

/** Test-only helpers of the mentoring suites. */
import { clientFor, type TestApp } from '../../../../test/helpers/app.js';
import { makeAccount, makeOrg, makePerson, makeTerritory } from '../../../../test/helpers/factories.js';
import type { OrganizationKind } from '../identity/domain.js';
import { coordinator, orgAdmin } from '../identity/test-kit.js';

/** A staff member of the organization who can sign in, with no role: what most mentors are. */
export async function staffAccount(t: TestApp, orgId: string) {
  const person = await makePerson(t.dbh.db, orgId);
  const account = await makeAccount(t.dbh.db, { personId: person.id });
  return { accountId: account.id, client: await clientFor(t, account.id) };
}

/** A GHT with two leads (a CHU, a CH) and two members (a CH, a practice), and its coordinator. */
export async function mentoringTerritory(t: TestApp) {
  const db = t.dbh.db;
  const org = (name: string, kind: OrganizationKind) => makeOrg(db, { name, kind });
  const chu = await org('CHU Pilote', 'chu');
  const leadCh = await org('CH Référent', 'ch');
  const ch = await org('CH Vallée', 'ch');
  const practice = await org('Cabinet des Quais', 'gp_practice');
  const territory = await makeTerritory(db, {
    members: [{ orgId: chu.id, lead: true }, { orgId: leadCh.id, lead: true }, { orgId: ch.id }, { orgId: practice.id }],
  });
  const coord = await coordinator(t, territory.id);
  const base = `/api/territories/${territory.id}/mentoring`;
  const offer = async (orgId: string, capacity?: number) => {
    const staff = await staffAccount(t, orgId);
    const res = await coord.client.post(`${base}/mentors`, { accountId: staff.accountId, ...(capacity ? { capacity } : {}) });
    if (res.statusCode !== 201) throw new Error(res.body);
    return { ...staff, mentorId: res.json().id as string };
  };
  const pair = (mentorId: string, organizationId: string) => coord.client.post(`${base}/pairings`, { mentorId, organizationId });
  return { chu, leadCh, ch, practice, territory, coord, base, offer, pair, chAdmin: () => orgAdmin(t, ch.id) };
}

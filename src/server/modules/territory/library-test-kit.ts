import { type Client, clientFor, type TestApp } from '../../../../test/helpers/app.js';
import { makeAccount, makeOrg, makePerson, makeTerritory } from '../../../../test/helpers/factories.js';

/**
 * A territory of its own per test file: a coordinator, an observer, the admin of a member
 * organization and the admin of an organization outside the territory.
 */
export async function libraryTenant(t: TestApp) {
  const db = t.dbh.db;
  const lead = await makeOrg(db, { name: 'CHU Tête de pont' });
  const member = await makeOrg(db, { name: 'EHPAD Les Tilleuls', kind: 'ehpad' });
  const outsider = await makeOrg(db, { name: 'CH Ailleurs' });
  const territory = await makeTerritory(db, {
    members: [
      { orgId: lead.id, lead: true, shares: true },
      { orgId: member.id, shares: false },
    ],
  });
  const account = async (
    grant: {
      role: 'territory_coordinator' | 'observer' | 'org_admin' | 'manager';
      scopeKind: 'territory' | 'organization';
      scopeId: string;
    },
    orgId: string,
  ) => {
    const person = await makePerson(db, orgId);
    const acc = await makeAccount(db, { personId: person.id, grants: [grant], totp: true });
    return { id: acc.id, client: await clientFor(t, acc.id) };
  };
  const coordinator = await account({ role: 'territory_coordinator', scopeKind: 'territory', scopeId: territory.id }, lead.id);
  const observer = await account({ role: 'observer', scopeKind: 'territory', scopeId: territory.id }, lead.id);
  const memberAdmin = await account({ role: 'org_admin', scopeKind: 'organization', scopeId: member.id }, member.id);
  const memberManager = await account({ role: 'manager', scopeKind: 'organization', scopeId: member.id }, member.id);
  const outsiderAdmin = await account({ role: 'org_admin', scopeKind: 'organization', scopeId: outsider.id }, outsider.id);
  return {
    territory,
    lead,
    member,
    outsider,
    coordinator: coordinator.client as Client,
    coordinatorId: coordinator.id,
    observer: observer.client,
    memberAdmin: memberAdmin.client,
    memberManager: memberManager.client,
    outsiderAdmin: outsiderAdmin.client,
    base: `/api/territories/${territory.id}/library`,
    memberBase: `/api/orgs/${member.id}/territories/${territory.id}/library`,
  };
}

export const sheet = (over: Record<string, unknown> = {}) => ({
  title: 'Rançongiciel : que faire ?',
  summary: 'Les gestes de la première heure.',
  kind: 'reflex_sheet',
  tags: ['Rançongiciel', 'crise'],
  audience: 'all_staff',
  language: 'fr',
  body: '# Isolez le poste\n\nPuis alertez.',
  ...over,
});

/** The smallest bytes the evidence sniffer takes for a PDF. */
export const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n', 'latin1');

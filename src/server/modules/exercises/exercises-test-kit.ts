/** Test-only helpers for the exercises tests (imported by *.test.ts beside this file). */
import { clientFor, type TestApp } from '../../../../test/helpers/app.js';
import { makeAccount, makePerson } from '../../../../test/helpers/factories.js';
import type { StimulusDto } from './exercises-schema.js';

/** A member of an organization's staff who can sign in, with no role: a player. */
export async function staffMember(t: TestApp, orgId: string) {
  const p = await makePerson(t.dbh.db, orgId);
  const a = await makeAccount(t.dbh.db, { personId: p.id });
  return { accountId: a.id, client: await clientFor(t, a.id) };
}

/** A stimulus of the chronogram as a request body (the scenario format, without the row's fields). */
export function bodyOf(s: StimulusDto) {
  const { stimulusId: _i, status: _s, deliveredAt: _d, position: _p, persona: _pe, ...rest } = s;
  return rest;
}

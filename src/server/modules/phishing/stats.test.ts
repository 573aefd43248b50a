import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../test/helpers/db.js';
import { makeOrg } from '../../../../test/helpers/factories.js';
import type { DbHandle } from '../../db/index.js';
import { newId } from '../../platform/ids.js';
import { bumpStats, reportCounters } from './stats.js';

describe('phishing campaign counters', () => {
  let dbh: DbHandle;
  beforeAll(async () => {
    dbh = await testDb();
  });
  afterAll(async () => dbh.close());

  it('adds to the rows of the organization and of each group, and keeps counting on conflict', async () => {
    const org = await makeOrg(dbh.db);
    const campaignId = newId(); // the counters table has no foreign key: a bare id is enough here
    const nurse = {
      campaign_id: campaignId,
      organization_id: org.id,
      service: 'Urgences',
      role_family: 'nurses_care_assistants',
      site: 'Nord',
    };
    const now = new Date().toISOString();
    await bumpStats(dbh.db, nurse, { targets: 1, sent: 1 }, now);
    await bumpStats(dbh.db, { ...nurse, service: 'Cardiologie' }, { targets: 1, sent: 1, clicked: 1 }, now);
    await bumpStats(dbh.db, nurse, reportCounters(400), now); // second bucket: 5 to 15 minutes
    await bumpStats(dbh.db, nurse, {}, now); // nothing to add: no row touched

    const rows = await dbh.db.selectFrom('phishing_campaign_stats').selectAll().where('campaign_id', '=', campaignId).execute();
    const row = (dimension: string, key: string) => rows.find((r) => r.dimension === dimension && r.group_key === key);
    expect(rows).toHaveLength(5); // all, 2 services, 1 role family, 1 site
    expect(row('all', '')).toMatchObject({
      targets: 2,
      sent: 2,
      clicked: 1,
      reported: 1,
      report_seconds_sum: 400,
      report_b1: 1,
      report_b0: 0,
    });
    expect(row('service', 'Urgences')).toMatchObject({ targets: 1, clicked: 0, reported: 1 });
    expect(row('service', 'Cardiologie')).toMatchObject({ targets: 1, clicked: 1, reported: 0 });
    expect(row('site', 'Nord')).toMatchObject({ targets: 2, sent: 2 });
  });

  it('puts a report in the bucket of its delay', () => {
    expect(reportCounters(10)).toEqual({ reported: 1, report_seconds_sum: 10, report_b0: 1 });
    expect(reportCounters(3600)).toMatchObject({ report_b3: 1 });
    expect(reportCounters(200_000)).toMatchObject({ report_b5: 1 });
  });
});

import { schedulerOf } from '../../platform/jobs/scheduler.js';
import type { RempartModule } from '../index.js';
import { phishingCampaignRoutes } from './campaign-routes.js';
import { syncPhishingCatalogue } from './catalogue-sync.js';
import { phishingLibraryRoutes } from './library-routes.js';
import { pollReportMailboxes } from './reporting/imap-poll.js';
import { createReportReceiver } from './reporting/receiver.js';
import { phishingReportingRoutes } from './reporting-routes.js';
import { phishingResultsRoutes } from './results-routes.js';
import { purgeExpiredCampaigns } from './retention.js';
import { flagClicksWithoutFollowUp } from './tracking/follow-up.js';
import { createTrackingServer } from './tracking/server.js';
import { phishingTransparencyRoutes } from './transparency.js';

export const PHISHING_JOBS = {
  followUp: 'phishing.click-follow-up',
  retentionPurge: 'phishing.retention-purge',
  reportMailboxes: 'phishing.report-mailboxes',
} as const;

/**
 * Phishing simulation: library (templates, landing pages, sending profiles, groups), campaigns and
 * their sender, the public tracking listener, per-campaign results, the reporting address and triage. The tracking listener (PUBLIC_PORT) and the reporting
 * SMTP receiver (REPORT_SMTP_PORT) start with the app; 0 disables each (tests start them on
 * ephemeral ports themselves).
 */
export const phishingModule: RempartModule = {
  name: 'phishing',
  async register(app, deps) {
    await syncPhishingCatalogue(deps.db, deps.config.PHISHING_CONTENT_DIR, deps.clock.now().toISOString());
    phishingLibraryRoutes(app, deps);
    phishingCampaignRoutes(app, deps);
    phishingResultsRoutes(app, deps);
    phishingReportingRoutes(app, deps);
    phishingTransparencyRoutes(app, deps);

    // Clicks no browser followed are a link checker's: flagged about a minute after they happen.
    schedulerOf(app, deps).register(PHISHING_JOBS.followUp, async () => {
      await flagClicksWithoutFollowUp(deps, deps.clock.now());
    });
    // Per-person data of ended campaigns is erased after their retention period. The scheduler has
    // one interval for every job; the query reads only campaigns not yet purged, so each tick is cheap.
    schedulerOf(app, deps).register(PHISHING_JOBS.retentionPurge, async () => {
      await purgeExpiredCampaigns(deps, deps.clock.now());
    });
    // Reports forwarded to an existing mailbox rather than to our receiver: read over IMAP.
    schedulerOf(app, deps).register(PHISHING_JOBS.reportMailboxes, async () => {
      await pollReportMailboxes(deps, deps.clock.now(), { log: (m) => app.log.warn(m) });
    });

    const { PUBLIC_PORT, REPORT_SMTP_PORT, HOST } = deps.config;
    const tracking = PUBLIC_PORT > 0 ? createTrackingServer(deps) : null;
    const reports = REPORT_SMTP_PORT > 0 ? createReportReceiver(deps) : null;
    app.addHook('onReady', async () => {
      await tracking?.listen(PUBLIC_PORT, HOST);
      await reports?.listen(REPORT_SMTP_PORT, HOST);
    });
    app.addHook('onClose', async () => {
      await tracking?.close();
      await reports?.close();
    });
  },
};

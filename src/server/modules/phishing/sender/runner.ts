import type { FastifyInstance } from 'fastify';
import type { Config } from '../../../config.js';
import type { ModuleDeps } from '../../index.js';
import { CampaignSender } from './worker.js';

/** Where links in simulation emails point: PUBLIC_BASE_URL, else the tracking listener itself. */
export function publicBaseUrl(config: Config): string {
  return (config.PUBLIC_BASE_URL ?? `http://${config.HOST}:${config.PUBLIC_PORT}`).replace(/\/+$/, '');
}

/** The sender as the app runs it (JOBS on): started when the app is ready, stopped with it. */
export function startCampaignSender(app: FastifyInstance, deps: ModuleDeps): CampaignSender {
  const sender = new CampaignSender(deps, {
    baseUrl: publicBaseUrl(deps.config),
    reportAddress: deps.config.REPORT_ADDRESS,
    connections: deps.config.PHISHING_SEND_CONNECTIONS,
    log: (message, err) => (err ? app.log.error({ err }, message) : app.log.info(message)),
  });
  app.addHook('onReady', async () => sender.start());
  app.addHook('onClose', async () => sender.stop());
  return sender;
}

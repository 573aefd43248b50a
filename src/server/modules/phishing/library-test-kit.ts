/** Test-only helpers for the phishing library tests (imported by *.test.ts beside this file). */
import type { TestApp } from '../../../../test/helpers/app.js';
import { makeOrg } from '../../../../test/helpers/factories.js';
import { orgAdmin, type Signed } from '../identity/test-kit.js';

export interface Tenant {
  orgId: string;
  admin: Signed;
  /** `/api/orgs/<orgId>/phishing` */
  base: string;
}

export async function tenant(t: TestApp): Promise<Tenant> {
  const org = await makeOrg(t.dbh.db);
  return { orgId: org.id, admin: await orgAdmin(t, org.id), base: `/api/orgs/${org.id}/phishing` };
}

/** A valid custom template body; `over` replaces top-level keys, `fr` the French text's. */
export function templateInput(over: Record<string, unknown> = {}, fr: Record<string, unknown> = {}) {
  return {
    theme: 'it-notice',
    audiences: ['nurses_care_assistants'],
    landingPageId: null,
    premiseAlignment: 'high',
    texts: {
      fr: {
        title: 'Mise à jour du logiciel de soins',
        fromName: 'Équipe Logiciel',
        fromLocalPart: 'Logiciel.Soins',
        subject: 'Mise à jour ce soir pour {{service}}',
        html:
          '<p>Bonjour {{firstName}},</p><p data-cue="urgency">Validez avant <b>18 h</b>.</p>' +
          '<p><a href="{{link}}" data-cue="link">Valider</a></p>{{trackingImage}}',
        cues: [
          { id: 'sender', category: 'technical', label: 'Adresse externe', explanation: 'Le domaine ne correspond pas à l’hôpital.' },
          { id: 'urgency', category: 'tactic', label: 'Urgence', explanation: 'Un délai court pousse à agir sans vérifier.' },
          { id: 'link', category: 'technical', label: 'Lien trompeur', explanation: 'Le lien ne mène pas au logiciel habituel.' },
        ],
        premiseRationale: 'Les soignants utilisent ce logiciel tous les jours.',
        ...fr,
      },
    },
    ...over,
  };
}

export function profileInput(over: Record<string, unknown> = {}) {
  return {
    name: 'Relais interne',
    host: '127.0.0.1',
    port: 2525,
    tlsMode: 'none',
    username: 'campagnes',
    password: 'S3cret-relais!',
    fromName: 'Service informatique',
    fromAddress: 'support@simulation.example.fr',
    ratePerMinute: 120,
    windowDays: [1, 2, 3, 4, 5],
    windowStart: '08:30',
    windowEnd: '17:30',
    timeZone: 'Europe/Paris',
    extraHeaders: [{ name: 'X-Campagne', value: 'sensibilisation' }],
    ...over,
  };
}

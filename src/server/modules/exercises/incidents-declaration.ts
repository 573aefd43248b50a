/**
 * What a declaration must hold and when: our own checklist, written from the obligations in
 * /work/shared/DOMAIN.md (health establishments declare serious incidents to the ARS and CERT Santé
 * without delay; NIS2: early warning within 24 h, notification within 72 h, final report within a
 * month). Nothing is sent from here: the helper prepares what the establishment sends itself.
 */

export const declarationSteps = ['early_warning', 'notification', 'final_report'] as const;
export type DeclarationStep = (typeof declarationSteps)[number];

type Text = { fr: string; en: string };

/** The checklist, grouped by the step at which each item is first expected. */
export const declarationChecklist: Array<{ key: string; step: DeclarationStep; label: Text; hint: Text }> = [
  {
    key: 'contact',
    step: 'early_warning',
    label: { fr: 'Qui déclare et comment le joindre', en: 'Who declares and how to reach them' },
    hint: {
      fr: 'Nom, fonction, téléphone joignable même si la messagerie est coupée.',
      en: 'Name, role, a phone that works even if email is down.',
    },
  },
  {
    key: 'detection',
    step: 'early_warning',
    label: { fr: 'Quand et comment l’incident a été détecté', en: 'When and how the incident was detected' },
    hint: { fr: 'Heure de détection, par qui, premier signe observé.', en: 'Time of detection, by whom, first sign seen.' },
  },
  {
    key: 'malicious',
    step: 'early_warning',
    label: { fr: 'Acte malveillant suspecté ou non', en: 'Whether a malicious act is suspected' },
    hint: {
      fr: 'Rançongiciel, compromission, fuite, panne : ce que l’on sait à cette heure.',
      en: 'Ransomware, compromise, leak, outage: what is known at this hour.',
    },
  },
  {
    key: 'crossBorder',
    step: 'early_warning',
    label: { fr: 'Autres structures ou pays touchés', en: 'Other organizations or countries affected' },
    hint: {
      fr: 'Établissements du territoire, prestataire commun, effets hors de France.',
      en: 'Establishments of the territory, a shared provider, effects outside France.',
    },
  },
  {
    key: 'systems',
    step: 'notification',
    label: { fr: 'Systèmes et services touchés', en: 'Systems and services affected' },
    hint: { fr: 'Applications, serveurs, sites, prestataires concernés.', en: 'Applications, servers, sites, providers involved.' },
  },
  {
    key: 'careImpact',
    step: 'notification',
    label: { fr: 'Conséquences sur la prise en charge des patients', en: 'Consequences for patient care' },
    hint: {
      fr: 'Mode dégradé, déprogrammations, transferts, délestage des urgences.',
      en: 'Degraded mode, postponed care, transfers, emergency diversion.',
    },
  },
  {
    key: 'personalData',
    step: 'notification',
    label: { fr: 'Données de santé ou personnelles concernées', en: 'Health or personal data involved' },
    hint: {
      fr: 'Volume et nature ; une violation de données se notifie aussi à la CNIL (RGPD).',
      en: 'Volume and kind; a data breach is also notified to the CNIL (GDPR).',
    },
  },
  {
    key: 'measures',
    step: 'notification',
    label: { fr: 'Mesures prises', en: 'Measures taken' },
    hint: {
      fr: 'Isolement, confinement, sauvegardes, plainte, prestataires appelés.',
      en: 'Isolation, containment, backups, complaint filed, providers called.',
    },
  },
  {
    key: 'helpNeeded',
    step: 'notification',
    label: { fr: 'Aide attendue', en: 'Help needed' },
    hint: { fr: 'Appui technique, renfort, communication.', en: 'Technical support, reinforcement, communication.' },
  },
  {
    key: 'rootCause',
    step: 'final_report',
    label: { fr: 'Cause et déroulé complet', en: 'Cause and full course of events' },
    hint: { fr: 'Cause première, chronologie, gravité, effets durables.', en: 'Root cause, timeline, severity, lasting effects.' },
  },
  {
    key: 'lessons',
    step: 'final_report',
    label: { fr: 'Mesures correctives et leçons', en: 'Corrective measures and lessons' },
    hint: { fr: 'Ce qui change pour que cela ne se reproduise pas.', en: 'What changes so it does not happen again.' },
  },
];
export const contentKeys = declarationChecklist.map((c) => c.key);

export const stepLabels: Record<DeclarationStep, Text> = {
  early_warning: { fr: 'Alerte précoce (24 h)', en: 'Early warning (24 h)' },
  notification: { fr: 'Notification (72 h)', en: 'Notification (72 h)' },
  final_report: { fr: 'Rapport final (un mois)', en: 'Final report (one month)' },
};

/** Due instant of each step from the detection time: +24 h, +72 h, same day next month (clamped to its last day). */
export function dueAt(step: DeclarationStep, detectedAt: Date): Date {
  if (step === 'early_warning') return new Date(detectedAt.getTime() + 24 * 3_600_000);
  if (step === 'notification') return new Date(detectedAt.getTime() + 72 * 3_600_000);
  const d = new Date(detectedAt.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + 1);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** How long before a deadline its reminder goes: a quarter of the 24 h and 72 h periods, a week for the month. */
export const reminderLeadMs: Record<DeclarationStep, number> = {
  early_warning: 6 * 3_600_000,
  notification: 18 * 3_600_000,
  final_report: 7 * 24 * 3_600_000,
};

export type ClockState = 'sent' | 'due' | 'overdue';

export interface DeclarationClock {
  step: DeclarationStep;
  dueAt: string;
  state: ClockState;
  /** Minutes left (negative once overdue); null once sent. */
  dueInMinutes: number | null;
  sentAt: string | null;
}

export function clocksOf(detectedAt: string, sent: Record<DeclarationStep, string | null>, now: Date): DeclarationClock[] {
  return declarationSteps.map((step) => {
    const due = dueAt(step, new Date(detectedAt));
    const sentAt = sent[step];
    const left = due.getTime() - now.getTime();
    return {
      step,
      dueAt: due.toISOString(),
      state: sentAt ? 'sent' : left >= 0 ? 'due' : 'overdue',
      dueInMinutes: sentAt ? null : Math.trunc(left / 60_000),
      sentAt,
    };
  });
}

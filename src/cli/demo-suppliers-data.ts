import type { GridQuestion } from '../server/modules/suppliers/grid-definition.js';
import type { AnswerRating, ClausePayer, ContactRole, FindingSeverity } from '../server/modules/suppliers/tables.js';

/**
 * The demo's providers (demo-suppliers.ts). Every name is invented, every address ends in .demo;
 * the SIRENs are made valid by their check digit (demoSiren), not taken from the real register.
 */
export interface DemoProvider {
  key: string;
  name: string;
  domain: string;
  sirenStem: string; // 8 digits; the 9th is the Luhn check digit
  services: string;
  health: boolean;
  volume: 'none' | 'under_1k' | '1k_100k' | 'over_100k';
  dependency: 'low' | 'medium' | 'high';
  access: 'none' | 'onsite' | 'remote' | 'privileged';
  remote?: string; // remote maintenance, how
  hds?: [expiresInDays: number, activities: number[], certifyingBody: string];
  subcontractors?: Array<[name: string, service: string, location: string]>;
  contacts: Array<[name: string, localPart: string, role: ContactRole]>;
  contract: { reference: string; title: string; startedDaysAgo: number; years?: number; lacks?: string[] };
  audit?: { gridId: string; payer: ClausePayer; costCapEur: number | null; fixDeadlineDays: number };
}

/** The 9-digit SIREN whose last digit makes the Luhn sum a multiple of 10. */
export function demoSiren(stem: string): string {
  for (let d = 0; d <= 9; d++) {
    const digits = `${stem}${d}`;
    let sum = 0;
    for (let i = 0; i < 9; i++) {
      let n = Number(digits[8 - i]);
      if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
      sum += n;
    }
    if (sum % 10 === 0) return digits;
  }
  throw new Error(`no check digit for ${stem}`);
}

// The clause the issue describes: yearly, 15 days' notice, the establishment pays unless a breach is found, 30 days to fix.
const yearly = (gridId: string, costCapEur: number | null = 6000) => ({
  gridId,
  payer: 'provider_if_breach' as const,
  costCapEur,
  fixDeadlineDays: 30,
});

export const demoProviders: DemoProvider[] = [
  {
    key: 'lis',
    name: 'LabSoft Systèmes',
    domain: 'labsoft.demo',
    sirenStem: '91234567',
    services: 'Système d’information de laboratoire (SIL) et connecteurs des automates',
    health: true,
    volume: 'over_100k',
    dependency: 'high',
    access: 'remote',
    remote: 'VPN nominatif, ouvert à la demande par le service informatique',
    contacts: [
      ['Hélène Garnier', 'helene.garnier', 'commercial'],
      ['Bruno Lefeuvre', 'bruno.lefeuvre', 'security'],
    ],
    contract: { reference: 'SIL-2024-07', title: 'Licence, maintenance et support du SIL', startedDaysAgo: 520, years: 5 },
    audit: yearly('gdpr-processor'),
  },
  {
    key: 'pacs',
    name: 'Radiopôle Numérique',
    domain: 'radiopole.demo',
    sirenStem: '92345671',
    services: 'PACS, archivage des images et télé-interprétation',
    health: true,
    volume: 'over_100k',
    dependency: 'high',
    access: 'remote',
    remote: 'Bastion d’administration avec enregistrement des sessions',
    hds: [400, [3, 4, 5, 6], 'Certicom Santé (organisme fictif)'],
    contacts: [
      ['Yannick Le Bihan', 'yannick.lebihan', 'technical'],
      ['Sophie Marchal', 'sophie.marchal', 'dpo'],
    ],
    contract: { reference: 'PACS-2023-02', title: 'PACS mutualisé et archivage des images', startedDaysAgo: 700, years: 6 },
    audit: yearly('hds-provider'),
  },
  {
    key: 'host',
    name: 'Hébergo Santé',
    domain: 'hebergo-sante.demo',
    sirenStem: '93456712',
    services: 'Hébergement certifié HDS du dossier patient et des sauvegardes',
    health: true,
    volume: 'over_100k',
    dependency: 'high',
    access: 'privileged',
    hds: [45, [1, 2, 3, 4, 5, 6], 'Certicom Santé (organisme fictif)'],
    subcontractors: [
      ['Datacentre des Abers', 'Hébergement physique des serveurs (activité 1)', 'FR'],
      ['Froid & Énergie Ouest', 'Maintenance électrique et climatisation du site', 'FR'],
    ],
    contacts: [
      ['Maëlle Quéré', 'maelle.quere', 'security'],
      ['Thomas Riou', 'thomas.riou', 'commercial'],
    ],
    contract: { reference: 'HDS-2025-01', title: 'Hébergement de données de santé (activités 1 à 6)', startedDaysAgo: 345, years: 4 },
    audit: yearly('hds-provider', 8000),
  },
  {
    key: 'biomed',
    name: 'Biomédis Maintenance',
    domain: 'biomedis.demo',
    sirenStem: '94567123',
    services: 'Télémaintenance des dispositifs médicaux (pousse-seringues, moniteurs, échographes)',
    health: true,
    volume: '1k_100k',
    dependency: 'medium',
    access: 'remote',
    remote: 'Boîtier de télémaintenance sur un réseau isolé, session ouverte par le biomédical',
    contacts: [['Gaëlle Prigent', 'gaelle.prigent', 'technical']],
    contract: {
      reference: 'BIO-2025-11',
      title: 'Maintenance préventive et curative des équipements biomédicaux',
      startedDaysAgo: 30,
      years: 3,
      lacks: ['reversibility'],
    },
    audit: yearly('remote-maintenance'),
  },
  {
    key: 'catering',
    name: 'Les Cuisines de l’Estuaire',
    domain: 'cuisines-estuaire.demo',
    sirenStem: '95671234',
    services: 'Restauration des patients et du personnel (sans données de santé)',
    health: false,
    volume: 'none',
    dependency: 'medium',
    access: 'none',
    contacts: [['Pascal Menez', 'pascal.menez', 'commercial']],
    contract: { reference: 'REST-2024-03', title: 'Restauration collective', startedDaysAgo: 610, years: 4 },
  },
  {
    key: 'ehr',
    name: 'Cortexia Dossier Patient',
    domain: 'cortexia.demo',
    sirenStem: '96712345',
    services: 'Dossier patient informatisé (DPI) en mode SaaS',
    health: true,
    volume: 'over_100k',
    dependency: 'high',
    access: 'privileged',
    remote: 'Accès d’administration par bastion, comptes nominatifs',
    hds: [700, [4, 5], 'Qualisanté Certification (organisme fictif)'],
    contacts: [
      ['Anne-Laure Kerbrat', 'annelaure.kerbrat', 'security'],
      ['Julien Tanguy', 'julien.tanguy', 'dpo'],
    ],
    contract: { reference: 'DPI-2022-09', title: 'Dossier patient informatisé, hébergement et support', startedDaysAgo: 900 },
    audit: yearly('gdpr-processor', 10000),
  },
  {
    key: 'printers',
    name: 'Copie & Cie Services',
    domain: 'copie-cie.demo',
    sirenStem: '97123456',
    services: 'Parc de copieurs multifonctions, supervision à distance',
    health: false,
    volume: 'none',
    dependency: 'low',
    access: 'onsite',
    contacts: [['Karine Jaouen', 'karine.jaouen', 'technical']],
    contract: { reference: 'COP-2025-04', title: 'Location et maintenance des copieurs', startedDaysAgo: 240, years: 5 },
  },
  {
    key: 'archives',
    name: 'Archives du Ponant',
    domain: 'archives-ponant.demo',
    sirenStem: '98123457',
    services: 'Archivage des dossiers médicaux papier et numérisés',
    health: true,
    volume: 'over_100k',
    dependency: 'low',
    access: 'none',
    hds: [980, [1, 6], 'Qualisanté Certification (organisme fictif)'],
    contacts: [['Nicolas Guivarc’h', 'nicolas.guivarch', 'commercial']],
    contract: { reference: 'ARC-2021-05', title: 'Conservation et communication des dossiers archivés', startedDaysAgo: 1300 },
    audit: yearly('hds-provider'),
  },
  {
    key: 'network',
    name: 'Ondes Réseaux Ouest',
    domain: 'ondes-reseaux.demo',
    sirenStem: '98234561',
    services: 'Liens opérés, pare-feux et supervision du réseau',
    health: false,
    volume: 'under_1k',
    dependency: 'high',
    access: 'privileged',
    remote: 'Supervision permanente, accès administrateur aux pare-feux',
    contacts: [['Erwan Caradec', 'erwan.caradec', 'security']],
    contract: { reference: 'RES-2024-10', title: 'Réseau opéré et sécurité périmétrique', startedDaysAgo: 410, years: 3 },
    audit: yearly('remote-maintenance'),
  },
  {
    key: 'pharmacy',
    name: 'Pharmatik Automates',
    domain: 'pharmatik.demo',
    sirenStem: '98345612',
    services: 'Automates de dispensation nominative et leur logiciel',
    health: true,
    volume: '1k_100k',
    dependency: 'medium',
    access: 'remote',
    remote: 'Prise en main à distance planifiée avec la pharmacie',
    contacts: [['Claire Le Goff', 'claire.legoff', 'technical']],
    contract: { reference: 'PHA-2025-06', title: 'Automates de la pharmacie à usage intérieur', startedDaysAgo: 180, years: 5 },
    audit: yearly('connected-medical-devices'),
  },
  {
    key: 'laundry',
    name: 'Blanchisserie des Trois Rivières',
    domain: 'trois-rivieres.demo',
    sirenStem: '98456123',
    services: 'Linge hôtelier et tenues professionnelles',
    health: false,
    volume: 'none',
    dependency: 'low',
    access: 'none',
    contacts: [['Martine Floc’h', 'martine.floch', 'commercial']],
    contract: { reference: 'LIN-2023-01', title: 'Location-entretien du linge', startedDaysAgo: 1000 },
  },
  {
    key: 'payroll',
    name: 'Paiefacile RH',
    domain: 'paiefacile.demo',
    sirenStem: '98561234',
    services: 'Logiciel de paie et de gestion des temps en SaaS',
    health: false,
    volume: '1k_100k',
    dependency: 'medium',
    access: 'none',
    contacts: [['Olivier Bescond', 'olivier.bescond', 'dpo']],
    contract: { reference: 'RH-2024-01', title: 'Paie et gestion des temps', startedDaysAgo: 690, years: 4 },
    audit: yearly('gdpr-processor'),
  },
];

/** The audit under way: the HDS host has answered its certificate section and asks a question. */
export const openAuditAnswers = {
  provider: 'host',
  answers: {
    'hds-certified': 'yes',
    'hds-activities': ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'],
    'hds-scope-matches': 'yes',
    'hds-body': 'Certicom Santé (organisme fictif), certificat n° HDS-9345-2027',
  } as Record<string, unknown>,
  comments: { 'hds-certified': 'Certificat en cours de renouvellement : audit de surveillance prévu le mois prochain.' } as Record<
    string,
    string
  >,
  question: {
    questionId: 'storage-location',
    body: 'Nos sauvegardes externalisées sont dans un second centre en France : faut-il le décrire ici ou dans la partie sous-traitants ?',
  },
};

/** The audit of last spring: the lab software vendor's processor checks, two findings fixed since. */
export const reviewedAudit = {
  provider: 'lis',
  answers: {
    'art28-c-security': 'partial',
    'art28-d-subprocessors': 'yes',
    'art28-d-list': 'Hébergo Santé (hébergement HDS), Ondes Réseaux Ouest (liens)',
    'art28-g-end': 'returned-then-deleted',
    'processor-register': 'no',
    'dpo-contact': 'dpo@labsoft.demo',
    'breach-notice-hours': 72,
  } as Record<string, unknown>,
  comments: { 'breach-notice-hours': 'Délai de notre procédure groupe.' } as Record<string, string>,
  ratings: { 'art28-c-security': 'partial', 'processor-register': 'non_compliant', 'breach-notice-hours': 'non_compliant' } as Record<
    string,
    AnswerRating
  >,
  ratingNotes: {
    'art28-c-security': 'PAS fourni, sans résultats de test d’intrusion.',
    'breach-notice-hours': 'Le contrat prévoit 24 heures.',
  } as Record<string, string>,
  findings: [
    {
      questionId: 'breach-notice-hours',
      title: 'Délai de notification des violations de 72 heures au lieu des 24 heures du contrat',
      description: 'La procédure du prestataire prévoit 72 heures ; le contrat (art. 9.2) en fixe 24.',
      severity: 'high' as FindingSeverity,
      rootCause: 'Procédure groupe non adaptée aux contrats d’établissements de santé',
      steps: [
        ['Réviser la procédure de gestion des violations (24 heures)', -110, -112],
        ['Transmettre la procédure signée et la liste d’astreinte', -100, -98],
      ] as Array<[string, number, number]>,
    },
    {
      questionId: 'processor-register',
      title: 'Registre des traitements du sous-traitant absent',
      description: 'Aucun registre des activités de traitement tenu en qualité de sous-traitant (art. 30.2).',
      severity: 'medium' as FindingSeverity,
      rootCause: 'Registre tenu uniquement pour les traitements propres du prestataire',
      steps: [['Établir le registre sous-traitant et en transmettre l’extrait', -90, -62]] as Array<[string, number, number]>,
    },
  ],
  costs: [
    ['Journée d’audit sur site (auditeur externe)', 180_000, -150],
    ['Analyse documentaire et rapport', 60_000, -135],
  ] as Array<[string, number, number]>,
};

/** A plausible answer for a question the scenes above leave out. */
export function demoAnswer(q: GridQuestion): unknown {
  switch (q.type) {
    case 'yes_no':
    case 'yes_no_partial':
      return 'yes';
    case 'single':
      return q.options?.[0]?.id ?? '';
    case 'multiple':
      return q.options?.[0] ? [q.options[0].id] : [];
    case 'number':
      return 24;
    case 'date':
      return '2027-06-30';
    default:
      return 'Décrit dans notre plan d’assurance sécurité (PAS), version 2026.';
  }
}

import type { OrganizationKind, RoleFamily, TerritoryKind } from '../server/modules/identity/domain.js';

/**
 * The demo territory: invented establishments, towns and domains (the .demo TLD is never
 * delegated, so no email of the demo can reach a real mailbox).
 */

export interface JobTemplate {
  /** Masculine and feminine job titles, as staff directories write them. */
  m: string;
  f: string;
  family: RoleFamily;
  weight: number;
  /** Where this job works; absent: one of the organization's care services. */
  services?: readonly string[];
  manager?: boolean;
}

export interface KeyPerson {
  key: string;
  firstName: string;
  lastName: string;
  female: boolean;
  job: string;
  family: RoleFamily;
  service: string;
  manager?: boolean;
}

export interface DemoOrg {
  key: string;
  name: string;
  shortName: string;
  kind: OrganizationKind;
  city: string;
  domain: string;
  size: number;
  sites: ReadonlyArray<readonly [string, number]>;
  careServices: readonly string[];
  jobs: readonly JobTemplate[];
  keyPeople?: readonly KeyPerson[];
}

export interface DemoTerritory {
  key: string;
  name: string;
  kind: TerritoryKind;
  region: string;
  members: ReadonlyArray<{ org: string; lead?: boolean; shares?: boolean }>;
}

const SUPPORT = {
  direction: 'Direction',
  dsi: 'DSI',
  admissions: 'Accueil-Admissions',
  hr: 'Ressources humaines',
  lab: 'Laboratoire',
  pharmacy: 'Pharmacie',
  logistics: 'Logistique',
  technical: 'Services techniques',
  biomed: 'Biomédical',
  quality: 'Qualité et gestion des risques',
  imaging: 'Imagerie médicale',
  theatre: 'Bloc opératoire',
  consult: 'Consultations externes',
} as const;

/** Jobs of a general hospital (CHU, CH); the CHU adds its own specialties. */
function hospitalJobs(extra: readonly JobTemplate[] = []): JobTemplate[] {
  return [
    // Physicians
    { m: 'Médecin urgentiste', f: 'Médecin urgentiste', family: 'physicians', weight: 12, services: ['Urgences', 'SAMU-SMUR'] },
    { m: 'Médecin réanimateur', f: 'Médecin réanimatrice', family: 'physicians', weight: 6, services: ['Réanimation'] },
    { m: 'Cardiologue', f: 'Cardiologue', family: 'physicians', weight: 6, services: ['Cardiologie'] },
    { m: 'Pédiatre', f: 'Pédiatre', family: 'physicians', weight: 5, services: ['Pédiatrie'] },
    { m: 'Anesthésiste-réanimateur', f: 'Anesthésiste-réanimatrice', family: 'physicians', weight: 7, services: [SUPPORT.theatre] },
    {
      m: 'Chirurgien orthopédiste',
      f: 'Chirurgienne orthopédiste',
      family: 'physicians',
      weight: 5,
      services: [SUPPORT.theatre, 'Chirurgie orthopédique'],
    },
    {
      m: 'Chirurgien viscéral',
      f: 'Chirurgienne viscérale',
      family: 'physicians',
      weight: 4,
      services: [SUPPORT.theatre, 'Chirurgie digestive'],
    },
    { m: 'Radiologue', f: 'Radiologue', family: 'physicians', weight: 4, services: [SUPPORT.imaging] },
    { m: 'Gériatre', f: 'Gériatre', family: 'physicians', weight: 4, services: ['Gériatrie'] },
    { m: 'Praticien hospitalier', f: 'Praticienne hospitalière', family: 'physicians', weight: 10 },
    { m: 'Gynécologue-obstétricien', f: 'Gynécologue-obstétricienne', family: 'physicians', weight: 3, services: ['Maternité'] },
    { m: 'Biologiste médical', f: 'Biologiste médicale', family: 'physicians', weight: 2, services: [SUPPORT.lab] },
    // Nurses and care assistants
    { m: 'Infirmier (IDE)', f: 'Infirmière (IDE)', family: 'nurses_care_assistants', weight: 170 },
    { m: 'Aide-soignant', f: 'Aide-soignante', family: 'nurses_care_assistants', weight: 130 },
    {
      m: 'Infirmier de bloc opératoire (IBODE)',
      f: 'Infirmière de bloc opératoire (IBODE)',
      family: 'nurses_care_assistants',
      weight: 12,
      services: [SUPPORT.theatre],
    },
    {
      m: 'Infirmier anesthésiste (IADE)',
      f: 'Infirmière anesthésiste (IADE)',
      family: 'nurses_care_assistants',
      weight: 8,
      services: [SUPPORT.theatre],
    },
    { m: 'Puériculteur', f: 'Puéricultrice', family: 'nurses_care_assistants', weight: 8, services: ['Pédiatrie', 'Maternité'] },
    { m: 'Sage-femme', f: 'Sage-femme', family: 'nurses_care_assistants', weight: 8, services: ['Maternité'] },
    { m: 'Cadre de santé', f: 'Cadre de santé', family: 'nurses_care_assistants', weight: 12, manager: true },
    {
      m: 'Manipulateur en électroradiologie',
      f: 'Manipulatrice en électroradiologie',
      family: 'nurses_care_assistants',
      weight: 10,
      services: [SUPPORT.imaging],
    },
    { m: 'Masseur-kinésithérapeute', f: 'Masseuse-kinésithérapeute', family: 'nurses_care_assistants', weight: 5 },
    // Secretaries and reception
    { m: 'Secrétaire médical', f: 'Secrétaire médicale', family: 'secretaries_reception', weight: 30 },
    { m: "Agent d'accueil", f: "Agente d'accueil", family: 'secretaries_reception', weight: 10, services: [SUPPORT.admissions] },
    {
      m: 'Assistant médico-administratif',
      f: 'Assistante médico-administrative',
      family: 'secretaries_reception',
      weight: 8,
      services: [SUPPORT.consult, SUPPORT.admissions],
    },
    { m: 'Standardiste', f: 'Standardiste', family: 'secretaries_reception', weight: 3, services: [SUPPORT.admissions] },
    // Pharmacy and lab
    { m: 'Pharmacien', f: 'Pharmacienne', family: 'pharmacy_lab', weight: 4, services: [SUPPORT.pharmacy] },
    {
      m: 'Préparateur en pharmacie hospitalière',
      f: 'Préparatrice en pharmacie hospitalière',
      family: 'pharmacy_lab',
      weight: 9,
      services: [SUPPORT.pharmacy],
    },
    { m: 'Technicien de laboratoire', f: 'Technicienne de laboratoire', family: 'pharmacy_lab', weight: 16, services: [SUPPORT.lab] },
    // Administration and management
    {
      m: "Attaché d'administration hospitalière",
      f: "Attachée d'administration hospitalière",
      family: 'administration_management',
      weight: 4,
      services: [SUPPORT.direction, SUPPORT.hr],
    },
    {
      m: 'Gestionnaire ressources humaines',
      f: 'Gestionnaire ressources humaines',
      family: 'administration_management',
      weight: 8,
      services: [SUPPORT.hr],
    },
    {
      m: 'Adjoint administratif',
      f: 'Adjointe administrative',
      family: 'administration_management',
      weight: 12,
      services: [SUPPORT.direction, SUPPORT.hr, SUPPORT.admissions],
    },
    {
      m: 'Contrôleur de gestion',
      f: 'Contrôleuse de gestion',
      family: 'administration_management',
      weight: 2,
      services: [SUPPORT.direction],
    },
    { m: 'Qualiticien', f: 'Qualiticienne', family: 'administration_management', weight: 2, services: [SUPPORT.quality] },
    {
      m: 'Chargé de communication',
      f: 'Chargée de communication',
      family: 'administration_management',
      weight: 1,
      services: [SUPPORT.direction],
    },
    // Technical and logistics
    { m: 'Agent de service hospitalier (ASH)', f: 'Agente de service hospitalier (ASH)', family: 'technical_logistics', weight: 35 },
    { m: 'Agent logistique', f: 'Agente logistique', family: 'technical_logistics', weight: 10, services: [SUPPORT.logistics] },
    {
      m: 'Brancardier',
      f: 'Brancardière',
      family: 'technical_logistics',
      weight: 8,
      services: ['Urgences', SUPPORT.theatre, SUPPORT.imaging],
    },
    {
      m: 'Technicien de maintenance',
      f: 'Technicienne de maintenance',
      family: 'technical_logistics',
      weight: 5,
      services: [SUPPORT.technical],
    },
    { m: 'Cuisinier', f: 'Cuisinière', family: 'technical_logistics', weight: 4, services: [SUPPORT.logistics] },
    {
      m: 'Agent de sécurité incendie',
      f: 'Agente de sécurité incendie',
      family: 'technical_logistics',
      weight: 3,
      services: [SUPPORT.logistics],
    },
    // IT and biomedical
    { m: 'Technicien informatique', f: 'Technicienne informatique', family: 'it_biomedical', weight: 6, services: [SUPPORT.dsi] },
    {
      m: 'Ingénieur systèmes et réseaux',
      f: 'Ingénieure systèmes et réseaux',
      family: 'it_biomedical',
      weight: 3,
      services: [SUPPORT.dsi],
    },
    { m: 'Chef de projet SIH', f: 'Cheffe de projet SIH', family: 'it_biomedical', weight: 2, services: [SUPPORT.dsi] },
    { m: 'Technicien biomédical', f: 'Technicienne biomédicale', family: 'it_biomedical', weight: 3, services: [SUPPORT.biomed] },
    // Students and interns
    { m: 'Interne en médecine', f: 'Interne en médecine', family: 'students_interns', weight: 18 },
    { m: 'Étudiant infirmier', f: 'Étudiante infirmière', family: 'students_interns', weight: 14 },
    { m: 'Externe en médecine', f: 'Externe en médecine', family: 'students_interns', weight: 6 },
    { m: 'Élève aide-soignant', f: 'Élève aide-soignante', family: 'students_interns', weight: 4 },
    // External staff
    { m: 'Infirmier intérimaire', f: 'Infirmière intérimaire', family: 'external_staff', weight: 5 },
    {
      m: 'Agent de nettoyage (prestataire)',
      f: 'Agente de nettoyage (prestataire)',
      family: 'external_staff',
      weight: 3,
      services: [SUPPORT.logistics],
    },
    ...extra,
  ];
}

const generalCare = [
  'Urgences',
  'Réanimation',
  'Cardiologie',
  'Pédiatrie',
  'Médecine interne',
  'Gériatrie',
  'Chirurgie orthopédique',
  'Chirurgie digestive',
  'Maternité',
  SUPPORT.consult,
] as const;

export const demoOrgs: readonly DemoOrg[] = [
  {
    key: 'chu',
    name: 'CHU de Rivemont',
    shortName: 'CHU Rivemont',
    kind: 'chu',
    city: 'Rivemont',
    domain: 'chu-rivemont.demo',
    size: 1700,
    sites: [
      ['Hôpital Rivemont-Centre', 60],
      ['Hôpital des Tilleuls', 25],
      ['Site gériatrique de Beaulieu', 15],
    ],
    careServices: [...generalCare, 'SAMU-SMUR', 'Oncologie', 'Néphrologie', 'Neurologie', 'Pneumologie', 'Hématologie'],
    jobs: hospitalJobs([
      { m: 'Oncologue', f: 'Oncologue', family: 'physicians', weight: 4, services: ['Oncologie', 'Hématologie'] },
      { m: 'Néphrologue', f: 'Néphrologue', family: 'physicians', weight: 3, services: ['Néphrologie'] },
      { m: 'Neurologue', f: 'Neurologue', family: 'physicians', weight: 3, services: ['Neurologie'] },
      { m: 'Pneumologue', f: 'Pneumologue', family: 'physicians', weight: 3, services: ['Pneumologie'] },
      { m: 'Médecin régulateur', f: 'Médecin régulatrice', family: 'physicians', weight: 3, services: ['SAMU-SMUR'] },
      {
        m: 'Assistant de régulation médicale',
        f: 'Assistante de régulation médicale',
        family: 'secretaries_reception',
        weight: 6,
        services: ['SAMU-SMUR'],
      },
      { m: 'Ingénieur biomédical', f: 'Ingénieure biomédicale', family: 'it_biomedical', weight: 1, services: [SUPPORT.biomed] },
      { m: 'Développeur', f: 'Développeuse', family: 'it_biomedical', weight: 2, services: [SUPPORT.dsi] },
    ]),
    keyPeople: [
      {
        key: 'chu.rssi',
        firstName: 'Claire',
        lastName: 'Morvan',
        female: true,
        job: "Responsable de la sécurité des systèmes d'information (RSSI) du GHT",
        family: 'it_biomedical',
        service: SUPPORT.dsi,
        manager: true,
      },
      {
        key: 'chu.dsi',
        firstName: 'Marc',
        lastName: 'Delamare',
        female: false,
        job: "Directeur des systèmes d'information",
        family: 'it_biomedical',
        service: SUPPORT.dsi,
        manager: true,
      },
      {
        key: 'chu.dg',
        firstName: 'Étienne',
        lastName: 'Vautier',
        female: false,
        job: 'Directeur général',
        family: 'administration_management',
        service: SUPPORT.direction,
        manager: true,
      },
      {
        key: 'chu.dpo',
        firstName: 'Hélène',
        lastName: 'Quesnel',
        female: true,
        job: 'Déléguée à la protection des données (DPO)',
        family: 'administration_management',
        service: SUPPORT.direction,
      },
      {
        key: 'chu.manager',
        firstName: 'Nadia',
        lastName: 'Benali',
        female: true,
        job: 'Cadre de santé',
        family: 'nurses_care_assistants',
        service: 'Urgences',
        manager: true,
      },
      {
        key: 'chu.learner',
        firstName: 'Lucas',
        lastName: 'Hamel',
        female: false,
        job: 'Infirmier (IDE)',
        family: 'nurses_care_assistants',
        service: 'Urgences',
      },
    ],
  },
  {
    key: 'ch',
    name: 'Centre hospitalier de Bréval-sur-Seine',
    shortName: 'CH Bréval',
    kind: 'ch',
    city: 'Bréval-sur-Seine',
    domain: 'ch-breval.demo',
    size: 700,
    sites: [
      ['Site principal', 80],
      ['Antenne de Valcourt', 20],
    ],
    careServices: generalCare,
    jobs: hospitalJobs(),
    keyPeople: [
      {
        key: 'ch.dsi',
        firstName: 'Julien',
        lastName: 'Carpentier',
        female: false,
        job: "Responsable des systèmes d'information",
        family: 'it_biomedical',
        service: SUPPORT.dsi,
        manager: true,
      },
      {
        key: 'ch.director',
        firstName: 'Isabelle',
        lastName: 'Lecanu',
        female: true,
        job: 'Directrice',
        family: 'administration_management',
        service: SUPPORT.direction,
        manager: true,
      },
    ],
  },
  {
    key: 'clinic',
    name: 'Clinique du Val Fleuri',
    shortName: 'Clinique Val Fleuri',
    kind: 'private_clinic',
    city: 'Valfleury',
    domain: 'clinique-valfleury.demo',
    size: 250,
    sites: [['Clinique du Val Fleuri', 100]],
    careServices: [
      'Chirurgie ambulatoire',
      'Chirurgie orthopédique',
      'Chirurgie digestive',
      'Maternité',
      'Soins de suite',
      SUPPORT.consult,
    ],
    jobs: hospitalJobs().filter((j) => j.family !== 'students_interns' || j.m.startsWith('Étudiant')),
    keyPeople: [
      {
        key: 'clinic.director',
        firstName: 'Philippe',
        lastName: 'Osmont',
        female: false,
        job: "Directeur d'établissement",
        family: 'administration_management',
        service: SUPPORT.direction,
        manager: true,
      },
    ],
  },
  {
    key: 'ehpad',
    name: 'EHPAD Les Glycines',
    shortName: 'EHPAD Les Glycines',
    kind: 'ehpad',
    city: 'Saint-Aubin-des-Prés',
    domain: 'ehpad-glycines.demo',
    size: 90,
    sites: [['Résidence Les Glycines', 100]],
    careServices: ['Hébergement', 'Unité protégée', 'Soins'],
    jobs: [
      { m: 'Aide-soignant', f: 'Aide-soignante', family: 'nurses_care_assistants', weight: 35 },
      { m: 'Infirmier (IDE)', f: 'Infirmière (IDE)', family: 'nurses_care_assistants', weight: 10 },
      { m: 'Accompagnant éducatif et social', f: 'Accompagnante éducative et sociale', family: 'nurses_care_assistants', weight: 8 },
      { m: 'Infirmier coordinateur', f: 'Infirmière coordinatrice', family: 'nurses_care_assistants', weight: 1, manager: true },
      { m: 'Médecin coordonnateur', f: 'Médecin coordonnatrice', family: 'physicians', weight: 1 },
      { m: 'Agent de service hospitalier (ASH)', f: 'Agente de service hospitalier (ASH)', family: 'technical_logistics', weight: 14 },
      { m: 'Cuisinier', f: 'Cuisinière', family: 'technical_logistics', weight: 4, services: ['Restauration'] },
      { m: 'Agent de maintenance', f: 'Agente de maintenance', family: 'technical_logistics', weight: 1, services: ['Administration'] },
      { m: "Agent d'accueil", f: "Agente d'accueil", family: 'secretaries_reception', weight: 2, services: ['Accueil'] },
      { m: 'Animateur', f: 'Animatrice', family: 'administration_management', weight: 2, services: ['Hébergement'] },
      { m: 'Comptable', f: 'Comptable', family: 'administration_management', weight: 1, services: ['Administration'] },
      { m: 'Élève aide-soignant', f: 'Élève aide-soignante', family: 'students_interns', weight: 3 },
    ],
    keyPeople: [
      {
        key: 'ehpad.director',
        firstName: 'Sandrine',
        lastName: 'Toutain',
        female: true,
        job: 'Directrice',
        family: 'administration_management',
        service: 'Administration',
        manager: true,
      },
    ],
  },
  {
    key: 'psy',
    name: 'Centre hospitalier spécialisé du Mont-Roux',
    shortName: 'CHS Mont-Roux',
    kind: 'psychiatric_hospital',
    city: 'Montroux',
    domain: 'chs-montroux.demo',
    size: 220,
    sites: [
      ['Site du Mont-Roux', 70],
      ['CMP de Rivemont', 20],
      ['Hôpital de jour Les Saules', 10],
    ],
    careServices: [
      'Psychiatrie adulte',
      'Pédopsychiatrie',
      'Urgences psychiatriques',
      'Addictologie',
      'Hôpital de jour',
      'Centre médico-psychologique',
    ],
    jobs: [
      { m: 'Psychiatre', f: 'Psychiatre', family: 'physicians', weight: 8 },
      { m: 'Pédopsychiatre', f: 'Pédopsychiatre', family: 'physicians', weight: 2, services: ['Pédopsychiatrie'] },
      { m: 'Médecin généraliste', f: 'Médecin généraliste', family: 'physicians', weight: 2 },
      { m: 'Infirmier (IDE)', f: 'Infirmière (IDE)', family: 'nurses_care_assistants', weight: 60 },
      { m: 'Aide-soignant', f: 'Aide-soignante', family: 'nurses_care_assistants', weight: 25 },
      { m: 'Cadre de santé', f: 'Cadre de santé', family: 'nurses_care_assistants', weight: 6, manager: true },
      { m: 'Psychologue', f: 'Psychologue', family: 'nurses_care_assistants', weight: 10 },
      { m: 'Éducateur spécialisé', f: 'Éducatrice spécialisée', family: 'nurses_care_assistants', weight: 6 },
      { m: 'Ergothérapeute', f: 'Ergothérapeute', family: 'nurses_care_assistants', weight: 3 },
      { m: 'Assistant de service social', f: 'Assistante de service social', family: 'administration_management', weight: 4 },
      { m: 'Secrétaire médical', f: 'Secrétaire médicale', family: 'secretaries_reception', weight: 12 },
      { m: 'Pharmacien', f: 'Pharmacienne', family: 'pharmacy_lab', weight: 1, services: [SUPPORT.pharmacy] },
      {
        m: 'Préparateur en pharmacie hospitalière',
        f: 'Préparatrice en pharmacie hospitalière',
        family: 'pharmacy_lab',
        weight: 2,
        services: [SUPPORT.pharmacy],
      },
      {
        m: 'Adjoint administratif',
        f: 'Adjointe administrative',
        family: 'administration_management',
        weight: 8,
        services: [SUPPORT.direction, SUPPORT.hr],
      },
      { m: 'Agent de service hospitalier (ASH)', f: 'Agente de service hospitalier (ASH)', family: 'technical_logistics', weight: 14 },
      { m: 'Agent logistique', f: 'Agente logistique', family: 'technical_logistics', weight: 4, services: [SUPPORT.logistics] },
      { m: 'Technicien informatique', f: 'Technicienne informatique', family: 'it_biomedical', weight: 2, services: [SUPPORT.dsi] },
      { m: 'Interne en psychiatrie', f: 'Interne en psychiatrie', family: 'students_interns', weight: 4 },
      { m: 'Étudiant infirmier', f: 'Étudiante infirmière', family: 'students_interns', weight: 5 },
    ],
  },
  {
    key: 'lab',
    name: 'Laboratoire BioAnalyse Estuaire',
    shortName: 'BioAnalyse Estuaire',
    kind: 'lab',
    city: 'Rivemont',
    domain: 'bioanalyse-estuaire.demo',
    size: 15,
    sites: [
      ['Site Centre', 70],
      ['Site de la Gare', 30],
    ],
    careServices: ['Prélèvements'],
    jobs: [
      { m: 'Biologiste médical', f: 'Biologiste médicale', family: 'physicians', weight: 2, services: ['Plateau technique'] },
      {
        m: 'Technicien de laboratoire',
        f: 'Technicienne de laboratoire',
        family: 'pharmacy_lab',
        weight: 7,
        services: ['Plateau technique'],
      },
      { m: 'Infirmier préleveur', f: 'Infirmière préleveuse', family: 'nurses_care_assistants', weight: 2 },
      { m: 'Secrétaire médical', f: 'Secrétaire médicale', family: 'secretaries_reception', weight: 3, services: ['Accueil'] },
      { m: 'Coursier', f: 'Coursière', family: 'technical_logistics', weight: 1, services: ['Logistique'] },
    ],
  },
  {
    key: 'pharmacy',
    name: 'Pharmacie du Marché',
    shortName: 'Pharmacie du Marché',
    kind: 'pharmacy',
    city: 'Valfleury',
    domain: 'pharmacie-marche.demo',
    size: 6,
    sites: [['Officine', 100]],
    careServices: ['Officine'],
    jobs: [
      { m: 'Pharmacien adjoint', f: 'Pharmacienne adjointe', family: 'pharmacy_lab', weight: 1 },
      { m: 'Préparateur en pharmacie', f: 'Préparatrice en pharmacie', family: 'pharmacy_lab', weight: 3 },
      { m: 'Apprenti préparateur', f: 'Apprentie préparatrice', family: 'students_interns', weight: 1 },
    ],
    keyPeople: [
      {
        key: 'pharmacy.owner',
        firstName: 'Mathilde',
        lastName: 'Savary',
        female: true,
        job: 'Pharmacienne titulaire',
        family: 'pharmacy_lab',
        service: 'Officine',
        manager: true,
      },
    ],
  },
  {
    key: 'msp',
    name: 'Maison de santé des Peupliers',
    shortName: 'MSP des Peupliers',
    kind: 'gp_practice',
    city: 'Valfleury',
    domain: 'msp-peupliers.demo',
    size: 12,
    sites: [['Maison de santé', 100]],
    careServices: ['Cabinet'],
    jobs: [
      { m: 'Médecin généraliste', f: 'Médecin généraliste', family: 'physicians', weight: 5 },
      { m: 'Infirmier en pratique avancée', f: 'Infirmière en pratique avancée', family: 'nurses_care_assistants', weight: 1 },
      { m: 'Secrétaire médical', f: 'Secrétaire médicale', family: 'secretaries_reception', weight: 3, services: ['Accueil'] },
      { m: 'Interne en médecine générale', f: 'Interne en médecine générale', family: 'students_interns', weight: 1 },
    ],
    keyPeople: [
      {
        key: 'cpts.coordinator',
        firstName: 'Sophie',
        lastName: 'Lebreton',
        female: true,
        job: 'Coordinatrice de la CPTS',
        family: 'administration_management',
        service: 'Coordination',
        manager: true,
      },
    ],
  },
  {
    key: 'gp',
    name: 'Cabinet médical de la Fontaine',
    shortName: 'Cabinet de la Fontaine',
    kind: 'gp_practice',
    city: 'Bréval-sur-Seine',
    domain: 'cabinet-fontaine.demo',
    size: 4,
    sites: [['Cabinet', 100]],
    careServices: ['Cabinet'],
    jobs: [
      { m: 'Médecin généraliste', f: 'Médecin généraliste', family: 'physicians', weight: 3 },
      { m: 'Secrétaire médical', f: 'Secrétaire médicale', family: 'secretaries_reception', weight: 1 },
    ],
  },
  {
    key: 'idel',
    name: 'Cabinet infirmier Les Lilas',
    shortName: 'Cabinet infirmier Les Lilas',
    kind: 'nurses_practice',
    city: 'Saint-Aubin-des-Prés',
    domain: 'idel-lilas.demo',
    size: 5,
    sites: [['Cabinet', 100]],
    careServices: ['Soins à domicile'],
    jobs: [{ m: 'Infirmier libéral', f: 'Infirmière libérale', family: 'nurses_care_assistants', weight: 1 }],
  },
  {
    key: 'labsoft',
    name: 'LabSoft Systèmes',
    shortName: 'LabSoft',
    kind: 'provider',
    city: 'Lyon',
    domain: 'labsoft.demo',
    size: 10,
    sites: [['Siège', 100]],
    careServices: ['Support client'],
    jobs: [
      { m: 'Ingénieur support', f: 'Ingénieure support', family: 'external_staff', weight: 3 },
      { m: 'Développeur', f: 'Développeuse', family: 'external_staff', weight: 3, services: ['Recherche et développement'] },
      {
        m: 'Chef de projet déploiement',
        f: 'Cheffe de projet déploiement',
        family: 'external_staff',
        weight: 2,
        services: ['Déploiement'],
      },
      { m: 'Responsable sécurité', f: 'Responsable sécurité', family: 'external_staff', weight: 1, services: ['Direction'] },
    ],
  },
  {
    key: 'hebergo',
    name: 'Hébergo Santé',
    shortName: 'Hébergo',
    kind: 'provider',
    city: 'Nantes',
    domain: 'hebergo-sante.demo',
    size: 10,
    sites: [['Centre de services', 100]],
    careServices: ['Télémaintenance'],
    jobs: [
      { m: 'Administrateur systèmes', f: 'Administratrice systèmes', family: 'external_staff', weight: 3, services: ['Exploitation'] },
      { m: "Ingénieur d'exploitation", f: "Ingénieure d'exploitation", family: 'external_staff', weight: 2, services: ['Exploitation'] },
      { m: 'Technicien de télémaintenance', f: 'Technicienne de télémaintenance', family: 'external_staff', weight: 3 },
      {
        m: 'Responsable de la conformité HDS',
        f: 'Responsable de la conformité HDS',
        family: 'external_staff',
        weight: 1,
        services: ['Direction'],
      },
    ],
  },
  {
    key: 'ars',
    name: 'Agence régionale de santé (démo)',
    shortName: 'ARS démo',
    kind: 'ars',
    city: 'Rivemont',
    domain: 'ars-region.demo',
    size: 8,
    sites: [['Siège régional', 100]],
    careServices: ['Direction de la santé publique'],
    jobs: [
      {
        m: 'Chargé de mission sécurité numérique',
        f: 'Chargée de mission sécurité numérique',
        family: 'administration_management',
        weight: 2,
      },
      { m: 'Inspecteur de santé publique', f: 'Inspectrice de santé publique', family: 'administration_management', weight: 2 },
      {
        m: 'Référent offre de soins',
        f: 'Référente offre de soins',
        family: 'administration_management',
        weight: 3,
        services: ["Direction de l'offre de soins"],
      },
    ],
  },
];

export const demoTerritories: readonly DemoTerritory[] = [
  {
    key: 'ght',
    name: 'GHT Seine-Estuaire',
    kind: 'ght',
    region: 'Normandie',
    members: [
      { org: 'chu', lead: true, shares: true },
      { org: 'ch', shares: true },
      { org: 'clinic', shares: false },
      { org: 'ehpad', shares: true },
      { org: 'psy', shares: true },
    ],
  },
  {
    key: 'cpts',
    name: 'CPTS des Trois Vallées',
    kind: 'cpts',
    region: 'Normandie',
    members: [
      { org: 'msp', lead: true, shares: true },
      { org: 'lab', shares: true },
      { org: 'pharmacy', shares: true },
      { org: 'gp', shares: false },
      { org: 'idel', shares: true },
    ],
  },
];

export const DEMO_PASSWORD = 'Rempart-demo-2026!';
export const DEMO_ADMIN_EMAIL = 'admin@rempart.demo';

/** The demo's sign-in accounts: a key person (or none for the platform admin) and the grants. */
export interface DemoAccount {
  person: string | null;
  email?: string;
  displayName?: string;
  label: { fr: string; en: string };
  password: boolean;
  grants: ReadonlyArray<{ role: 'platform_admin' | 'territory_coordinator' | 'org_admin' | 'manager' | 'learner'; scope: string }>;
}

export const demoAccounts: readonly DemoAccount[] = [
  {
    person: null,
    email: DEMO_ADMIN_EMAIL,
    displayName: 'Administrateur de la plateforme (démo)',
    label: { fr: 'Administrateur de la plateforme', en: 'Platform administrator' },
    password: true,
    grants: [{ role: 'platform_admin', scope: 'platform' }],
  },
  {
    person: 'chu.rssi',
    label: { fr: 'RSSI du CHU, coordinatrice du GHT', en: 'CHU security officer, GHT coordinator' },
    password: true,
    grants: [
      { role: 'org_admin', scope: 'org:chu' },
      { role: 'territory_coordinator', scope: 'territory:ght' },
    ],
  },
  {
    person: 'cpts.coordinator',
    label: { fr: 'Coordinatrice de la CPTS', en: 'CPTS coordinator' },
    password: true,
    grants: [{ role: 'territory_coordinator', scope: 'territory:cpts' }],
  },
  {
    person: 'ch.dsi',
    label: { fr: 'Administrateur du CH (DSI)', en: 'CH administrator (IT director)' },
    password: true,
    grants: [{ role: 'org_admin', scope: 'org:ch' }],
  },
  {
    person: 'chu.manager',
    label: { fr: 'Cadre de santé (manager), Urgences du CHU', en: 'Care manager, CHU emergency department' },
    password: true,
    grants: [{ role: 'manager', scope: 'org:chu' }],
  },
  {
    person: 'chu.learner',
    label: { fr: 'Infirmier (apprenant), lien de connexion par courriel', en: 'Nurse (learner), sign-in link by email' },
    password: false,
    grants: [{ role: 'learner', scope: 'org:chu' }],
  },
];

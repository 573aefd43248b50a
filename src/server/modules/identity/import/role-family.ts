/**
 * Role families from what HR files contain: our codes, the labels HR teams write in a "famille"
 * column, or, when no such column is mapped, a guess from the job title.
 */
import { type RoleFamily, roleFamilies } from '../domain.js';
import { normalizeLabel } from './fields.js';

// Labels found in a family/category column (normalized). Keywords below catch the rest.
const labels: Record<string, RoleFamily> = {};
const addLabels = (family: RoleFamily, list: string[]) => {
  for (const l of list) labels[normalizeLabel(l)] = family;
};
for (const f of roleFamilies) labels[f] = f;
addLabels('physicians', [
  'Médecin',
  'Médecins',
  'Médical',
  'Personnel médical',
  'Praticien',
  'Praticiens',
  'PH',
  'Physician',
  'Physicians',
  'Doctor',
]);
addLabels('nurses_care_assistants', [
  'IDE',
  'Infirmier',
  'Infirmière',
  'Infirmier(e)',
  'Infirmiers',
  'Aide-soignant',
  'Aide-soignante',
  'Aide-soignant(e)',
  'AS',
  'ASH',
  'Soignant',
  'Soignants',
  'Paramédical',
  'Personnel soignant',
  'Nurse',
  'Nurses',
  'Nurses and care assistants',
  'Care assistant',
]);
addLabels('secretaries_reception', [
  'Secrétaire',
  'Secrétaire médicale',
  'Secrétariat',
  'Secrétariat médical',
  'Accueil',
  'Secretary',
  'Reception',
]);
addLabels('pharmacy_lab', [
  'Pharmacien',
  'Pharmacie',
  'Technicien de laboratoire',
  'Laboratoire',
  'Biologie',
  'Pharmacy',
  'Lab',
  'Laboratory',
  'Pharmacie et laboratoire',
]);
addLabels('administration_management', [
  'Administratif',
  'Administratifs',
  'Cadre administratif',
  'Administration',
  'Direction',
  'Personnel administratif',
  'Administration et direction',
  'Management',
]);
addLabels('technical_logistics', [
  'Logistique',
  'Technique',
  'Technique et logistique',
  'Ouvrier',
  'Personnel technique',
  'Logistics',
  'Technical',
]);
addLabels('it_biomedical', ['Informatique', 'Biomédical', 'Informatique et biomédical', 'Numérique', 'SI', 'DSI', 'IT', 'Biomedical']);
addLabels('students_interns', [
  'Interne',
  'Internes',
  'Étudiant',
  'Étudiants',
  'Étudiante',
  'Externe',
  'Stagiaire',
  'Student',
  'Intern',
  'Interns',
]);
addLabels('external_staff', [
  'Prestataire',
  'Prestataires',
  'Intérimaire',
  'Intérim',
  'Sous-traitant',
  'Externe prestataire',
  'External',
  'Contractor',
]);

// Keywords in job titles, tried in this order: the first family that matches wins. Order
// matters: "Interne en médecine" is a student, "Secrétaire médicale" a secretary, "Infirmier
// anesthésiste" a nurse and "Technicien de laboratoire" lab staff before any broader keyword.
const titleRules: Array<[RoleFamily, RegExp]> = [
  ['students_interns', /\b(interne|internes|etudiant|etudiante|stagiaire|externe|apprenti|apprentie|eleve|student|intern|trainee)\b/],
  ['external_staff', /\b(prestataire|interimaire|interim|sous traitant|consultant|consultante|contractor|benevole)\b/],
  [
    'secretaries_reception',
    /\b(secretaire|secretariat|accueil|standardiste|hotesse|admissions?|assistante? medicale?|receptionist|secretary)\b/,
  ],
  [
    'it_biomedical',
    /\b(informaticien|informaticienne|informatique|biomedical|biomedicale|rssi|dsi|developpeur|developpeuse|administrateur (systemes?|reseaux?)|systemes? et reseaux|reseaux?|support it|helpdesk|it|devops|data)\b/,
  ],
  [
    'pharmacy_lab',
    /\b(pharmacien|pharmacienne|pharmacie|preparateur|preparatrice|laboratoire|laborantin|laborantine|biologiste|biologie|technicien de labo|pharmacist|lab technician|laboratory)\b/,
  ],
  [
    'nurses_care_assistants',
    /\b(infirmier|infirmiere|ide|idec|iade|ibode|ipa|aide soignant|aide soignante|as|ash|auxiliaire de puericulture|puericultrice|sage femme|maieuticien|kinesitherapeute|kine|ergotherapeute|psychomotricien|psychomotricienne|orthophoniste|dieteticien|dieteticienne|manipulateur|manipulatrice|psychologue|cadre de sante|soignant|soignante|agent des services hospitaliers|aide medico psychologique|amp|accompagnant educatif et social|aes|nurse|care assistant|midwife)\b/,
  ],
  [
    'physicians',
    /\b(medecin|praticien|praticienne|chirurgien|chirurgienne|anesthesiste|pediatre|psychiatre|radiologue|cardiologue|urgentiste|gynecologue|obstetricien|geriatre|oncologue|neurologue|docteur|dr|chef de clinique|ph|physician|doctor|surgeon)\b/,
  ],
  [
    'administration_management',
    /\b(directeur|directrice|direction|administratif|administrative|adjoint administratif|adjointe administrative|attache|attachee|gestionnaire|comptable|juriste|dpo|qualite|ressources humaines|rh|controleur de gestion|acheteur|acheteuse|assistant de direction|assistante de direction|charge de mission|chargee de mission|manager|director|administrator|accountant|hr)\b/,
  ],
  [
    'technical_logistics',
    /\b(technicien|technicienne|ouvrier|ouvriere|agent technique|agent d entretien|magasinier|magasiniere|brancardier|brancardiere|cuisinier|cuisiniere|chauffeur|ambulancier|ambulanciere|electricien|plombier|jardinier|securite|agent de securite|lingere|blanchisserie|restauration|logistique|logisticien|maintenance|technician|driver|porter)\b/,
  ],
];

/** A family from a family/category cell: our code, a known label, or keywords; null if unknown. */
export function roleFamilyFromLabel(value: string): RoleFamily | null {
  const n = normalizeLabel(value);
  if (n === '') return null;
  const exact = labels[n] ?? labels[n.replace(/ /g, '_')];
  if (exact) return exact;
  return roleFamilyFromJobTitle(value);
}

/** A family guessed from a job title; null when no keyword matches. */
export function roleFamilyFromJobTitle(title: string): RoleFamily | null {
  const n = normalizeLabel(title);
  if (n === '') return null;
  for (const [family, re] of titleRules) if (re.test(n)) return family;
  return null;
}

/**
 * The family of a new person whose file gives no family column and whose job title matches no
 * keyword. Decision (docs/import.md): not an error, because a 100,000-row file would otherwise
 * be blocked by the long tail of ~200 hospital job titles; administration and management is the
 * broadest family of in-house staff (external staff rarely appear in an HR export). An existing
 * person keeps the family already recorded, so a hand correction is never overwritten by a guess.
 */
export const fallbackRoleFamily: RoleFamily = 'administration_management';

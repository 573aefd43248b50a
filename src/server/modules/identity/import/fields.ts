/** Our directory fields and how French and English HR headers map onto them. */

export const importFields = ['email', 'firstName', 'lastName', 'jobTitle', 'roleFamily', 'service', 'site', 'isManager', 'active'] as const;
export type ImportField = (typeof importFields)[number];
export const requiredFields: readonly ImportField[] = ['email', 'lastName'];

/** Our field -> header of the file. */
export type Mapping = Partial<Record<ImportField, string>>;

/** Accent-, case- and punctuation-insensitive form used to compare headers and labels. */
export function normalizeLabel(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// Headers seen in French HR exports (payroll and HR software, AD extracts, Excel by hand) and
// their English equivalents, already in normalized form.
const synonyms: Record<ImportField, string[]> = {
  email: [
    'email',
    'e mail',
    'mail',
    'courriel',
    'mel',
    'adresse mail',
    'adresse email',
    'adresse e mail',
    'adresse courriel',
    'adresse electronique',
    'email address',
    'e mail address',
    'mail pro',
    'email pro',
    'email professionnel',
    'courriel professionnel',
    'adresse mail professionnelle',
  ],
  firstName: ['prenom', 'prenom usuel', 'first name', 'firstname', 'given name', 'givenname', 'forename'],
  lastName: [
    'nom',
    'nom de famille',
    'nom usuel',
    'nom d usage',
    'nom patronymique',
    'last name',
    'lastname',
    'surname',
    'family name',
    'name',
  ],
  jobTitle: [
    'fonction',
    'poste',
    'emploi',
    'metier',
    'intitule du poste',
    'intitule de poste',
    'libelle emploi',
    'libelle fonction',
    'libelle du poste',
    'job title',
    'jobtitle',
    'title',
    'job',
    'position',
    'grade',
  ],
  roleFamily: [
    'famille',
    'famille professionnelle',
    'famille de metier',
    'famille de metiers',
    'famille metier',
    'categorie',
    'categorie professionnelle',
    'filiere',
    'role family',
    'family',
    'category',
  ],
  service: [
    'service',
    'unite',
    'unite fonctionnelle',
    'uf',
    'pole',
    'service d affectation',
    'department',
    'departement',
    'dept',
    'unit',
    'ward',
  ],
  site: ['site', 'etablissement', 'site geographique', 'site de rattachement', 'lieu de travail', 'location', 'building', 'office'],
  isManager: ['manager', 'encadrant', 'cadre', 'encadrement', 'responsable', 'is manager', 'est manager', 'management'],
  active: ['actif', 'active', 'statut', 'status', 'etat', 'state', 'en poste', 'present', 'enabled'],
};

/**
 * Suggests a mapping: exact synonyms first, then headers that start with a synonym ("Adresse
 * mail professionnelle", "Service d'affectation"). Each header serves one field at most.
 */
export function suggestMapping(headers: string[]): Mapping {
  const normalized = headers.map(normalizeLabel);
  const used = new Set<number>();
  const mapping: Mapping = {};
  const passes: Array<(h: string, syn: string) => boolean> = [(h, syn) => h === syn, (h, syn) => h.startsWith(`${syn} `)];
  for (const matches of passes) {
    for (const field of importFields) {
      if (mapping[field] !== undefined) continue;
      for (const syn of synonyms[field]) {
        const i = normalized.findIndex((h, idx) => !used.has(idx) && matches(h, syn));
        if (i !== -1) {
          mapping[field] = headers[i]!;
          used.add(i);
          break;
        }
      }
    }
  }
  return mapping;
}

/** The closed vocabularies of the care chain (DOMAIN.md). Labels live in the i18n catalogues. */
export const organizationKinds = [
  'chu',
  'ch',
  'private_clinic',
  'ehpad',
  'psychiatric_hospital',
  'lab',
  'radiology_centre',
  'pharmacy',
  'gp_practice',
  'nurses_practice',
  'provider',
  'ars',
  'other',
] as const;
export type OrganizationKind = (typeof organizationKinds)[number];

export const territoryKinds = ['ght', 'cpts', 'region', 'custom'] as const;
export type TerritoryKind = (typeof territoryKinds)[number];

export const roleFamilies = [
  'physicians',
  'nurses_care_assistants',
  'secretaries_reception',
  'pharmacy_lab',
  'administration_management',
  'technical_logistics',
  'it_biomedical',
  'students_interns',
  'external_staff',
] as const;
export type RoleFamily = (typeof roleFamilies)[number];

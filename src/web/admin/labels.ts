/** The closed vocabularies shown in the admin pages; their labels live in the 'admin' i18n namespace. */
export { organizationKinds, roleFamilies, territoryKinds } from '../../server/modules/identity/domain.js';
export { roleScopes, roles } from '../../server/platform/access/roles.js';

/**
 * The closed vocabularies of learning modules, labelled in the 'learningAdmin' namespace.
 * Threat tags and audiences come from the server's zod-free vocabulary.ts, the lists the
 * content schema is built from.
 */
export { roleFamilies } from '../../../server/modules/identity/domain.js';

export { audiences, threatTags } from '../../../server/modules/learning/vocabulary.js';

export const levels = [1, 2, 3] as const;
export const languages = ['fr', 'en'] as const;
export const origins = ['catalogue', 'custom', 'fork'] as const;
export const moduleStatuses = ['draft', 'published', 'archived'] as const;
export const groupBys = ['role_family', 'service', 'site'] as const;

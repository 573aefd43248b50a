/**
 * The closed vocabularies of learning modules, labelled in the 'learningAdmin' namespace.
 * Threat tags and audiences mirror src/server/modules/learning/content-schema.ts (that file
 * builds zod schemas, too heavy for the browser bundle); vocab.test.ts keeps the two lists equal.
 */
export { roleFamilies } from '../../../server/modules/identity/domain.js';

export const audiences = ['staff', 'patients'] as const;

export const threatTags = [
  'phishing',
  'ransomware',
  'passwords',
  'mfa',
  'shared-workstation',
  'removable-media',
  'byod',
  'health-data-exchange',
  'social-engineering',
  'physical-security',
  'medical-devices',
  'remote-access',
  'incident-reporting',
  'privacy',
  'degraded-mode',
  'suppliers',
  'admin-hygiene',
  'scams',
  'onboarding',
] as const;

export const levels = [1, 2, 3] as const;
export const languages = ['fr', 'en'] as const;
export const origins = ['catalogue', 'custom', 'fork'] as const;
export const moduleStatuses = ['draft', 'published', 'archived'] as const;
export const groupBys = ['role_family', 'service', 'site'] as const;

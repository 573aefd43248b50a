/**
 * The closed vocabularies of learning modules, free of zod so the web bundle can import them
 * (content-schema.ts builds its schemas from these lists).
 * Patients are an audience of their own: they get awareness content only, never simulations.
 */
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

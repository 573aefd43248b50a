export { useMe } from '../../me.js';

/** Whether the grants include a platform admin role (platform tabs, the verify button, creation). */
export const isPlatformAdmin = (grants: readonly { role: string }[]): boolean => grants.some((g) => g.role === 'platform_admin');

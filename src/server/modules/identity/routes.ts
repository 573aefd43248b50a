import type { RempartModule } from '../index.js';

export const identityModule: RempartModule = {
  name: 'identity',
  register() {},
};

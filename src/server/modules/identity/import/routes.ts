import type { RempartModule } from '../../index.js';

export const directoryImportModule: RempartModule = {
  name: 'directory-import',
  register() {},
};

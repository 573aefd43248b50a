import { createHash } from 'node:crypto';
import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { randomToken } from '../../platform/ids.js';

const KEY = /^[A-Za-z0-9_-]{32}$/;

/**
 * Evidence files on disk under FILES_DIR/evidence. The database keeps the name people gave; the
 * disk only sees random keys, so nothing a provider types ever becomes a path.
 */
export class EvidenceStore {
  private readonly root: string;
  constructor(filesDir: string) {
    this.root = resolve(filesDir, 'evidence');
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error('invalid evidence storage key');
    return join(this.root, key.slice(0, 2), key);
  }

  /** Writes new bytes under a fresh key; never overwrites (flag wx). */
  async put(bytes: Buffer): Promise<{ storageKey: string; sha256: string }> {
    const storageKey = randomToken(24);
    const path = this.pathOf(storageKey);
    await mkdir(join(this.root, storageKey.slice(0, 2)), { recursive: true });
    await writeFile(path, bytes, { flag: 'wx', mode: 0o600 });
    return { storageKey, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  async get(storageKey: string): Promise<Buffer> {
    return readFile(this.pathOf(storageKey));
  }

  /** Removes a file whose row was never committed or was deleted in a draft. */
  async remove(storageKey: string): Promise<void> {
    await unlink(this.pathOf(storageKey)).catch(() => undefined);
  }
}

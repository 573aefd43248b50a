import type { Locale } from '../../platform/errors.js';
import { type ModuleView, moduleView } from './learner-present.js';
import { type LearnerRepo, type ModuleTextRow, stampOf } from './learner-repo.js';

type Q = Parameters<LearnerRepo['moduleTexts']>[0];

interface Kept {
  stamp: string;
  texts: ModuleTextRow[];
  views: Map<Locale, ModuleView | null>;
}

/** Modules kept parsed; the least recently used one is dropped beyond this. */
const KEPT_MODULES = 200;

/**
 * Module views kept parsed between requests, under the module's stamp (learner-repo.ts): each
 * answer, page and review used to read the module's texts and parse its questions again. A module
 * edited since is read again, whichever process edited it, since the stamp comes from the database.
 * The views are shared: callers never change them.
 */
export class ModuleViews {
  private readonly kept = new Map<string, Kept>();

  constructor(
    private readonly repo: LearnerRepo,
    private readonly size = KEPT_MODULES,
  ) {}

  /**
   * One module in the locale (French when not translated); null when it does not exist.
   * `stamp`: the module's stamp when the caller read it already (null: the module is gone).
   */
  async view(db: Q, moduleId: string, locale: Locale, stamp?: string | null): Promise<ModuleView | null> {
    if (stamp === null) return null;
    const known = stamp ?? (await this.repo.moduleStamps(db, [moduleId])).get(moduleId);
    if (known === undefined) return null;
    const kept = this.fresh(moduleId, known) ?? (await this.load(db, [moduleId])).get(moduleId);
    return kept ? this.localized(kept, locale) : null;
  }

  /** These modules in the locale, by id; those that do not exist are left out. */
  async views(db: Q, moduleIds: readonly string[], locale: Locale): Promise<Map<string, ModuleView>> {
    const ids = [...new Set(moduleIds)];
    const out = new Map<string, ModuleView>();
    if (ids.length === 0) return out;
    const stamps = await this.repo.moduleStamps(db, ids);
    const found = new Map<string, Kept>();
    const stale: string[] = [];
    for (const [id, stamp] of stamps) {
      const kept = this.fresh(id, stamp);
      if (kept) found.set(id, kept);
      else stale.push(id);
    }
    for (const [id, kept] of await this.load(db, stale)) found.set(id, kept);
    for (const [id, kept] of found) {
      const view = this.localized(kept, locale);
      if (view) out.set(id, view);
    }
    return out;
  }

  private fresh(moduleId: string, stamp: string): Kept | undefined {
    const kept = this.kept.get(moduleId);
    if (!kept || kept.stamp !== stamp) return undefined;
    // Map order is insertion order: a module used again moves to the end, the front is dropped first.
    this.kept.delete(moduleId);
    this.kept.set(moduleId, kept);
    return kept;
  }

  /**
   * Reads the texts and keeps them under the stamp read with them (in the same query): a module
   * edited meanwhile is kept at its newer stamp, never older texts under a newer stamp.
   */
  private async load(db: Q, moduleIds: string[]): Promise<Map<string, Kept>> {
    const loaded = new Map<string, Kept>();
    if (moduleIds.length === 0) return loaded;
    for (const [id, texts] of await this.repo.moduleTexts(db, moduleIds)) {
      const kept: Kept = { stamp: stampOf(texts[0]!), texts, views: new Map() };
      this.kept.delete(id);
      this.kept.set(id, kept);
      loaded.set(id, kept);
    }
    while (this.kept.size > this.size) this.kept.delete(this.kept.keys().next().value as string);
    return loaded;
  }

  private localized(kept: Kept, locale: Locale): ModuleView | null {
    let view = kept.views.get(locale);
    if (view === undefined) {
      view = moduleView(kept.texts, locale);
      kept.views.set(locale, view);
    }
    return view;
  }
}

import { loadScenarioLibrary } from './scenario-check.js';
import type { Scenario } from './scenario-format.js';

/**
 * The library is read once per process: its files change with a release, not at run time.
 * A file that fails its checks is left out (content/exercises/scenarios-content.test.ts fails on it).
 */
let library: Scenario[] | null = null;

export function scenarioLibrary(): Scenario[] {
  library ??= loadScenarioLibrary().scenarios;
  return library;
}

export const scenarioById = (id: string): Scenario | undefined => scenarioLibrary().find((s) => s.id === id);

export function scenarioSummaries() {
  return {
    items: scenarioLibrary().map((s) => ({
      id: s.id,
      version: s.version,
      level: s.level,
      scope: s.scope,
      durationMinutes: s.durationMinutes,
      title: s.title,
      summary: s.summary,
      cells: s.cells.map((c) => ({ id: c.id, name: c.name })),
      objectiveCount: s.objectives.length,
      stimulusCount: s.stimuli.filter((x) => !x.spare).length,
      spareCount: s.stimuli.filter((x) => x.spare).length,
    })),
  };
}

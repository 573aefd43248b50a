import { toJson } from '../../src/server/db/dialect.js';
import type { Db } from '../../src/server/db/index.js';
import type { GridDefinition } from '../../src/server/modules/suppliers/grid-definition.js';
import { newId } from '../../src/server/platform/ids.js';

/**
 * Audit grids for tests: a small definition using every answer type and a condition, the request
 * body that creates it, and a row inserted straight into supplier_grids.
 */
export function sampleDefinition(): GridDefinition {
  return {
    sections: [
      {
        id: 'hosting',
        title: { fr: 'Hébergement', en: 'Hosting' },
        questions: [
          { id: 'certified', text: { fr: 'Certifié HDS ?', en: 'HDS certified?' }, type: 'yes_no', weight: 5, evidence: 'required' },
          {
            id: 'activities',
            text: { fr: 'Activités couvertes ?', en: 'Activities covered?' },
            type: 'multiple',
            weight: 4,
            evidence: 'optional',
            options: [
              { id: 'a1', label: { fr: 'Sites', en: 'Sites' } },
              { id: 'a5', label: { fr: 'Exploitation', en: 'Operation' } },
              { id: 'a6', label: { fr: 'Sauvegarde', en: 'Backup' } },
            ],
            showIf: { questionId: 'certified', anyOf: ['yes'] },
          },
          {
            id: 'expiry',
            text: { fr: 'Expiration ?', en: 'Expiry?' },
            type: 'date',
            weight: 2,
            evidence: 'none',
            showIf: { questionId: 'certified', anyOf: ['yes'] },
          },
        ],
      },
      {
        id: 'operations',
        title: { fr: 'Exploitation', en: 'Operations' },
        questions: [
          {
            id: 'patching',
            reference: 'Mesure 34',
            text: { fr: 'Correctifs appliqués ?', en: 'Patches applied?' },
            type: 'yes_no_partial',
            weight: 3,
            evidence: 'optional',
          },
          {
            id: 'location',
            text: { fr: 'Où sont les données ?', en: 'Where is the data?' },
            type: 'single',
            weight: 3,
            evidence: 'none',
            options: [
              { id: 'eea', label: { fr: 'EEE', en: 'EEA' } },
              { id: 'outside', label: { fr: 'Hors EEE', en: 'Outside the EEA' } },
            ],
          },
          {
            id: 'hours',
            text: { fr: 'Délai de notification (heures) ?', en: 'Notification delay (hours)?' },
            type: 'number',
            weight: 1,
            evidence: 'none',
          },
          { id: 'contact', text: { fr: 'Contact incident ?', en: 'Incident contact?' }, type: 'text', weight: 0, evidence: 'none' },
        ],
      },
    ],
  };
}

export function gridBody(over: { title?: { fr: string; en: string }; definition?: GridDefinition } = {}) {
  return { title: over.title ?? { fr: 'Grille maison', en: 'In-house grid' }, definition: over.definition ?? sampleDefinition() };
}

/** An organization's own grid, inserted directly. */
export async function makeGrid(
  db: Db,
  organizationId: string,
  over: { title?: string; archived?: boolean; definition?: GridDefinition } = {},
) {
  const id = newId();
  const now = new Date().toISOString();
  await db
    .insertInto('supplier_grids')
    .values({
      id,
      organization_id: organizationId,
      origin: 'custom',
      forked_from: null,
      version: 1,
      title_fr: over.title ?? 'Grille de test',
      title_en: over.title ?? 'Test grid',
      definition: toJson(over.definition ?? sampleDefinition()),
      archived: over.archived ? 1 : 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id };
}

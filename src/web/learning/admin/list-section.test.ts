import { MantineProvider } from '@mantine/core';
import { type ComponentProps, createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ListSection } from './components/list-section.js';

type Extra = { description?: string; footer?: ReactNode };

/** The section holding a stand-in table; ListSection has no hooks of its own, so it is called directly. */
const RulesSection = (props: { list: ComponentProps<typeof ListSection>['list'] } & Extra) =>
  ListSection({
    id: 'rules',
    title: 'Règles d’attribution',
    emptyTitle: 'Aucune règle pour l’instant.',
    ...props,
    children: createElement('table', { 'data-testid': 'rows' }),
  });

const render = (list: { isPending: boolean; error: unknown; data?: unknown[] }, extra: Extra = {}) =>
  renderToStaticMarkup(createElement(MantineProvider, null, createElement(RulesSection, { list, ...extra })));

const footer = createElement('p', null, 'Créer');

describe('a list section of the admin pages', () => {
  it('names itself by its heading and shows the table once there are rows, with its footer', () => {
    const html = render({ isPending: false, error: null, data: [{}] }, { description: 'Chaque règle…', footer: footer });
    expect(html).toMatch(/<section aria-labelledby="rules-heading"><h2[^>]* id="rules-heading"[^>]*>Règles d’attribution<\/h2>/);
    expect(html).toContain('Chaque règle…');
    expect(html).toContain('data-testid="rows"');
    expect(html).not.toContain('Aucune règle');
    expect(html.indexOf('data-testid="rows"')).toBeLessThan(html.indexOf('<p>Créer</p>'));
  });

  it('says the list is empty instead of an empty table, and keeps the footer', () => {
    const html = render({ isPending: false, error: null, data: [] }, { footer });
    expect(html).toContain('Aucune règle pour l’instant.');
    expect(html).not.toContain('data-testid="rows"');
    expect(html).toContain('<p>Créer</p>');
  });

  it('shows the loading state while the list loads', () => {
    const html = render({ isPending: true, error: null });
    expect(html).toContain('role="status"');
    expect(html).not.toContain('data-testid="rows"');
  });
});

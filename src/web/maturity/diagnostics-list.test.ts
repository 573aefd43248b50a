import { describe, expect, it } from 'vitest';
import { type DiagnosticsListState, defaultDiagnosticsSort, diagnosticsQuery, isFiltered } from './endpoints.js';

const state = (over: Partial<DiagnosticsListState> = {}): DiagnosticsListState => ({
  status: '',
  variant: '',
  sort: defaultDiagnosticsSort,
  page: '1',
  pageSize: '25',
  ...over,
});
const params = (over: Partial<DiagnosticsListState>) => Object.fromEntries(new URLSearchParams(diagnosticsQuery(state(over)).slice(1)));

describe('the diagnostics list query', () => {
  it('asks newest first by default, without filters', () => {
    expect(params({})).toEqual({ sort: 'createdAt', order: 'desc', page: '1', pageSize: '25' });
  });

  it('turns the column header sort ("-overall") into sort and order', () => {
    expect(params({ sort: 'overall' })).toMatchObject({ sort: 'overall', order: 'asc' });
    expect(params({ sort: '-completedAt' })).toMatchObject({ sort: 'completedAt', order: 'desc' });
  });

  it('passes known filters and the page on', () => {
    expect(params({ status: 'draft', variant: 'short', page: '3', pageSize: '50' })).toEqual({
      status: 'draft',
      variant: 'short',
      sort: 'createdAt',
      order: 'desc',
      page: '3',
      pageSize: '50',
    });
  });

  it('drops what the API would refuse, so a hand-edited URL still shows a list', () => {
    expect(params({ status: 'archived', variant: 'tiny', sort: '-name', page: '-2', pageSize: '5000' })).toEqual({
      sort: 'createdAt',
      order: 'desc',
      page: '1',
      pageSize: '100',
    });
  });

  it('counts as filtered only with a filter the API knows', () => {
    expect(isFiltered(state())).toBe(false);
    expect(isFiltered(state({ status: 'completed' }))).toBe(true);
    expect(isFiltered(state({ variant: 'full' }))).toBe(true);
    expect(isFiltered(state({ status: 'archived' }))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api.js';
import { errorsByField, generalError } from './field-errors.js';

describe('errors at the field', () => {
  it('maps body paths and bare names to the inputs', () => {
    const shape = new ApiError(400, 'invalid', 'bad', 'body.auditClause.gridId', [{ field: 'body.noticeDays', message: 'too big' }]);
    expect(errorsByField(shape, ['auditClause.gridId', 'noticeDays'])).toEqual({ 'auditClause.gridId': 'bad', noticeDays: 'too big' });
    const rule = new ApiError(400, 'invalid_siret', 'SIRET invalide', 'siret');
    expect(errorsByField(rule, ['siren', 'siret'])).toEqual({ siret: 'SIRET invalide' });
    expect(generalError(rule, ['siren', 'siret'])).toBeNull();
  });
  it('leaves other errors to the page', () => {
    const other = new ApiError(409, 'contract_overlap', 'overlap', 'startsOn');
    expect(errorsByField(other, ['title'])).toEqual({});
    expect(generalError(other, ['title'])).toBe(other);
    expect(errorsByField(new Error('network'), ['title'])).toEqual({});
  });
});

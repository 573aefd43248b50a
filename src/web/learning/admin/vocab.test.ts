import { describe, expect, it } from 'vitest';
import { audiences as serverAudiences, threatTags as serverTags } from '../../../server/modules/learning/content-schema.js';
import { audiences, threatTags } from './vocab.js';

describe('the vocabularies copied for the browser', () => {
  it('match the server lists', () => {
    expect([...threatTags]).toEqual([...serverTags]);
    expect([...audiences]).toEqual([...serverAudiences]);
  });
});

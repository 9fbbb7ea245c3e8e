import type { FormSummary } from '@opora/sdk';
import { describe, expect, it } from 'vitest';
import { chooseForm } from './screen-form';

const form = (key: string, purpose: FormSummary['purpose']): FormSummary => ({
  key,
  version: 1,
  purpose,
  title: null,
});

describe('chooseForm', () => {
  it('takes the first purpose that has a published form, by key when there are several', () => {
    const forms = [
      form('request-edit', 'edit'),
      form('request-card-b', 'card'),
      form('request-card-a', 'card'),
    ];
    expect(chooseForm(forms, ['card', 'edit'])?.key).toBe('request-card-a');
    expect(chooseForm(forms, ['create', 'edit'])?.key).toBe('request-edit');
    expect(chooseForm([form('portal', 'portal')], ['create', 'edit'])).toBeNull();
  });
});

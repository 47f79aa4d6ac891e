import { describe, expect, it } from 'vitest';
import { changedFields, formValues } from './memberFormValues';

describe('member form values', () => {
  it('turns unknown values into empty fields', () => {
    const values = formValues({ firstName: 'Hélène', email: null, consentSms: true });
    expect(values.firstName).toBe('Hélène');
    expect(values.email).toBe('');
    expect(values.consentSms).toBe(true);
    expect(values.consentEmail).toBe(false);
  });

  it('puts only the changed fields into an update', () => {
    const before = formValues({ firstName: 'Hélène', city: 'Lyon' });
    const after = { ...before, city: 'Villeurbanne', consentEmail: true };
    expect(changedFields(before, after)).toEqual({ city: 'Villeurbanne', consentEmail: true });
  });
});

import { describe, expect, it } from 'vitest';
import { contactFormKey } from './contact-form-key';

describe('contact page address', () => {
  it('takes the form from ?form=, feedback otherwise', () => {
    expect(contactFormKey('/contact')).toBe('feedback');
    expect(contactFormKey('/contact?form=complaint')).toBe('complaint');
    expect(contactFormKey('/contact?form=Bad%20Key')).toBe('feedback');
    expect(contactFormKey('/contact?form=')).toBe('feedback');
  });
});

import { describe, expect, it } from 'vitest';
import { contactBodies, hasIdentity, nextDesired, upsertIdentity } from './contactFields.js';

describe('nextDesired', () => {
  it("keeps the earlier fields, and names only the new version's as sent", () => {
    const first = nextDesired(undefined, { email: 'ada@example.com', firstName: 'Ada' }, ['vip']);
    expect(first).toEqual({
      fields: { email: 'ada@example.com', firstName: 'Ada' },
      sent: ['firstName', 'email'],
      tags: ['vip'],
    });
    expect(nextDesired(first, { city: 'London' }, undefined)).toEqual({
      fields: { email: 'ada@example.com', firstName: 'Ada', city: 'London' },
      sent: ['city'],
    });
  });
});

describe('hasIdentity', () => {
  it('needs an email or a phone', () => {
    expect(hasIdentity({ firstName: 'Ada' })).toBe(false);
    expect(hasIdentity({ phone: '+14155550132' })).toBe(true);
    expect(hasIdentity({ email: 'ada@example.com' })).toBe(true);
  });
});

describe('contactBodies', () => {
  it('leaves companyName to the upsert, which alone takes it', () => {
    expect(contactBodies({ firstName: 'Ada', companyName: 'Analytical Engines' })).toEqual({
      update: { firstName: 'Ada' },
      upsertOnly: { companyName: 'Analytical Engines' },
    });
    expect(contactBodies({ city: 'London' })).toEqual({
      update: { city: 'London' },
      upsertOnly: {},
    });
  });
});

describe('upsertIdentity', () => {
  it('finds the contact by its email, else its phone, never both', () => {
    expect(upsertIdentity({ email: 'ada@example.com', phone: '+14155550132' })).toEqual({
      email: 'ada@example.com',
    });
    expect(upsertIdentity({ email: null, phone: '+14155550132' })).toEqual({
      phone: '+14155550132',
    });
    expect(upsertIdentity({})).toEqual({});
  });
});

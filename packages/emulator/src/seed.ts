import type { Seeder } from './control/control.js';

/** The demo Location `seed: 'demo'` creates, with fixed ids so docs and scripts can name them. */
export const DEMO = {
  locationId: 'DemoLocation00000001',
  companyId: 'DemoCompany000000001',
  token: 'pit-00000000-0000-4000-8000-000000000001',
} as const;

export const seedDemo: Seeder = (control) => {
  control.createLocation({
    id: DEMO.locationId,
    companyId: DEMO.companyId,
    token: DEMO.token,
    name: 'Demo Location',
    timezone: 'America/New_York',
  });
  control.createUser(DEMO.locationId, {
    firstName: 'Demo',
    lastName: 'Owner',
    email: 'owner@demo.example',
  });
};

export const noSeed: Seeder = () => {};

/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment,
   @typescript-eslint/no-unsafe-call --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { anotherLocation, calendarSetup } from '../../test/calendars.js';

const CONFIRMATION = {
  receiverType: 'contact',
  channel: 'email',
  notificationType: 'confirmation',
  subject: 'See you soon',
  body: 'Your visit is confirmed.',
};
const REMINDER = {
  receiverType: 'assignedUser',
  channel: 'sms',
  notificationType: 'reminder',
  beforeTime: [{ timeOffset: 1, unit: 'hours' }],
};

async function withNotifications() {
  const setup = await calendarSetup();
  const path = `/calendars/${setup.calendarId}/notifications`;
  const created = await setup.calApi('POST', path, { body: [CONFIRMATION, REMINDER] });
  return { ...setup, path, created };
}

describe('POST /calendars/{calendarId}/notifications', () => {
  it('creates each notification of the array, active, and answers them (200)', async () => {
    const { created } = await withNotifications();
    expect(created.status).toBe(200);
    expect(created.body).toEqual([
      { _id: expect.any(String), ...CONFIRMATION, isActive: true, deleted: false },
      { _id: expect.any(String), ...REMINDER, isActive: true, deleted: false },
    ]);
  });

  it('names the item of every problem (422) and stores none of them', async () => {
    const { calApi, calendarId, emulator, locationId } = await calendarSetup();
    const res = await calApi('POST', `/calendars/${calendarId}/notifications`, {
      body: [CONFIRMATION, { receiverType: 'contact', channel: 'fax', notificationType: 'booked' }],
    });
    expect(res.status).toBe(422);
    expect(res.body.message).toEqual([
      '[1] channel must be one of the following values: email, inApp, sms, whatsapp',
    ]);
    const single = await calApi('POST', `/calendars/${calendarId}/notifications`, {
      body: CONFIRMATION,
    });
    expect(single.body.message).toEqual(['body must be an array']);
    expect(emulator.control.locationState(locationId).calendarNotifications).toEqual([]);
  });
});

describe('GET /calendars/{calendarId}/notifications', () => {
  it('lists the calendar’s notifications, filtered by isActive, paged by skip and limit', async () => {
    const { calApi, path, created } = await withNotifications();
    const [confirmation, reminder] = created.body;
    await calApi('PUT', `${path}/${reminder._id}`, { body: { isActive: false } });
    expect((await calApi('GET', path)).body).toHaveLength(2);
    const active = await calApi('GET', `${path}?isActive=true`);
    expect(active.body.map((n: { _id: string }) => n._id)).toEqual([confirmation._id]);
    const second = await calApi('GET', `${path}?skip=1&limit=1`);
    expect(second.body.map((n: { _id: string }) => n._id)).toEqual([reminder._id]);
  });

  it('leaves soft-deleted notifications out unless deleted=true', async () => {
    const { calApi, path, created } = await withNotifications();
    const [confirmation] = created.body;
    await calApi('PUT', `${path}/${confirmation._id}`, { body: { deleted: true } });
    expect((await calApi('GET', path)).body).toHaveLength(1);
    const deleted = await calApi('GET', `${path}?deleted=true`);
    expect(deleted.body).toMatchObject([{ _id: confirmation._id, deleted: true }]);
    expect((await calApi('GET', `${path}?deleted=maybe`)).status).toBe(422);
  });
});

describe('GET/PUT/DELETE /calendars/{calendarId}/notifications/{notificationId}', () => {
  it('reads, updates ({message}) and deletes one notification', async () => {
    const { calApi, path, created } = await withNotifications();
    const id = created.body[0]._id;
    expect((await calApi('GET', `${path}/${id}`)).body).toEqual(created.body[0]);
    const updated = await calApi('PUT', `${path}/${id}`, {
      body: { subject: 'Booked!', additionalEmailIds: ['desk@example.com'] },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toEqual({ message: 'Notification updated successfully' });
    expect((await calApi('GET', `${path}/${id}`)).body).toMatchObject({
      subject: 'Booked!',
      additionalEmailIds: ['desk@example.com'],
      channel: 'email',
    });
    const deleted = await calApi('DELETE', `${path}/${id}`);
    expect(deleted.body).toEqual({ message: 'Notification deleted successfully' });
    const gone = await calApi('GET', `${path}/${id}`);
    expect(gone.status).toBe(400);
    expect(gone.body.message).toBe(`Notification not found for id:${id}`);
  });

  it("does not find another calendar's notification, and 403s for another Location's calendar", async () => {
    const { calApi, created, emulator, locationId } = await withNotifications();
    const second = emulator.control.createCalendar(locationId, { name: 'Second' });
    const id = created.body[0]._id;
    expect((await calApi('GET', `/calendars/${second.id}/notifications/${id}`)).status).toBe(400);
    const other = await anotherLocation(emulator);
    const foreign = await calApi('GET', `/calendars/${other.calendarId}/notifications`);
    expect(foreign.status).toBe(403);
  });
});

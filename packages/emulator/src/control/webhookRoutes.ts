/**
 * Webhooks over HTTP: a Location's webhook URL (`PUT`/`DELETE /_emulator/webhooks`), the delivery
 * log, deliveries dropped or delayed on purpose (`/_emulator/webhooks/faults`), and the public
 * keys receivers verify signatures with (`GET /_emulator/keys`).
 */
import type { Hono } from 'hono';
import { optionalString, optionalStrings } from './bodyFields.js';
import { ControlError } from './controlError.js';
import { jsonBody } from './jsonBody.js';
import type { webhooksControl } from './webhooksControl.js';

const locationIdOf = (value: string | undefined) => {
  if (!value) throw new ControlError(422, 'invalid_webhook', 'Send the locationId');
  return value;
};

export function webhookControlRoutes(app: Hono, control: ReturnType<typeof webhooksControl>) {
  app.put('/webhooks', async (c) => {
    const body = await jsonBody(c);
    const subscription = control.setWebhook(locationIdOf(optionalString(body, 'locationId')), {
      url: optionalString(body, 'url') ?? '',
      events: optionalStrings(body, 'events'),
    });
    return c.json(subscription);
  });

  app.delete('/webhooks', (c) => {
    control.removeWebhook(locationIdOf(c.req.query('locationId')));
    return c.json({ removed: true });
  });

  app.get('/webhooks/deliveries', (c) => c.json({ deliveries: control.webhookDeliveries() }));

  app.get('/webhooks/faults', (c) => c.json(control.webhookFaults()));
  app.put('/webhooks/faults', async (c) => c.json(control.setWebhookFaults(await jsonBody(c))));
  app.delete('/webhooks/faults', (c) => {
    control.clearWebhookFaults();
    return c.json(control.webhookFaults());
  });

  app.get('/keys', (c) => c.json(control.webhookKeys()));
}

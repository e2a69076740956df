/**
 * HighLevel's consent screen (`/oauth/chooselocation`, `/v2/oauth/chooselocation` since 2026-05-27;
 * docs/highlevel-behaviour.md#oauth-and-rotating-refresh-tokens). Without a choice it lists the
 * Locations and agencies the app can be installed on, as links; with `locationId` (or `companyId`)
 * it installs the app and redirects to `redirect_uri?code=…` (with the request's `state`), as
 * HighLevel does once the user approves.
 */
import type { Context, Hono } from 'hono';
import type { Control } from '../control/control.js';
import { ControlError } from '../control/controlError.js';
import type { AppEnv } from '../runtime.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function page(title: string, body: string) {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

type Choice = { href: string; label: string };

function chooser(c: Context<AppEnv>, control: Control, appName: string) {
  const here = new URL(c.req.url);
  const link = (key: string, id: string) => {
    const url = new URL(here);
    url.searchParams.set(key, id);
    return `${url.pathname}${url.search}`;
  };
  const snapshot = control.snapshot();
  const choices: Choice[] = [
    ...Object.values(snapshot.companies).map((co) => ({
      href: link('companyId', co.id),
      label: `Agency: ${co.name} (${co.id})`,
    })),
    ...Object.values(snapshot.locations).map((l) => ({
      href: link('locationId', l.id),
      label: `Sub-account: ${l.name} (${l.id})`,
    })),
  ];
  const items = choices
    .map((ch) => `<li><a href="${escapeHtml(ch.href)}">${escapeHtml(ch.label)}</a></li>`)
    .join('');
  return c.html(page(`Install ${appName}`, `<p>Choose where to install it:</p><ul>${items}</ul>`));
}

function consent(control: Control) {
  return (c: Context<AppEnv>) => {
    const q = (name: string) => c.req.query(name) ?? undefined;
    const clientId = q('client_id');
    const app = Object.values(control.snapshot().apps).find((a) => a.clientId === clientId);
    if (q('response_type') !== 'code' || !app) {
      const why = !app ? `Unknown client_id ${clientId ?? '(none)'}` : 'response_type must be code';
      return c.html(page('Invalid request', `<p>${escapeHtml(why)}</p>`), 400);
    }
    const redirectUri = q('redirect_uri') ?? app.redirectUri ?? undefined;
    const scope = q('scope');
    const locationId = q('locationId');
    const companyId = q('companyId');
    if (!locationId && !companyId) return chooser(c, control, app.name);
    try {
      const { redirectUrl, code } = control.installApp(app.id, {
        locationId,
        companyId,
        redirectUri,
        scopes: scope ? scope.split(/[\s+]+/).filter(Boolean) : undefined,
      });
      if (redirectUrl) {
        // OAuth 2.0 hands `state` back unchanged with the code (RFC 6749 §4.1.2).
        const back = new URL(redirectUrl);
        const state = q('state');
        if (state !== undefined) back.searchParams.set('state', state);
        return c.redirect(back.toString(), 302);
      }
      return c.html(page('Installed', `<p>Authorization code: <code>${code}</code></p>`));
    } catch (err) {
      if (!(err instanceof ControlError)) throw err;
      return c.html(page('Could not install', `<p>${escapeHtml(err.message)}</p>`), 400);
    }
  };
}

/** Serves the consent screen at both of HighLevel's paths, ahead of the API routes. */
export function mountConsentScreen(app: Hono<AppEnv>, control: Control): void {
  const handler = consent(control);
  app.get('/oauth/chooselocation', handler);
  app.get('/v2/oauth/chooselocation', handler);
}

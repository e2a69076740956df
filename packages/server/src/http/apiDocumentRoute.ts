/**
 * `GET /openapi.json`: what every route says of itself, the webhooks the bridge sends, and the
 * group of each operation. Like GET /docs it needs no token.
 */
import { API_DOCUMENT_INFO } from './apiDocumentInfo.js';
import { withTags } from './apiDocumentTags.js';
import { registerWebhookEvents } from './apiDocumentWebhooks.js';
import type { App } from './env.js';

/** The OpenAPI 3.1 document. */
export type ApiDocument = ReturnType<App['getOpenAPI31Document']>;

/**
 * The document of `app`, once its routes and `registerApiDocument` are registered.
 *
 * @example const document = documentOf(createApp(deps));
 */
export function documentOf(app: App): ApiDocument {
  return withTags(app.getOpenAPI31Document(API_DOCUMENT_INFO));
}

/**
 * Adds the webhooks to the document and serves it; after every route, so all are in it.
 *
 * @example registerApiDocument(app);
 */
export function registerApiDocument(app: App): void {
  registerWebhookEvents(app);
  app.get('/openapi.json', (c) => c.json(documentOf(app)));
}

/** The header of the API's OpenAPI document, served at /openapi.json. */
export const API_DOCUMENT_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'ghl-bridge',
    version: '0.1.0',
    description:
      'Connect booking apps and voice agents to HighLevel. Errors are `{ "error": { "code", "message", "details"? } }`.',
  },
} as const;

import {
  AuthConfigurationError,
  AuthenticationError,
  DuplicateContactError,
  HighLevelError,
  LocationAccessError,
  NotFoundError,
  RateLimitError,
  ScopeError,
  ServerError,
  SlotUnavailableError,
  ValidationError,
  VersionHeaderError,
  type HighLevelErrorOptions,
  type RequestSummary,
} from './errors.js';
import { retryAfterMs } from './rateLimitHeaders.js';

/** What HighLevel's NestJS-style error bodies carry (`common/common-schemas.json`). */
interface ErrorBody {
  message?: unknown;
  error?: unknown;
  statusCode?: unknown;
  traceId?: unknown;
  meta?: unknown;
}

function messagesOf(body: unknown): string[] {
  if (typeof body === 'string') return body ? [body] : [];
  const message = (body as ErrorBody | null)?.message;
  if (Array.isArray(message)) return message.map(String);
  if (typeof message === 'string') return [message];
  return [];
}

/**
 * Builds the typed error for a HighLevel response that was not a success. The one place where
 * status codes and HighLevel's messages are interpreted:
 * https://github.com/GoHighLevel/highlevel-api-docs/issues/213 (401 "Invalid JWT", 403 location),
 * contacts "not found" is a 400, duplicates are a 400 with `meta.contactId`, 422 carries a
 * message array (`common/common-schemas.json` UnprocessableDTO).
 */
export function errorFromResponse(
  status: number,
  body: unknown,
  headers: Headers,
  request: RequestSummary & { pathTemplate: string },
): HighLevelError {
  const messages = messagesOf(body);
  const text = messages.join('; ');
  const traceIdValue = (body as ErrorBody | null)?.traceId;
  const options: HighLevelErrorOptions = {
    status,
    body,
    headers,
    request: { method: request.method, url: request.url, headers: request.headers },
    traceId: typeof traceIdValue === 'string' ? traceIdValue : undefined,
  };
  const where = `${request.method} ${request.pathTemplate}`;
  const say = (what: string) =>
    `${what} (HighLevel ${status} on ${where}${text ? `: "${text}"` : ''})`;

  if (status === 401) {
    if (/version header/i.test(text)) {
      return new VersionHeaderError(
        'version_header_missing',
        say('The Version header is missing or wrong'),
        options,
      );
    }
    if (/scope/i.test(text)) {
      return new ScopeError(
        'scope_not_authorized',
        say(
          'The token lacks the OAuth scope this operation needs; add it to the app or private integration',
        ),
        options,
      );
    }
    if (/AuthClass/i.test(text)) {
      return new AuthConfigurationError(
        'auth_configuration',
        say(
          'This token type cannot call this operation; exchange an agency token for a location token first',
        ),
        options,
      );
    }
    return new AuthenticationError(
      'invalid_token',
      say('The token is invalid, expired or revoked'),
      options,
    );
  }
  if (status === 403) {
    return new LocationAccessError(
      'location_access_denied',
      say('The token does not have access to this location'),
      options,
    );
  }
  if (status === 404) return new NotFoundError('not_found', say('Not found'), options);
  if (status === 400) {
    if (/no longer available/i.test(text)) {
      return new SlotUnavailableError(
        'slot_unavailable',
        say('The time slot is no longer available'),
        options,
      );
    }
    if (/duplicated contacts/i.test(text)) {
      const meta = (body as ErrorBody).meta;
      return new DuplicateContactError(say('A contact with this email or phone already exists'), {
        ...options,
        meta: meta && typeof meta === 'object' ? (meta as Record<string, unknown>) : {},
      });
    }
    if (/not found/i.test(text)) return new NotFoundError('not_found', say('Not found'), options);
    return new ValidationError(
      'bad_request',
      messages,
      say('HighLevel rejected the request'),
      options,
    );
  }
  if (status === 422) {
    return new ValidationError(
      'validation',
      messages,
      say('HighLevel rejected the request body'),
      options,
    );
  }
  if (status === 429) {
    return new RateLimitError(say('Rate limited'), {
      ...options,
      retryAfterMs: retryAfterMs(headers),
    });
  }
  if (status >= 500) return new ServerError('server_error', say('HighLevel failed'), options);
  return new HighLevelError('http_error', say('Unexpected response'), options);
}

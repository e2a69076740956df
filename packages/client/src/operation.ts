/** What the official spec says about one HighLevel operation. */
export interface OperationInfo {
  /** Upper-case HTTP method. */
  method: string;
  /** The path template, e.g. `/contacts/{contactId}`. */
  path: string;
  /** The spec file it comes from, e.g. `contacts`. */
  service: string;
  operationId: string;
  /** The `Version` header HighLevel requires, or null where the spec has none (`POST /oauth/token`). */
  version: string | null;
  /** OAuth scopes from the operation's `security`. */
  scopes: string[];
  /** Security scheme names: `bearer`, `Location-Access`, `Agency-Access`, `…-Only`. */
  access: string[];
  /** How the request body is encoded, or null when the operation takes none. */
  bodyType: 'json' | 'form' | 'multipart' | null;
}

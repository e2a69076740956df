/**
 * What every conformance answer must be: a success with the status the spec documents and a body
 * that fits the operation's schema, or an error with HighLevel's body shape (`statusCode`,
 * `message`) that fits the spec's error DTO wherever the operation declares one.
 */
import { expect } from 'vitest';
import { loadSpec, type OpenApiDocument } from '@ghl-bridge/highlevel-spec';
import type { OperationInfo } from '@ghl-bridge/client';
import { assertConformant } from '../conformance.js';
import type { CallResult } from '../harness.js';

interface SpecOperation {
  security?: Record<string, string[]>[];
  responses?: Record<string, { content?: Record<string, { schema?: object }> }>;
}

const specs = new Map<string, OpenApiDocument>();

/** The operation as the vendored spec file declares it, unpatched. */
export function specOperation(op: OperationInfo): SpecOperation {
  let doc = specs.get(op.service);
  if (!doc) specs.set(op.service, (doc = loadSpec(op.service)));
  const operation = doc.paths[op.path]?.[op.method.toLowerCase()];
  if (!operation) throw new Error(`${op.method} ${op.path} is not in spec ${op.service}`);
  return operation;
}

/** The one 2xx status the spec documents for the operation. */
export function documentedSuccess(op: OperationInfo): number {
  const statuses = Object.keys(specOperation(op).responses ?? {}).filter((s) => /^2\d\d$/.test(s));
  if (statuses.length !== 1) {
    throw new Error(`${op.method} ${op.path} documents ${statuses.length} success statuses`);
  }
  return Number(statuses[0]);
}

/** Whether the spec gives the operation's `status` answer a JSON schema of its own. */
export function declaresErrorSchema(op: OperationInfo, status: number): boolean {
  return Boolean(
    specOperation(op).responses?.[String(status)]?.content?.['application/json']?.schema,
  );
}

const describeAnswer = (res: CallResult) => `${res.status} ${JSON.stringify(res.body)}`;

export function expectDocumentedSuccess(op: OperationInfo, res: CallResult): void {
  expect(res.status, describeAnswer(res)).toBe(documentedSuccess(op));
  assertConformant(op, res.status, res.body);
}

export interface ExpectedError {
  status: number;
  /** The string itself, or one item of class-validator's `message` array. */
  message: string;
}

export function expectHighLevelError(
  op: OperationInfo,
  res: CallResult,
  expected: ExpectedError,
): void {
  expect(res.status, describeAnswer(res)).toBe(expected.status);
  const body = res.body as { statusCode?: unknown; message?: unknown };
  expect(body.statusCode).toBe(expected.status);
  if (Array.isArray(body.message)) expect(body.message).toContain(expected.message);
  else expect(body.message).toBe(expected.message);
  if (declaresErrorSchema(op, res.status)) assertConformant(op, res.status, res.body);
}

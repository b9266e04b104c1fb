// For tests whose request must fail: the AzureRequestError it failed with, so its fields can be checked.
import assert from 'node:assert/strict';
import { AzureRequestError } from '../../../src/azure/http/azureError';

export async function rejection(p: Promise<unknown>): Promise<AzureRequestError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  assert.ok(e instanceof AzureRequestError, `expected an AzureRequestError, got ${String(e)}`);
  return e;
}

// Every api-version the emulator accepts, per resource family, in one table. Requests with another
// version get 400 InvalidApiVersionParameter listing these; requests without one get MissingApiVersionParameter.
import { armError, type EmulatorRequest } from './http';

/**
 * Microsoft.Sql versions that publish syncGroups / syncMembers / syncAgents (2015-05-01-preview, used by
 * Microsoft Learn's REST sample, through the newest stable 2025-01-01; 2020-11-01-preview is what the
 * official @azure/arm-sql SDK sends). 2022-11-01-preview also appears in the examples' operation URLs.
 */
export const DATA_SYNC_API_VERSIONS = [
  '2015-05-01-preview',
  '2017-03-01-preview',
  '2017-10-01-preview',
  '2018-06-01-preview',
  '2019-06-01-preview',
  '2020-02-02-preview',
  '2020-08-01-preview',
  '2020-11-01-preview',
  '2021-02-01-preview',
  '2021-05-01-preview',
  '2021-08-01-preview',
  '2021-11-01-preview',
  '2021-11-01',
  '2022-02-01-preview',
  '2022-05-01-preview',
  '2022-08-01-preview',
  '2022-11-01-preview',
  '2023-02-01-preview',
  '2023-05-01-preview',
  '2023-08-01-preview',
  '2023-08-01',
  '2024-05-01-preview',
  '2024-11-01-preview',
  '2025-01-01',
] as const;

/** Servers and databases existed before Data Sync (2014-04-01 is the classic v12 version). */
export const SQL_API_VERSIONS = ['2014-04-01', ...DATA_SYNC_API_VERSIONS] as const;

/** Microsoft.Resources subscriptions (2022-12-01 is the newest stable). */
export const SUBSCRIPTION_API_VERSIONS = [
  '2014-04-01-preview',
  '2015-01-01',
  '2016-06-01',
  '2018-06-01',
  '2019-06-01',
  '2019-11-01',
  '2020-01-01',
  '2021-01-01',
  '2022-01-01',
  '2022-12-01',
] as const;

export function checkApiVersion(req: EmulatorRequest, supported: readonly string[]): string {
  const v = req.url.searchParams.get('api-version');
  if (v === null || v === '') {
    throw armError(400, 'MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests.');
  }
  if (!supported.includes(v)) {
    throw armError(
      400,
      'InvalidApiVersionParameter',
      `The api-version '${v}' is invalid. The supported versions are '${supported.join(',')}'.`,
    );
  }
  return v;
}

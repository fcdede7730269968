import * as contract from '../../src/contract/vocabulary';
import * as domain from '../../src/domain/exception/security-exception';
import { CVSS_SEVERITIES, CVSS_VERSIONS } from '../../src/domain/risk';

/**
 * The contract restates the domain's closed vocabularies because the browser bundle may not import the domain;
 * this suite is what keeps the two copies from drifting apart.
 */
describe('contract vocabulary matches the domain', () => {
  it.each([
    ['statuses', contract.STATUSES, domain.STATUSES],
    ['tiers', contract.TIERS, domain.TIERS],
    ['exception kinds', contract.EXCEPTION_KINDS, domain.EXCEPTION_KINDS],
    ['asset criticalities', contract.CRITICALITIES, domain.CRITICALITIES],
    ['data classifications', contract.DATA_CLASSIFICATIONS, domain.DATA_CLASSIFICATIONS],
    ['frameworks', contract.FRAMEWORKS, domain.FRAMEWORKS],
    ['control statuses', contract.CONTROL_STATUSES, domain.CONTROL_STATUSES],
    ['threat vectors', contract.THREAT_VECTORS, domain.THREAT_VECTORS],
    ['CVSS versions', contract.CVSS_VERSIONS, CVSS_VERSIONS],
    ['CVSS severities', contract.CVSS_SEVERITIES, CVSS_SEVERITIES],
  ] as const)('%s', (_label, inContract, inDomain) => {
    expect([...inContract]).toEqual([...inDomain]);
  });

  it('labels every status as the workflow names it', () => {
    expect(contract.STATUS_LABELS).toEqual(domain.STATUS_NAMES);
  });
});

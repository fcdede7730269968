import { displayField } from './field-display';
import { toText } from './html';

const nameOf = (accountId: string): string => (accountId === 'acc-rita' ? 'Rita Reyes' : accountId);
const shown = (moduleKey: string, value: unknown): string => toText(displayField(moduleKey, value, nameOf)).replace(/\s+/g, ' ').trim();

describe('exception fields on the issue view', () => {
  it.each([
    [
      'exception-assets',
      {
        businessUnit: 'Payments',
        owner: 'acc-rita',
        assetIds: ['pay-gw-01'],
        items: [{ id: 'pay-gw-01', name: 'Card payment gateway', criticality: 'critical', dataClassification: 'restricted', internetFacing: true }],
      },
      'Payments, owned by Rita Reyes <ul><li>Card payment gateway (pay-gw-01): critical criticality, restricted, internet-facing</li></ul>',
    ],
    ['exception-control-refs', { references: [{ framework: 'SOC2', id: 'CC7.1' }], frameworks: ['SOC2'], controlIds: ['CC7.1'] }, 'SOC2 CC7.1'],
    ['exception-findings', { items: [], cves: ['CVE-2021-44228'], knownExploited: true }, 'CVE-2021-44228 (known exploited)'],
    ['exception-risk-inputs', { method: 'matrix', likelihood: 3, impact: 4 }, 'Likelihood 3 x impact 4'],
    ['exception-remediation-plan', { summary: 'Patch it', targetDate: '2027-01-15' }, 'Patch it<br /><span class="muted">By 2027-01-15</span>'],
    ['exception-approval-state', { requiredLevels: ['a', 'b'], approvedLevels: ['a'], nextLevel: 'b' }, '1 of 2 approvals, next: b'],
    ['exception-kind', 'policy', 'policy'],
    ['exception-requested-expiry', null, '<span class="muted">None</span>'],
  ])('shows %s as its summary', (moduleKey, value, expected) => {
    expect(shown(moduleKey, value)).toBe(expected);
  });

  it('shows a value in a shape it does not know as its JSON, escaped, rather than hiding it', () => {
    expect(shown('exception-findings', { items: '<b>odd</b>' })).toBe('<code>{&quot;items&quot;:&quot;&lt;b&gt;odd&lt;/b&gt;&quot;}</code>');
  });
});

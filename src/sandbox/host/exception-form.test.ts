import { EMPTY_FORM, formValuesFromIssue, formValuesOf, jiraFieldsOf, type ExceptionFormValues } from './exception-form';

const FIELD_IDS = {
  'exception-kind': 'customfield_1',
  'exception-requested-expiry': 'customfield_2',
  'exception-control-refs': 'customfield_3',
  'exception-findings': 'customfield_4',
};

const form = (values: Partial<ExceptionFormValues>): ExceptionFormValues => ({ ...EMPTY_FORM, summary: 'TLS 1.0 on the POS fleet', ...values });

describe('the exception create and edit screen', () => {
  it('turns the form into Jira fields: description sections, kind, expiry, references with their index arrays, findings', () => {
    const fields = jiraFieldsOf(
      form({
        justification: 'Terminals only speak TLS 1.0.',
        businessImpact: 'Stores could not take cards.',
        requestedExpiry: '2027-01-31',
        controlReferences: 'SOC2 CC6.7, ISO27001 A.8.24; internal SEC-STD-014',
        cves: 'cve-2021-44228, CVE-2023-4966',
        knownExploited: true,
      }),
      FIELD_IDS,
    );
    expect(fields).toEqual({
      ok: true,
      value: {
        summary: 'TLS 1.0 on the POS fleet',
        description: {
          type: 'doc',
          version: 1,
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'Terminals only speak TLS 1.0.' }] },
            { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Business impact' }] },
            { type: 'paragraph', content: [{ type: 'text', text: 'Stores could not take cards.' }] },
          ],
        },
        customfield_1: 'vulnerability-sla',
        customfield_2: '2027-01-31',
        customfield_3: {
          references: [
            { framework: 'SOC2', id: 'CC6.7' },
            { framework: 'ISO27001', id: 'A.8.24' },
            { framework: 'internal', id: 'SEC-STD-014' },
          ],
          frameworks: ['SOC2', 'ISO27001', 'internal'],
          controlIds: ['CC6.7', 'A.8.24', 'SEC-STD-014'],
        },
        customfield_4: {
          items: [
            { cve: 'CVE-2021-44228', knownExploited: true },
            { cve: 'CVE-2023-4966', knownExploited: true },
          ],
          cves: ['CVE-2021-44228', 'CVE-2023-4966'],
          knownExploited: true,
        },
      },
    });
  });

  it.each([
    ['no summary', form({ summary: '' }), 'Give the exception a summary.'],
    ['a reference without an id', form({ controlReferences: 'SOC2' }), '"SOC2" is not a control reference'],
    ['an unknown framework', form({ controlReferences: 'PCI 3.4' }), 'write the framework (SOC2, ISO27001, NIST-800-53, SOX, internal)'],
    ['something that is not a CVE id', form({ cves: 'log4shell' }), '"LOG4SHELL" is not a CVE id'],
  ])('asks to correct %s', (_case, values, message) => {
    const fields = jiraFieldsOf(values, FIELD_IDS);
    expect(fields.ok).toBe(false);
    expect(fields.ok ? '' : fields.message).toContain(message);
  });

  it('keeps what the stored findings say about a CVE that is listed again, and drops the ones no longer listed', () => {
    const stored = {
      items: [
        { cve: 'CVE-2021-44228', scannerId: 'tenable-1', cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', knownExploited: true },
        { cve: 'CVE-2017-5638', scannerId: 'tenable-2', knownExploited: false },
      ],
    };
    const fields = jiraFieldsOf(form({ cves: 'CVE-2021-44228' }), FIELD_IDS, stored);
    expect(fields.ok && fields.value['customfield_4']).toEqual({
      items: [{ cve: 'CVE-2021-44228', scannerId: 'tenable-1', cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', knownExploited: false }],
      cves: ['CVE-2021-44228'],
      knownExploited: false,
    });
  });

  it('clears the kind and the expiry when the form leaves them empty', () => {
    const fields = jiraFieldsOf(form({ kind: '', requestedExpiry: '' }), FIELD_IDS);
    expect(fields.ok && [fields.value['customfield_1'], fields.value['customfield_2']]).toEqual([null, null]);
  });

  it('starts the edit screen from the issue, and saving it unchanged gives the same fields back', () => {
    const values = form({
      justification: 'Why',
      businessImpact: 'What',
      requestedExpiry: '2027-01-31',
      controlReferences: 'SOC2 CC7.1, NIST-800-53 SI-2',
      cves: 'CVE-2021-44228',
      knownExploited: true,
    });
    const fields = jiraFieldsOf(values, FIELD_IDS);
    if (!fields.ok) throw new Error(fields.message);
    const issue = {
      summary: values.summary,
      justification: values.justification,
      businessImpact: values.businessImpact,
      fields: Object.entries(FIELD_IDS).map(([moduleKey, id]) => ({ moduleKey, value: fields.value[id] })),
    };
    expect(formValuesFromIssue(issue)).toEqual(values);
  });

  it('reads the posted form, trimming what people type', () => {
    const posted = new URLSearchParams({ summary: '  Spaces  ', kind: 'policy', cves: ' CVE-2021-44228 ', knownExploited: 'on' });
    expect(formValuesOf(posted)).toEqual({ ...EMPTY_FORM, summary: 'Spaces', kind: 'policy', cves: 'CVE-2021-44228', knownExploited: true });
  });
});

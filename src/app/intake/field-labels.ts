/**
 * The names requesters see on the issue for the parts of a request, so a refusal points at the field to fix
 * rather than at an internal path. The justification and business impact live in the Description.
 */
const LABELS: Readonly<Record<string, string>> = {
  kind: 'Exception kind',
  title: 'Summary',
  requester: 'Reporter',
  assetOwner: 'Asset owner (Exception assets)',
  businessUnit: 'Business unit (Exception assets)',
  assets: 'Exception assets',
  controlReferences: 'Exception control references',
  findings: 'Exception findings',
  justification: 'Justification (Description)',
  businessImpact: 'Business impact (Description)',
  compensatingControls: 'Exception compensating controls',
  threatVectors: 'Threat vectors (Exception risk inputs)',
  riskInputs: 'Exception risk inputs',
  requestedExpiry: 'Exception requested expiry',
  remediationPlan: 'Exception remediation plan',
};

/** The label of the field a problem path such as `assets.0.retired` points into. */
export const fieldLabelOf = (path: string): string => {
  const segments = path.split('.');
  // Problems found while re-reading the whole request are reported under `request.<field>`.
  const head = (segments[0] === 'request' ? segments[1] : segments[0]) ?? path;
  return LABELS[head] ?? path;
};

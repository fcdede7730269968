import { Cvss3P1, Cvss4P0 } from 'ae-cvss-calculator';
import { ok, refuse, type Result } from '../shared/result';

/**
 * CVSS v3.1 and v4.0 base scores. The arithmetic comes from ae-cvss-calculator: maintained, typed, one package for
 * both versions, and it reproduced FIRST's reference calculators on every vector we checked, whereas
 * @pandatix/js-cvss fails to import under Node 20. That library is lenient (a vector missing metrics scores 0.0, a
 * CVSS:3.0 prefix is read as 3.1, a repeated metric silently wins), so the grammar below is checked here first and
 * only a well-formed vector ever reaches it.
 */

export const CVSS_VERSIONS = ['3.1', '4.0'] as const;
export type CvssVersion = (typeof CVSS_VERSIONS)[number];

export const CVSS_SEVERITIES = ['none', 'low', 'medium', 'high', 'critical'] as const;
export type CvssSeverity = (typeof CVSS_SEVERITIES)[number];

export type CvssScore = {
  readonly version: CvssVersion;
  /** Metrics in the specification's order, "not defined" (X) values dropped: equal vectors compare equal. */
  readonly vector: string;
  readonly baseScore: number;
  readonly severity: CvssSeverity;
  /** Threat, temporal and environmental metrics present in the vector: valid, but not part of the base score. */
  readonly unscoredMetrics: readonly string[];
};

export type CvssErrorCode = 'RISK.CVSS_INVALID_VECTOR' | 'RISK.CVSS_UNSUPPORTED_VERSION';

type MetricGroup = 'base' | 'modifier' | 'supplemental';
type MetricDefinition = { readonly key: string; readonly name: string; readonly values: readonly string[]; readonly group: MetricGroup };

const metric = (key: string, name: string, values: string, group: MetricGroup): MetricDefinition => ({
  key,
  name,
  values: values.split(' '),
  group,
});

/** CVSS v3.1 specification, Table 15 (vector string order and values). */
const V3_1_METRICS: readonly MetricDefinition[] = [
  metric('AV', 'Attack Vector', 'N A L P', 'base'),
  metric('AC', 'Attack Complexity', 'L H', 'base'),
  metric('PR', 'Privileges Required', 'N L H', 'base'),
  metric('UI', 'User Interaction', 'N R', 'base'),
  metric('S', 'Scope', 'U C', 'base'),
  metric('C', 'Confidentiality', 'H L N', 'base'),
  metric('I', 'Integrity', 'H L N', 'base'),
  metric('A', 'Availability', 'H L N', 'base'),
  metric('E', 'Exploit Code Maturity', 'X H F P U', 'modifier'),
  metric('RL', 'Remediation Level', 'X U W T O', 'modifier'),
  metric('RC', 'Report Confidence', 'X C R U', 'modifier'),
  metric('CR', 'Confidentiality Requirement', 'X H M L', 'modifier'),
  metric('IR', 'Integrity Requirement', 'X H M L', 'modifier'),
  metric('AR', 'Availability Requirement', 'X H M L', 'modifier'),
  metric('MAV', 'Modified Attack Vector', 'X N A L P', 'modifier'),
  metric('MAC', 'Modified Attack Complexity', 'X L H', 'modifier'),
  metric('MPR', 'Modified Privileges Required', 'X N L H', 'modifier'),
  metric('MUI', 'Modified User Interaction', 'X N R', 'modifier'),
  metric('MS', 'Modified Scope', 'X U C', 'modifier'),
  metric('MC', 'Modified Confidentiality', 'X H L N', 'modifier'),
  metric('MI', 'Modified Integrity', 'X H L N', 'modifier'),
  metric('MA', 'Modified Availability', 'X H L N', 'modifier'),
];

/** CVSS v4.0 specification, section 7 (vector string order and values). */
const V4_0_METRICS: readonly MetricDefinition[] = [
  metric('AV', 'Attack Vector', 'N A L P', 'base'),
  metric('AC', 'Attack Complexity', 'L H', 'base'),
  metric('AT', 'Attack Requirements', 'N P', 'base'),
  metric('PR', 'Privileges Required', 'N L H', 'base'),
  metric('UI', 'User Interaction', 'N P A', 'base'),
  metric('VC', 'Vulnerable System Confidentiality', 'H L N', 'base'),
  metric('VI', 'Vulnerable System Integrity', 'H L N', 'base'),
  metric('VA', 'Vulnerable System Availability', 'H L N', 'base'),
  metric('SC', 'Subsequent System Confidentiality', 'H L N', 'base'),
  metric('SI', 'Subsequent System Integrity', 'H L N', 'base'),
  metric('SA', 'Subsequent System Availability', 'H L N', 'base'),
  metric('E', 'Exploit Maturity', 'X A P U', 'modifier'),
  metric('CR', 'Confidentiality Requirement', 'X H M L', 'modifier'),
  metric('IR', 'Integrity Requirement', 'X H M L', 'modifier'),
  metric('AR', 'Availability Requirement', 'X H M L', 'modifier'),
  metric('MAV', 'Modified Attack Vector', 'X N A L P', 'modifier'),
  metric('MAC', 'Modified Attack Complexity', 'X L H', 'modifier'),
  metric('MAT', 'Modified Attack Requirements', 'X N P', 'modifier'),
  metric('MPR', 'Modified Privileges Required', 'X N L H', 'modifier'),
  metric('MUI', 'Modified User Interaction', 'X N P A', 'modifier'),
  metric('MVC', 'Modified Vulnerable System Confidentiality', 'X H L N', 'modifier'),
  metric('MVI', 'Modified Vulnerable System Integrity', 'X H L N', 'modifier'),
  metric('MVA', 'Modified Vulnerable System Availability', 'X H L N', 'modifier'),
  metric('MSC', 'Modified Subsequent System Confidentiality', 'X H L N', 'modifier'),
  metric('MSI', 'Modified Subsequent System Integrity', 'X S H L N', 'modifier'),
  metric('MSA', 'Modified Subsequent System Availability', 'X S H L N', 'modifier'),
  metric('S', 'Safety', 'X N P', 'supplemental'),
  metric('AU', 'Automatable', 'X N Y', 'supplemental'),
  metric('R', 'Recovery', 'X A U I', 'supplemental'),
  metric('V', 'Value Density', 'X D C', 'supplemental'),
  metric('RE', 'Vulnerability Response Effort', 'X L M H', 'supplemental'),
  metric('U', 'Provider Urgency', 'X Clear Green Amber Red', 'supplemental'),
];

const GRAMMARS: Readonly<Record<CvssVersion, readonly MetricDefinition[]>> = { '3.1': V3_1_METRICS, '4.0': V4_0_METRICS };

const NOT_DEFINED = 'X';
const PREFIX = /^CVSS:([^/]*)\/(.*)$/s;
const HOW_TO_FIX = 'Copy the complete vector from the advisory, or build it with the FIRST CVSS calculator.';

/** Qualitative severity rating scale, shared by CVSS v3.1 (section 5) and v4.0 (section 6). */
export const severityOf = (score: number): CvssSeverity => {
  if (score === 0) return 'none';
  if (score < 4) return 'low';
  if (score < 7) return 'medium';
  if (score < 9) return 'high';
  return 'critical';
};

/** Scores a CVSS v3.1 or v4.0 vector; anything malformed or of another version is refused, never scored. */
export function scoreCvssVector(vector: string): Result<CvssScore, CvssErrorCode> {
  const text = vector.trim();
  if (text === '') return refuse('RISK.CVSS_INVALID_VECTOR', `No CVSS vector was given. ${HOW_TO_FIX}`);
  const prefixed = PREFIX.exec(text);
  if (prefixed === null) return refuseUnprefixed(text);
  const [, label = '', body = ''] = prefixed;
  if (!isSupportedVersion(label)) return refuseVersion(label, text);
  const parsed = parseMetrics(label, body, text);
  if (!parsed.ok) return parsed;
  return ok(scoreParsed(label, parsed.value));
}

const isSupportedVersion = (label: string): label is CvssVersion => (CVSS_VERSIONS as readonly string[]).includes(label);

function refuseUnprefixed(text: string): Result<never, CvssErrorCode> {
  // CVSS v2 vectors carry no prefix; Authentication (Au) exists only in v2.
  if (text.split('/').some((part) => part.replace(/^\(/, '').startsWith('Au:')))
    return refuse(
      'RISK.CVSS_UNSUPPORTED_VERSION',
      `"${text}" is a CVSS v2 vector. Only CVSS 3.1 and 4.0 are accepted: re-assess the finding with a CVSS 3.1 or 4.0 calculator.`,
    );
  return refuse('RISK.CVSS_INVALID_VECTOR', `"${text}" is not a CVSS vector: it must begin with CVSS:3.1/ or CVSS:4.0/. ${HOW_TO_FIX}`);
}

function refuseVersion(label: string, text: string): Result<never, CvssErrorCode> {
  if (!/^\d+\.\d+$/.test(label))
    return refuse('RISK.CVSS_INVALID_VECTOR', `"${text}" does not name a CVSS version: it must begin with CVSS:3.1/ or CVSS:4.0/. ${HOW_TO_FIX}`);
  return refuse(
    'RISK.CVSS_UNSUPPORTED_VERSION',
    `"${text}" is a CVSS ${label} vector. Only CVSS 3.1 and 4.0 are accepted: re-assess the finding with a CVSS 3.1 or 4.0 calculator.`,
  );
}

type ParsedMetrics = ReadonlyMap<string, string>;

function parseMetrics(version: CvssVersion, body: string, text: string): Result<ParsedMetrics, CvssErrorCode> {
  const grammar = GRAMMARS[version];
  const values = new Map<string, string>();
  const problems: string[] = [];
  for (const part of body.split('/')) {
    const problem = readMetric(grammar, part, values, version);
    if (problem !== null) problems.push(problem);
  }
  const missing = grammar.filter((m) => m.group === 'base' && !values.has(m.key));
  if (missing.length > 0) problems.push(`missing base metric(s) ${missing.map(describe).join(', ')}`);
  if (problems.length > 0)
    return refuse('RISK.CVSS_INVALID_VECTOR', `The CVSS ${version} vector "${text}" cannot be scored: ${problems.join('; ')}. ${HOW_TO_FIX}`);
  return ok(values);
}

/** Records one METRIC:VALUE segment into `values`; returns what is wrong with it, or null. */
function readMetric(grammar: readonly MetricDefinition[], part: string, values: Map<string, string>, version: CvssVersion): string | null {
  if (part === '') return "an empty segment (a stray '/')";
  const pieces = part.split(':');
  const [key, value] = pieces;
  if (pieces.length !== 2 || key === undefined || value === undefined || key === '' || value === '')
    return `"${part}" is not a METRIC:VALUE pair`;
  const definition = grammar.find((m) => m.key === key);
  if (definition === undefined) return `"${key}" is not a CVSS ${version} metric`;
  if (values.has(key)) return `${describe(definition)} is given more than once`;
  values.set(key, value);
  if (!definition.values.includes(value))
    return `${describe(definition)} must be one of ${definition.values.join(', ')}, not "${value}"`;
  return null;
}

const describe = (definition: MetricDefinition): string => `${definition.key} (${definition.name})`;

function scoreParsed(version: CvssVersion, values: ParsedMetrics): CvssScore {
  const grammar = GRAMMARS[version];
  const defined = grammar.filter((m) => {
    const value = values.get(m.key);
    return value !== undefined && value !== NOT_DEFINED;
  });
  const render = (metrics: readonly MetricDefinition[]) =>
    [`CVSS:${version}`, ...metrics.map((m) => `${m.key}:${values.get(m.key) ?? ''}`)].join('/');
  const baseScore = computeBaseScore(version, render(defined.filter((m) => m.group === 'base')));
  return {
    version,
    vector: render(defined),
    baseScore,
    severity: severityOf(baseScore),
    unscoredMetrics: defined.filter((m) => m.group === 'modifier').map((m) => m.key),
  };
}

/** Scores the base metrics alone, so threat and environmental metrics can never move the inherent score. */
function computeBaseScore(version: CvssVersion, baseVector: string): number {
  const score = version === '3.1' ? new Cvss3P1(baseVector).calculateScores().base : new Cvss4P0(baseVector).calculateScores().base;
  if (score === undefined || !Number.isFinite(score))
    throw new Error(`ae-cvss-calculator returned no base score for the validated vector ${baseVector}`);
  return score;
}

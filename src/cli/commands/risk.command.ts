import { parseArgs } from 'node:util';
import { CRITICALITIES, DATA_CLASSIFICATIONS, type RiskInputs } from '../../domain/exception/security-exception';
import { assessRisk, explainRisk, severityOf } from '../../domain/risk';
import { CliError, EXIT_USAGE, printJson, type CliOutput } from '../cli-io';
import { loadPolicy } from './policy.command';

export const RISK_USAGE = `risk --vector <CVSS 3.1 or 4.0 vector> [--asset-criticality low|medium|high|critical]
     [--data public|internal|confidential|restricted] [--internet-facing] [--kev] [--policy policy.json]
risk --likelihood <1-5> --impact <1-5> [same context options]
                             score, severity, tier and the step-by-step explanation`;

const OPTIONS = {
  vector: { type: 'string' },
  likelihood: { type: 'string' },
  impact: { type: 'string' },
  'asset-criticality': { type: 'string', default: 'medium' },
  data: { type: 'string', default: 'internal' },
  'internet-facing': { type: 'boolean', default: false },
  kev: { type: 'boolean', default: false },
  policy: { type: 'string' },
} as const;

export async function riskCommand(args: string[], out: CliOutput): Promise<number> {
  const { values } = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false });
  const policy = await loadPolicy(values.policy);
  const riskInputs = readRiskInputs(values.vector, values.likelihood, values.impact);
  const criticality = oneOf(values['asset-criticality'], CRITICALITIES, '--asset-criticality');
  const dataClassification = oneOf(values.data, DATA_CLASSIFICATIONS, '--data');
  const assessed = assessRisk(
    {
      riskInputs,
      assets: [{ id: 'cli-asset', name: 'asset', criticality, dataClassification, internetFacing: values['internet-facing'], retired: false }],
      findings: [{ knownExploited: values.kev, ...(riskInputs.method === 'cvss' ? { cvssVector: riskInputs.vector } : {}) }],
      compensatingControls: [],
    },
    policy,
  );
  if (!assessed.ok) throw new CliError(assessed.error.message);
  const risk = assessed.value;
  printJson(out, {
    method: risk.method,
    ...(risk.cvss ? { cvss: risk.cvss } : {}),
    inherentScore: risk.inherentScore,
    contextualScore: risk.contextualScore,
    residualScore: risk.residualScore,
    // The qualitative CVSS scale applied to the residual score, so both rating methods read alike.
    severity: severityOf(risk.residualScore),
    tier: risk.tier,
    explanation: explainRisk(risk),
  });
  return 0;
}

function readRiskInputs(vector: string | undefined, likelihood: string | undefined, impact: string | undefined): RiskInputs {
  if (vector !== undefined && (likelihood !== undefined || impact !== undefined))
    throw new CliError('give either --vector or --likelihood with --impact, not both', EXIT_USAGE);
  if (vector !== undefined) return { method: 'cvss', vector };
  if (likelihood === undefined || impact === undefined)
    throw new CliError('give --vector, or both --likelihood and --impact', EXIT_USAGE);
  return { method: 'matrix', likelihood: wholeNumber(likelihood, '--likelihood'), impact: wholeNumber(impact, '--impact') };
}

function wholeNumber(text: string, flag: string): number {
  if (!/^\d+$/.test(text)) throw new CliError(`${flag} must be a whole number, not "${text}"`, EXIT_USAGE);
  return Number(text);
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new CliError(`${flag} must be one of ${allowed.join(', ')}, not "${value}"`, EXIT_USAGE);
  return found;
}

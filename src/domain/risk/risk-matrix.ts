import type { Policy } from '../policy/policy-config';
import { ok, refuse, type Result } from '../shared/result';

export type RiskMatrix = Policy['risk']['matrix'];
export type MatrixErrorCode = 'RISK.MATRIX_OUT_OF_RANGE';

/** How many likelihood levels (rows) and impact levels (columns) the configured matrix has. */
export const matrixSize = (matrix: RiskMatrix): { readonly likelihoodLevels: number; readonly impactLevels: number } => ({
  likelihoodLevels: matrix.scores.length,
  impactLevels: matrix.scores[0]?.length ?? 0,
});

/**
 * The 0-10 score the policy assigns to a likelihood and an impact, both counted from 1. A level outside the
 * configured matrix is refused, never clamped: a 1-10 scale typed into a 5x5 matrix must be re-assessed, not guessed.
 */
export function lookupMatrixScore(matrix: RiskMatrix, likelihood: number, impact: number): Result<number, MatrixErrorCode> {
  const { likelihoodLevels, impactLevels } = matrixSize(matrix);
  if (!isLevel(likelihood, likelihoodLevels))
    return refuse(
      'RISK.MATRIX_OUT_OF_RANGE',
      `Likelihood ${likelihood} is outside the policy's risk matrix: choose a whole number from 1 to ${likelihoodLevels}.`,
      ['likelihood'],
    );
  if (!isLevel(impact, impactLevels))
    return refuse(
      'RISK.MATRIX_OUT_OF_RANGE',
      `Impact ${impact} is outside the policy's risk matrix: choose a whole number from 1 to ${impactLevels}.`,
      ['impact'],
    );
  const score = matrix.scores[likelihood - 1]?.[impact - 1];
  // parsePolicy guarantees a rectangular matrix, so a level in range always has a cell.
  if (score === undefined) throw new Error(`policy invariant broken: no matrix cell at ${likelihood}x${impact}`);
  return ok(score);
}

const isLevel = (level: number, levels: number): boolean => Number.isInteger(level) && level >= 1 && level <= levels;

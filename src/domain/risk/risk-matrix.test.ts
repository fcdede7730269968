import { DEFAULT_POLICY } from '../policy/default-policy';
import { lookupMatrixScore, matrixSize } from './risk-matrix';

const matrix = DEFAULT_POLICY.risk.matrix;

describe('lookupMatrixScore', () => {
  it('reads the default 5x5 matrix', () => {
    expect(matrixSize(matrix)).toEqual({ likelihoodLevels: 5, impactLevels: 5 });
  });

  it.each([
    [1, 1, 0.5],
    [1, 5, 4.0],
    [5, 1, 4.0],
    [3, 3, 5.5],
    [4, 2, 5.0],
    [2, 4, 5.0],
    [5, 5, 10.0],
  ])('likelihood %d x impact %d scores %d', (likelihood, impact, score) => {
    expect(lookupMatrixScore(matrix, likelihood, impact)).toEqual({ ok: true, value: score });
  });

  it.each([
    ['likelihood 0', 0, 3, 'likelihood', 'Likelihood 0 is outside', 'from 1 to 5'],
    ['likelihood above the matrix', 6, 3, 'likelihood', 'Likelihood 6 is outside', 'from 1 to 5'],
    ['a fractional likelihood', 2.5, 3, 'likelihood', 'Likelihood 2.5 is outside', 'whole number'],
    ['impact 0', 3, 0, 'impact', 'Impact 0 is outside', 'from 1 to 5'],
    ['impact above the matrix', 3, 10, 'impact', 'Impact 10 is outside', 'from 1 to 5'],
    ['a negative impact', 3, -1, 'impact', 'Impact -1 is outside', 'from 1 to 5'],
  ])('refuses %s', (_label, likelihood, impact, path, fragment, hint) => {
    const result = lookupMatrixScore(matrix, likelihood, impact);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('RISK.MATRIX_OUT_OF_RANGE');
    expect(result.error.path).toEqual([path]);
    expect(result.error.message).toContain(fragment);
    expect(result.error.message).toContain(hint);
  });

  it('follows the configured size rather than a fixed 5x5', () => {
    const small = { scores: [[1, 2, 3], [4, 5, 6]] };
    expect(lookupMatrixScore(small, 2, 3)).toEqual({ ok: true, value: 6 });
    expect(lookupMatrixScore(small, 3, 1).ok).toBe(false);
    expect(lookupMatrixScore(small, 1, 4).ok).toBe(false);
  });
});

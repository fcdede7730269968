/**
 * Scores are shown and stored with one decimal, as CVSS publishes them. Rounding happens once per score (inherent,
 * contextual, residual), never on the deltas, so the figures in the explanation add up.
 */

export const MIN_SCORE = 0;
export const MAX_SCORE = 10;

// Binary floating point stores e.g. 6.45 as 6.4499...; the nudge makes it round the way the decimal reads.
const DECIMAL_NUDGE = 1e-9;

export const roundScore = (score: number): number => Math.round((score + DECIMAL_NUDGE) * 10) / 10;

export const clampScore = (score: number): number => Math.min(MAX_SCORE, Math.max(MIN_SCORE, score));

export const formatScore = (score: number): string => score.toFixed(1);

/** A configured weight with its sign and the decimals it has: +1.0, -0.75, +0.25. */
export const formatDelta = (delta: number): string => `${delta < 0 ? '-' : '+'}${formatNumber(Math.abs(delta))}`;

/** A weight as the explanation states it: zero weights read as no change rather than "+0.0". */
export const describeDelta = (delta: number): string => (delta === 0 ? 'no change' : formatDelta(delta));

/** Adds configured weights, dropping the floating-point residue (0.1 + 0.2) that could tip a later rounding. */
export const sumDeltas = (deltas: readonly number[]): number => Math.round(deltas.reduce((sum, d) => sum + d, 0) * 1e6) / 1e6;

/** An intermediate figure with at least one decimal and at most three: 7.55, 2.2, 10.0. */
export const formatNumber = (value: number): string => {
  const rounded = Math.round(value * 1000) / 1000;
  return Number.isInteger(rounded) ? rounded.toFixed(1) : String(rounded);
};

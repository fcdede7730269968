import fc from 'fast-check';

/**
 * Rows as each driver hands them back: SQLite returns numbers; mysql2 (as configured) and Forge SQL return
 * DECIMAL and BIGINT as strings. Row-mapper tests read rows in every shape.
 */
export type DriverShape = 'sqlite' | 'forge';

export const asDriverRow = <R extends object>(row: R, numericColumns: readonly (keyof R)[], shape: DriverShape): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(row).map(([column, value]) => [
      column,
      shape === 'forge' && numericColumns.includes(column as keyof R) && typeof value === 'number' ? String(value) : value,
    ]),
  );

export const driverShapes = fc.constantFrom<DriverShape>('sqlite', 'forge');

const MIN_TIME = Date.UTC(2000, 0, 1);
const MAX_TIME = Date.UTC(2099, 11, 31);

/** Instants as the app writes them after normalisation: UTC with milliseconds. */
export const instants = fc.integer({ min: MIN_TIME, max: MAX_TIME }).map((ms) => new Date(ms).toISOString());
export const days = instants.map((instant) => instant.slice(0, 10));
export const accountIds = fc.stringMatching(/^[a-z0-9][a-z0-9:-]{0,39}$/);
export const texts = fc.string({ minLength: 1, maxLength: 60 }).filter((text) => text.trim() === text && text.length > 0);
export const hashes = fc.stringMatching(/^[0-9a-f]{64}$/);

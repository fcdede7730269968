import { ForgeKvsAPIError } from '@forge/kvs';

export const isKeyConflict = (error: unknown): boolean => error instanceof ForgeKvsAPIError && error.code === 'KEY_CONFLICT';

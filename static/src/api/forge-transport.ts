import { invoke } from '@forge/bridge';
import type { Transport } from './client';

/** Production transport: a Forge resolver invocation. The only module that calls `invoke`. */
export const forgeTransport: Transport = (key, payload) => invoke(key, payload as Record<string, unknown>);

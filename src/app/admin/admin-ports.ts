import type { Policy } from '../../domain/policy/policy-config';
import type { RegisterHome } from '../provisioning/ensure-register-home';

export type { RegisterHome } from '../provisioning/ensure-register-home';

/**
 * Where the installation's settings live (KVS under Forge). Each store answers for one installation; nothing here is
 * shared between sites.
 */

export type StoredPolicy = {
  /** The policy as saved, unparsed: a stored policy that no longer parses must still be shown to be fixed. Null: none saved. */
  readonly document: unknown;
  /** 0 while the installation runs on the default policy. */
  readonly revision: number;
  readonly updatedAt: string | null;
  readonly updatedBy: string | null;
};

export interface PolicyStore {
  current(): Promise<StoredPolicy>;
  /**
   * Saves `policy` as `revision`, which must be the next one: of two savers that read the same revision exactly one
   * gets 'saved', the other 'conflict'.
   */
  saveRevision(revision: number, policy: Policy, by: { readonly at: string; readonly accountId: string }): Promise<'saved' | 'conflict'>;
}

export type SetupStepRecord = {
  readonly step: string;
  readonly name: string;
  readonly outcome: 'created' | 'already-present' | 'updated' | 'failed' | 'skipped';
  readonly detail: string;
};

export type SetupRun = {
  readonly projectKey: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly by: string;
  readonly steps: readonly SetupStepRecord[];
};

export interface SetupRuns {
  last(projectKey: string): Promise<SetupRun | null>;
  record(run: SetupRun): Promise<void>;
}

/** The installation's register home: the issue installation-wide notices are e-mailed about, and the site's address. */
export interface RegisterHomeStore {
  /** Null while set-up has recorded none. */
  get(): Promise<RegisterHome | null>;
  set(home: RegisterHome): Promise<void>;
}

export type IntegrationState = {
  readonly enabled: boolean;
  readonly secretRotatedAt: string | null;
  readonly lastRequestAt: string | null;
  readonly lastRefusal: string | null;
};

export interface IntegrationSettings {
  /** Null when the integration was never configured. */
  get(id: string): Promise<IntegrationState | null>;
  hasSecret(id: string): Promise<boolean>;
  setEnabled(id: string, enabled: boolean): Promise<void>;
  /** Replaces the secret; the old one stops working at once. */
  rotateSecret(id: string, secret: string, at: string): Promise<void>;
}

export interface WebTriggerUrls {
  /** The URL to give the other system, or null while the platform has none for this installation. */
  urlOf(id: string): Promise<string | null>;
}

import { kvs, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import type { AuditorGrant, AuditorGrants, AuditorSettings } from '../../app/access/access-ports';
import { kvsKeyPart } from './kvs-keys';

/**
 * Auditor grants in KVS, one key per account so a grant is read in one strongly consistent get. The auditor group is
 * a setting of its own; until an administrator names one, only members of `auditors` can hold a grant.
 */
const SETTINGS_KEY = 'auditor:settings';
const GRANT_PREFIX = 'auditor:grant:';
export const DEFAULT_AUDITOR_GROUP = 'auditors';
const LIST_PAGE = 100;

const settingsSchema = z.object({ group: z.string().trim().min(1).max(255) });
const grantSchema = z.object({
  accountId: z.string().min(1),
  until: z.iso.datetime({ offset: true }),
  grantedBy: z.string().min(1),
  grantedAt: z.iso.datetime({ offset: true }),
});

export type KvsAuditorClient = Pick<typeof kvs, 'get' | 'set' | 'query'>;

export class KvsAuditorGrants implements AuditorGrants {
  constructor(private readonly client: KvsAuditorClient = kvs) {}

  async settings(): Promise<AuditorSettings> {
    const stored = settingsSchema.safeParse(await this.client.get<unknown>(SETTINGS_KEY));
    return stored.success ? stored.data : { group: DEFAULT_AUDITOR_GROUP };
  }

  /** A stored grant that does not parse grants nothing: access fails closed. */
  async grantOf(accountId: string): Promise<AuditorGrant | null> {
    const stored = grantSchema.safeParse(await this.client.get<unknown>(`${GRANT_PREFIX}${kvsKeyPart(accountId)}`));
    return stored.success && stored.data.accountId === accountId ? stored.data : null;
  }

  async save(grant: AuditorGrant): Promise<void> {
    await this.client.set(`${GRANT_PREFIX}${kvsKeyPart(grant.accountId)}`, grant);
  }

  async list(): Promise<readonly AuditorGrant[]> {
    const grants: AuditorGrant[] = [];
    let cursor: string | undefined;
    do {
      let query = this.client.query().where('key', WhereConditions.beginsWith(GRANT_PREFIX)).limit(LIST_PAGE);
      if (cursor !== undefined) query = query.cursor(cursor);
      const page = await query.getMany<unknown>();
      for (const result of page.results) {
        const parsed = grantSchema.safeParse(result.value);
        if (parsed.success) grants.push(parsed.data);
      }
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return grants.sort((a, b) => a.accountId.localeCompare(b.accountId));
  }
}

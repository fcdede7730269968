import { z } from 'zod';
import type { ChainAnchor } from '../../app/audit/audit-ports';
import type { ChainHead } from '../../domain/audit/audit-entry';
import type { RecordedCheckpoint } from '../../domain/audit/chain-checkpoint';
import type { JiraGateway } from '../jira/jira-gateway';

/** The project property holding the audit chain's latest checkpoint. */
export const AUDIT_CHECKPOINT_PROPERTY = 'secexc.audit-checkpoint';

const checkpointSchema = z.object({
  sequence: z.number().int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.iso.datetime({ offset: true }),
});

export class AnchorUnavailableError extends Error {
  override readonly name = 'AnchorUnavailableError';
  readonly code = 'AUDIT.ANCHOR_UNAVAILABLE';
}

/**
 * Audit chain checkpoints kept on a Jira project, outside the app's database: whoever can rewrite the app's
 * tables cannot also rewrite this without Jira's own project administration rights and history.
 */
export class JiraProjectChainAnchor implements ChainAnchor {
  constructor(
    private readonly gateway: Pick<JiraGateway, 'getProjectProperty' | 'setProjectProperty'>,
    private readonly projectKey: string,
  ) {}

  async write(head: ChainHead, at: string): Promise<void> {
    const written = await this.gateway.setProjectProperty(this.projectKey, AUDIT_CHECKPOINT_PROPERTY, {
      sequence: head.sequence,
      hash: head.hash,
      at,
    });
    if (!written.ok) throw new AnchorUnavailableError(`The audit checkpoint could not be written to ${this.projectKey}: ${written.error.message}`);
  }

  async latest(): Promise<RecordedCheckpoint | null> {
    const read = await this.gateway.getProjectProperty(this.projectKey, AUDIT_CHECKPOINT_PROPERTY);
    if (!read.ok) {
      if (read.error.code === 'JIRA.NOT_FOUND') return null;
      throw new AnchorUnavailableError(`The audit checkpoint of ${this.projectKey} could not be read: ${read.error.message}`);
    }
    const parsed = checkpointSchema.safeParse(read.value);
    if (!parsed.success) {
      // A checkpoint that is not the app's shape was edited by someone else: treating it as absent would erase evidence.
      throw new AnchorUnavailableError(
        `The audit checkpoint property "${AUDIT_CHECKPOINT_PROPERTY}" of ${this.projectKey} is not one the app wrote; ` +
          'verify the audit chain against an exported audit package before writing a new checkpoint.',
      );
    }
    const { sequence, hash, at } = parsed.data;
    return { head: { sequence, hash }, at };
  }
}

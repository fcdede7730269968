import type { IssueComment, Remote } from '../projection/projection-ports';

/** Comments made on a transition carry its reason (a rejection's, say); the post-function event only names the comment. */
export interface IssueCommentReader {
  /** The comment's plain text, paragraphs separated by blank lines. */
  textOf(issueKey: string, commentId: string): Promise<Remote<string>>;
}

/** The register's own transitions that send an exception back for approval when its approvals stop counting. */
export type ReturnForApproval = 'void' | 're-rate';

export interface ApprovalStateTransitions {
  /** Takes the transition, as the app, with the comment saying why, in one request. */
  returnForApproval(issueKey: string, via: ReturnForApproval, comment: IssueComment): Promise<Remote<undefined>>;
}

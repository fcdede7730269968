import { SETUP_NAMES } from '../../domain/provisioning/setup-names';
import { sameName } from './find-by-name';
import type { IssueTypeItem, NamedItem } from './provisioning-gateway';

/**
 * The register's home issue is not a security exception, so it needs another standard issue type in the set-up
 * project. "Task" comes with every Jira site and means nothing to the register; any other standard type will do
 * when a site has removed it. The home type keeps Jira's own workflow and screens: the exception workflow's rules
 * and fields have no meaning for it, and Jira's default create screen carries the label it is found by.
 */

export const PREFERRED_HOME_ISSUE_TYPE = 'Task';

/** Jira's built-in workflow and screen scheme, which every site has. */
export const JIRA_DEFAULTS = { workflow: 'jira', screenScheme: 'Default Screen Scheme' } as const;

/** The issue types set-up works with: the exception type it ensures, and the type of the register's home issue. */
export type RegisterIssueTypes = { readonly exception: NamedItem; readonly home: NamedItem | undefined };

const isStandard = (type: IssueTypeItem): boolean => type.hierarchyLevel === 0;

export const chooseHomeIssueType = (types: readonly IssueTypeItem[]): IssueTypeItem | undefined => {
  const candidates = types.filter((type) => isStandard(type) && !sameName(type.name, SETUP_NAMES.issueType));
  return candidates.find((type) => sameName(type.name, PREFERRED_HOME_ISSUE_TYPE)) ?? candidates[0];
};

import type { Frame } from './frames';

/**
 * The context Jira gives a Custom UI frame (`view.getContext()`), and with which it invokes the frame's resolver:
 * who is looking, in which module, on which project or issue, in which colour mode.
 */

export type SiteFacts = {
  readonly cloudId: string;
  readonly siteUrl: string;
  readonly environmentId: string;
  readonly timeZone: string;
};

export const forgeContextOf = (frame: Frame, site: SiteFacts): Readonly<Record<string, unknown>> => ({
  accountId: frame.accountId,
  cloudId: site.cloudId,
  siteUrl: site.siteUrl,
  localId: `${frame.moduleKey}-${frame.id}`,
  locale: 'en-US',
  timezone: site.timeZone,
  moduleKey: frame.moduleKey,
  environmentType: 'DEVELOPMENT',
  environmentId: site.environmentId,
  theme: { colorMode: frame.colorMode },
  extension: frame.extension,
});

export type ProjectRef = { readonly id: string; readonly key: string };
export type IssueRef = { readonly id: string; readonly key: string; readonly type: string; readonly typeId: string };

export const projectPageExtension = (project: ProjectRef): Record<string, unknown> => ({
  type: 'jira:projectPage',
  project: { id: project.id, key: project.key, type: 'software' },
});

export const issuePanelExtension = (project: ProjectRef, issue: IssueRef): Record<string, unknown> => ({
  type: 'jira:issuePanel',
  project: { id: project.id, key: project.key, type: 'software' },
  issue: { id: issue.id, key: issue.key, type: issue.type, typeId: issue.typeId },
  isNewToIssue: false,
});

export const adminPageExtension = (): Record<string, unknown> => ({ type: 'jira:adminPage' });

export const customFieldEditExtension = (
  project: ProjectRef,
  issue: IssueRef,
  field: { readonly id: string; readonly type: string; readonly value: unknown },
): Record<string, unknown> => ({
  type: 'jira:customField',
  entryPoint: 'edit',
  renderContext: 'issue-view',
  fieldId: field.id,
  fieldType: field.type,
  fieldValue: field.value ?? null,
  project: { id: project.id, key: project.key, type: 'software' },
  issue: { id: issue.id, key: issue.key, type: issue.type, typeId: issue.typeId },
});

export const workflowValidatorExtension = (rule: { readonly id: string; readonly config: string | undefined }): Record<string, unknown> => ({
  type: 'jira:workflowValidator',
  entryPoint: rule.config === undefined ? 'create' : 'edit',
  validatorId: rule.id,
  ...(rule.config === undefined ? {} : { validatorConfig: rule.config }),
});

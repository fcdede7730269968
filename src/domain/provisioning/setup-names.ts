/**
 * The names set-up gives what it creates in Jira. Names are how a later run finds them again, so they are
 * stable: renaming one here would make the next run create a second copy beside the first. The items are
 * shared by every project set up on the site; each project only gets the schemes assigned.
 */
export const SETUP_NAMES = {
  issueType: 'Security Exception',
  workflow: 'Security Exception Workflow',
  workflowScheme: 'Security Exception Workflow Scheme',
  screens: {
    create: 'Security Exception Create Screen',
    edit: 'Security Exception Edit Screen',
    view: 'Security Exception View Screen',
  },
  screenScheme: 'Security Exception Screen Scheme',
  issueTypeScreenScheme: 'Security Exception Issue Type Screen Scheme',
  issueTypeScheme: 'Security Exception Issue Type Scheme',
} as const;

const MANAGED = 'Managed by the Security Exception Register app\u2019s project set-up; change it there, not here.';

export const SETUP_DESCRIPTIONS = {
  issueType: 'A request to accept a security risk for a limited time, with its risk rating, controls and approvals.',
  workflow: `Lifecycle of a security exception, generated from the app\u2019s transition table. ${MANAGED}`,
  workflowScheme: `Maps the Security Exception issue type to its workflow. ${MANAGED}`,
  screens: `Fields of a security exception. ${MANAGED}`,
  screenScheme: `Create, edit and view screens of a security exception. ${MANAGED}`,
  issueTypeScreenScheme: `Screens of the Security Exception issue type. ${MANAGED}`,
  issueTypeScheme: `Issue types of a security exception project. ${MANAGED}`,
} as const;

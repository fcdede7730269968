import type { RegisterHome } from './admin-ports';

/**
 * Which home the installation keeps once set-up has found or made one in a project. Installation-wide notices have
 * one home: the first project set up keeps it, so setting up another project never moves where the monthly report
 * is e-mailed about. The project that holds it may replace it (its home issue was re-created, or the site renamed).
 */

export type RegisterHomeChoice =
  | { readonly kind: 'record'; readonly home: RegisterHome }
  | { readonly kind: 'unchanged'; readonly home: RegisterHome }
  | { readonly kind: 'kept-other'; readonly home: RegisterHome };

const sameHome = (a: RegisterHome, b: RegisterHome): boolean =>
  a.projectKey === b.projectKey && a.issueKey === b.issueKey && a.siteUrl === b.siteUrl;

export const chooseRegisterHome = (stored: RegisterHome | null, found: RegisterHome): RegisterHomeChoice => {
  if (stored === null) return { kind: 'record', home: found };
  if (stored.projectKey !== found.projectKey) return { kind: 'kept-other', home: stored };
  return sameHome(stored, found) ? { kind: 'unchanged', home: stored } : { kind: 'record', home: found };
};

/** What the set-up report adds to the home step, for the admin who ran it. */
export const describeRegisterHomeChoice = (choice: RegisterHomeChoice, projectKey: string): string | undefined => {
  const { home } = choice;
  switch (choice.kind) {
    case 'record':
      return `Recorded ${home.issueKey} as the register's home: monthly reports are e-mailed about it from now on.`;
    case 'unchanged':
      return undefined;
    case 'kept-other':
      return (
        `The register's home stays ${home.issueKey} in ${home.projectKey}, the project set up first: monthly reports are e-mailed about it, ` +
        `and setting up ${projectKey} does not move it.`
      );
  }
};

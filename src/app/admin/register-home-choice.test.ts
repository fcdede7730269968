import type { RegisterHome } from './admin-ports';
import { chooseRegisterHome, describeRegisterHomeChoice, type RegisterHomeChoice } from './register-home-choice';

const SEC: RegisterHome = { projectKey: 'SEC', issueKey: 'SEC-1', siteUrl: 'https://acme.atlassian.net' };
const OPS: RegisterHome = { projectKey: 'OPS', issueKey: 'OPS-1', siteUrl: 'https://acme.atlassian.net' };

describe('which register home the installation keeps', () => {
  it.each<[string, RegisterHome | null, RegisterHome, RegisterHomeChoice]>([
    ['records the first home set-up finds', null, SEC, { kind: 'record', home: SEC }],
    ['keeps the same home found again', SEC, { ...SEC }, { kind: 'unchanged', home: SEC }],
    ['keeps the first project’s home when another project is set up', SEC, OPS, { kind: 'kept-other', home: SEC }],
    ['takes the re-created home issue of the project that holds it', SEC, { ...SEC, issueKey: 'SEC-40' }, { kind: 'record', home: { ...SEC, issueKey: 'SEC-40' } }],
    ['takes the new address of a renamed site', SEC, { ...SEC, siteUrl: 'https://acme-sec.atlassian.net' }, { kind: 'record', home: { ...SEC, siteUrl: 'https://acme-sec.atlassian.net' } }],
  ])('%s', (_case, stored, found, expected) => {
    expect(chooseRegisterHome(stored, found)).toEqual(expected);
  });

  it.each<[RegisterHomeChoice, string, string | undefined]>([
    [{ kind: 'record', home: SEC }, 'SEC', "Recorded SEC-1 as the register's home: monthly reports are e-mailed about it from now on."],
    [{ kind: 'unchanged', home: SEC }, 'SEC', undefined],
    [
      { kind: 'kept-other', home: SEC },
      'OPS',
      "The register's home stays SEC-1 in SEC, the project set up first: monthly reports are e-mailed about it, and setting up OPS does not move it.",
    ],
  ])('tells the admin about %j after setting up %s', (choice, projectKey, said) => {
    expect(describeRegisterHomeChoice(choice, projectKey)).toBe(said);
  });
});

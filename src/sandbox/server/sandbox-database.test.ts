import { chooseDatabase, describeDatabase } from './sandbox-database';

describe('the sandbox database choice', () => {
  it('is SQLite in the data directory unless SANDBOX_DB names a database', () => {
    expect(chooseDatabase('/data', undefined)).toEqual({ kind: 'sqlite', file: '/data/register.sqlite' });
    expect(chooseDatabase('/data', '')).toEqual({ kind: 'sqlite', file: '/data/register.sqlite' });
  });

  it('reads a mysql:// URL and never prints its password', () => {
    const choice = chooseDatabase('/data', 'mysql://sandbox:s3cret@127.0.0.1:3307/register_demo');
    expect(choice.kind).toBe('mysql');
    expect(describeDatabase(choice)).toBe('MySQL 127.0.0.1:3307/register_demo');
  });

  it.each([
    ['another scheme', 'postgres://user@host/db'],
    ['no database', 'mysql://root@127.0.0.1:3306/'],
    ['a database name that is not a plain identifier', 'mysql://root@127.0.0.1:3306/reg;drop'],
    ['not a URL', 'register.sqlite'],
  ])('refuses %s', (_case, url) => {
    expect(() => chooseDatabase('/data', url)).toThrow(/SANDBOX_DB/);
  });
});

import type { Person } from '@contract';

export const personName = (person: Person): string =>
  person.displayName ?? (person.accountId.startsWith('system:') ? 'The register' : person.accountId);

export function PersonName({ person }: { person: Person }) {
  return <span title={person.accountId}>{personName(person)}</span>;
}

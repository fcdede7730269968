/** Changelog items carry a `toString` key, which a schema would read off Object.prototype when it is absent. */
export const ownText = (item: Readonly<Record<string, unknown>>, key: string): string | undefined => {
  const value = Object.hasOwn(item, key) ? item[key] : undefined;
  return typeof value === 'string' ? value : undefined;
};

type ChangelogItem = Readonly<Record<string, unknown>>;

/** The changelog's status change, if the event has a changelog and it changed the status. */
export const statusChangeItem = (items: readonly ChangelogItem[] | undefined): ChangelogItem | undefined =>
  items?.find((candidate) => ownText(candidate, 'fieldId') === 'status' || ownText(candidate, 'field') === 'status');

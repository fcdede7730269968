/** Days until the last day in force, as a reader says it. */
export const daysLeftText = (daysLeft: number): string => {
  if (daysLeft === 0) return 'last day today';
  if (daysLeft > 0) return `${daysLeft} day${daysLeft === 1 ? '' : 's'} left`;
  const ago = -daysLeft;
  return `expired ${ago} day${ago === 1 ? '' : 's'} ago`;
};

export const formatDays = (days: number | null): string => (days === null ? '—' : `${days.toFixed(1)} days`);

export const formatInstant = (iso: string): string => iso.replace('T', ' ').replace(/:\d{2}(\.\d+)?Z$/, ' UTC');

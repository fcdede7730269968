/**
 * CSV as spreadsheet tools read it (RFC 4180, CRLF, UTF-8 with a byte order mark). Exported text comes from
 * users, so a cell that a spreadsheet would run as a formula is prefixed with an apostrophe; plain numbers,
 * negative ones included, are left as numbers.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export const csvCell = (value: string): string => {
  const safe = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export const csvLine = (cells: readonly string[]): string => `${cells.map(csvCell).join(',')}\r\n`;

export const BYTE_ORDER_MARK = '\uFEFF';

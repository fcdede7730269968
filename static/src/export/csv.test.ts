import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvCell, csvLine } from './csv';

/** A minimal RFC 4180 reader, to prove what csvLine writes reads back as the same cells. */
function readLine(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i += 1;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          i += 1;
          break;
        } else {
          value += line[i];
          i += 1;
        }
      }
      cells.push(value);
      i += 1;
    } else {
      const end = line.indexOf(',', i);
      const stop = end < 0 ? line.length : end;
      cells.push(line.slice(i, stop));
      i = stop + 1;
    }
  }
  return cells;
}

describe('CSV cells', () => {
  it.each([
    ['plain text', 'Payments API', 'Payments API'],
    ['a comma', 'a, b', '"a, b"'],
    ['a quote', 'say "hi"', '"say ""hi"""'],
    ['a line break', 'one\ntwo', '"one\ntwo"'],
    ['a formula', '=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['a leading plus', '+1 555', "'+1 555"],
    ['a leading at sign', '@SUM(A1)', "'@SUM(A1)"],
    ['a negative number', '-3', '-3'],
    ['a decimal', '8.5', '8.5'],
    ['a leading space', ' padded', '" padded"'],
  ])('writes %s safely', (_what, value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it('reads back every line it writes, formulas defused', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 8 }), (cells) => {
        const line = csvLine(cells);
        expect(line.endsWith('\r\n')).toBe(true);
        const read = readLine(line.slice(0, -2));
        expect(read).toEqual(cells.map((c) => (/^[=+\-@\t\r]/.test(c) && !/^-?\d+(\.\d+)?$/.test(c) ? `'${c}` : c)));
      }),
    );
  });
});

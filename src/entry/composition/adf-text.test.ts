import fc from 'fast-check';
import { adfPlainText } from './adf-text';

const paragraph = (...texts: string[]) => ({ type: 'paragraph', content: texts.map((text) => ({ type: 'text', text })) });
const doc = (...content: unknown[]) => ({ type: 'doc', version: 1, content });

describe('adfPlainText', () => {
  it.each<[string, unknown, string]>([
    ['paragraphs, separated by a blank line', doc(paragraph('Too ', 'risky.'), paragraph('Isolate it.')), 'Too risky.\n\nIsolate it.'],
    ['list items, one block each', doc({ type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('one')] }, { type: 'listItem', content: [paragraph('two')] }] }), 'one\n\ntwo'],
    ['a hard break inside a paragraph', doc({ type: 'paragraph', content: [{ type: 'text', text: 'a' }, { type: 'hardBreak' }, { type: 'text', text: 'b' }] }), 'a\nb'],
    ['empty paragraphs, left out', doc(paragraph('  '), paragraph('kept')), 'kept'],
    ['a plain string, trimmed', '  as typed  ', 'as typed'],
    ['something that is not a document, as nothing', 42, ''],
  ])('reads %s', (_what, document, expected) => {
    expect(adfPlainText(document)).toBe(expected);
  });

  it('gives back the text of any single paragraph, trimmed', () => {
    fc.assert(fc.property(fc.string(), (text) => expect(adfPlainText(doc(paragraph(text)))).toBe(text.trim())));
  });
});

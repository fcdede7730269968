import fc from 'fast-check';
import { descriptionSections } from './description-sections';

const text = (value: string) => ({ type: 'text', text: value });
const paragraph = (...content: object[]) => ({ type: 'paragraph', content });
const heading = (title: string) => ({ type: 'heading', attrs: { level: 2 }, content: [text(title)] });
const doc = (...content: object[]) => ({ type: 'doc', version: 1, content });

describe('descriptionSections', () => {
  it.each<[string, unknown, ReturnType<typeof descriptionSections>]>([
    ['no description', undefined, {}],
    ['something that is not ADF', 'plain text', {}],
    ['text before any heading as the justification', doc(paragraph(text('Vendor blocks the upgrade.'))), { justification: 'Vendor blocks the upgrade.' }],
    [
      'both sections under their headings',
      doc(heading('Justification'), paragraph(text('Vendor blocks it.')), heading('Business impact'), paragraph(text('Payments stop.'))),
      { justification: 'Vendor blocks it.', businessImpact: 'Payments stop.' },
    ],
    [
      'a paragraph holding only a section title as a heading',
      doc(paragraph(text('Vendor blocks it.')), paragraph(text('Business impact:')), paragraph(text('Payments stop.'))),
      { justification: 'Vendor blocks it.', businessImpact: 'Payments stop.' },
    ],
    [
      'inline marks and hard breaks as plain text',
      doc(paragraph(text('Line '), { type: 'text', text: 'one', marks: [{ type: 'strong' }] }, { type: 'hardBreak' }, text('two'))),
      { justification: 'Line one\ntwo' },
    ],
    [
      'list items one per line',
      doc(
        paragraph(text('Because:')),
        { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('a'))] }, { type: 'listItem', content: [paragraph(text('b'))] }] },
      ),
      { justification: 'Because:\n\na\nb' },
    ],
    ['an empty section as absent', doc(paragraph(text('Why.')), heading('Business impact')), { justification: 'Why.' }],
  ])('reads %s', (_case, description, expected) => {
    expect(descriptionSections(description)).toEqual(expected);
  });

  const blockText = fc
    .string({ minLength: 1, maxLength: 40 })
    .filter((value) => value.trim() !== '' && !/^(justification|business impact):?$/i.test(value.trim()));

  it('reads paragraphs back as their trimmed text separated by blank lines, whatever they say', () => {
    fc.assert(
      fc.property(fc.array(blockText, { minLength: 1, maxLength: 6 }), fc.array(blockText, { minLength: 1, maxLength: 6 }), (why, impact) => {
        const description = doc(...why.map((value) => paragraph(text(value))), heading('Business impact'), ...impact.map((value) => paragraph(text(value))));
        expect(descriptionSections(description)).toEqual({
          justification: why.map((value) => value.trim()).join('\n\n'),
          businessImpact: impact.map((value) => value.trim()).join('\n\n'),
        });
      }),
    );
  });
});

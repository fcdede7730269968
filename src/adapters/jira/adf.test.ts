import { adfDocument, bulletList, link, paragraph, strong, text } from './adf';

describe('ADF builder', () => {
  it('builds paragraphs and bullet lists of plain, strong and linked text', () => {
    expect(
      adfDocument(
        paragraph('Exception ', strong('SEC-12'), ' was approved.'),
        bulletList('Security lead: Ana', [text('Risk owner: '), link('Ben', 'https://example.atlassian.net/people/ben')]),
      ),
    ).toEqual({
      type: 'doc',
      version: 1,
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Exception ' },
            { type: 'text', text: 'SEC-12', marks: [{ type: 'strong' }] },
            { type: 'text', text: ' was approved.' },
          ],
        },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Security lead: Ana' }] }] },
            {
              type: 'listItem',
              content: [
                {
                  type: 'paragraph',
                  content: [
                    { type: 'text', text: 'Risk owner: ' },
                    { type: 'text', text: 'Ben', marks: [{ type: 'link', attrs: { href: 'https://example.atlassian.net/people/ben' } }] },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
  });

  it.each(['javascript:alert(1)', 'not a url', 'data:text/html,x'])('writes a link to %j as plain text', (href) => {
    expect(link('click', href)).toEqual({ type: 'text', text: 'click' });
  });

  it('drops empty text, which ADF refuses', () => {
    expect(paragraph('', 'a', strong(''))).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'a' }] });
  });
});

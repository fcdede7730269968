import fc from 'fast-check';
import { escapeHtml, html, toText, trusted } from './html';

describe('html templates', () => {
  it('escapes every interpolated string, so text can never open a tag or an attribute', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const rendered = toText(html`${text}`);
        expect(rendered.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toMatch(/[<>"'&]/);
        expect(rendered.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')).toBe(text);
      }),
    );
  });

  it.each([
    ['<script>', '&lt;script&gt;'],
    ['"quoted" & \'single\'', '&quot;quoted&quot; &amp; &#39;single&#39;'],
    ['plain', 'plain'],
  ])('escapes %j as %j', (text, expected) => {
    expect(escapeHtml(text)).toBe(expected);
  });

  it('keeps nested templates and trusted markup as markup, and drops absent values', () => {
    const item = (name: string) => html`<li>${name}</li>`;
    expect(toText(html`<ul>${['a<b', 'c'].map(item)}</ul>${undefined}${null}${false}${trusted('<hr>')}`)).toBe(
      '<ul><li>a&lt;b</li><li>c</li></ul><hr>',
    );
  });

  it('renders numbers and true as text', () => {
    expect(toText(html`${3} ${true}`)).toBe('3 true');
  });
});

import { fieldLabelOf } from './field-labels';

describe('fieldLabelOf', () => {
  it.each([
    ['assets.0.retired', 'Exception assets'],
    ['request.title', 'Summary'],
    ['justification', 'Justification (Description)'],
    ['riskInputs.vector', 'Exception risk inputs'],
    ['something.else', 'something.else'],
  ])('names the field of %s', (path, label) => {
    expect(fieldLabelOf(path)).toBe(label);
  });
});

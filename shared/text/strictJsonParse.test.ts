import { describe, expect, it } from 'vitest';
import { firstDuplicateMember, strictJsonParse } from './strictJsonParse';

describe('strictJsonParse', () => {
  it('parses what JSON.parse parses when every object names each member once', () => {
    const text = '{"a": [1, {"a": 2, "b": "x\\"a\\""}], "b": {"c": {"a": null}}, "c": "{\\"a\\":1,\\"a\\":2}"}';
    expect(strictJsonParse(text)).toEqual(JSON.parse(text));
  });

  it('refuses a member named twice in one object, at any depth, however the name is escaped', () => {
    expect(() => strictJsonParse('{"credits": ["forged"], "x": 1, "credits": ["signed"]}')).toThrow('member "credits" appears twice');
    expect(() => strictJsonParse('[{"a": {"b": 1, "b": 2}}]')).toThrow('member "b" appears twice');
    expect(firstDuplicateMember('{"name": 1, "n\\u0061me": 2}')).toBe('name');
    expect(firstDuplicateMember('{"__proto__": 1, "__proto__": 2}')).toBe('__proto__');
  });

  it('keeps names of sibling objects and of arrays of objects apart', () => {
    expect(firstDuplicateMember('[{"a": 1}, {"a": 2}]')).toBeNull();
    expect(firstDuplicateMember('{"x": {"a": 1}, "y": {"a": 2}, "a": 3}')).toBeNull();
    expect(firstDuplicateMember('{"s": "\\\\", "t": "a"}')).toBeNull();
  });

  it("throws JSON.parse's own error for text that is not JSON", () => {
    expect(() => strictJsonParse('{"a": 1,}')).toThrow(SyntaxError);
  });
});

import { describe, expect, it } from 'vitest';
import { canonicalJson, recordCanonicalJson, sortedKeysJson } from './canonicalJson';

/** A double from its IEEE 754 bits, as RFC 8785 Appendix B lists them. */
function double(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe('canonicalJson (RFC 8785 JCS)', () => {
  it('RFC 8785 §3.2.2: the sample with numbers, escapes and literals', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('RFC 8785 §3.2.3: names sorted by UTF-16 code units', () => {
    const input = JSON.parse(
      '{"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh", "1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control", "\\u00f6": "Latin Small Letter O With Diaeresis"}',
    );
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin Small Letter O With Diaeresis","€":"Euro Sign","😀":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it.each([
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ])('RFC 8785 Appendix B: %s → %s', (bits, text) => {
    expect(canonicalJson(double(bits))).toBe(text);
  });

  it('refuses what has no canonical form: NaN, Infinity, lone surrogates', () => {
    expect(() => canonicalJson({ a: double('7ff0000000000000') })).toThrow(/Infinity or NaN/);
    expect(() => canonicalJson({ a: NaN })).toThrow(/Infinity or NaN/);
    expect(() => canonicalJson({ a: 'x\ud800y' })).toThrow(/lone surrogates/);
    expect(canonicalJson({ a: '😀' })).toBe('{"a":"😀"}');
  });

  it('integer-like names sort as text, where JSON.stringify of a sorted object would put them first', () => {
    const value = { b: 1, 10: 'ten', 9: 'nine', a: { 2: true, '': null } };
    expect(canonicalJson(value)).toBe('{"10":"ten","9":"nine","a":{"":null,"2":true},"b":1}');
    expect(sortedKeysJson(value)).toBe('{"9":"nine","10":"ten","a":{"2":true,"":null},"b":1}');
  });

  it('pretty-prints in canonical order', () => {
    expect(canonicalJson({ b: [1, { d: 2, c: [] }], a: {} }, 2)).toBe('{\n  "a": {},\n  "b": [\n    1,\n    {\n      "c": [],\n      "d": 2\n    }\n  ]\n}');
    expect(JSON.parse(canonicalJson({ 10: 1, 9: 2 }, 2))).toEqual({ 10: 1, 9: 2 });
  });

  it('a record is hashed in the scheme it names: records from before RFC 8785 still verify', () => {
    const old: { schema: string; terms: object; canonicalization?: string } = { schema: 'stemroom-attribution/1', terms: { 10: 'a', 9: 'b' } };
    expect(recordCanonicalJson(old)).toBe(sortedKeysJson(old));
    const current = { ...old, canonicalization: 'RFC8785' };
    expect(recordCanonicalJson(current)).toBe(canonicalJson(current));
    expect(recordCanonicalJson(current)).not.toBe(sortedKeysJson(current));
    expect(() => recordCanonicalJson({ canonicalization: 'made-up' })).toThrow(/unknown canonicalization/);
  });
});

/**
 * `JSON.parse`, refusing what `JSON.parse` forgives: an object with the same
 * member twice. `JSON.parse` keeps the last one, while a person (or another
 * reader) of the text may see the first — so a record with
 * `"credits": [forged], …, "credits": [signed]` would check out against a
 * signature while showing the forgery. RFC 8259 says names SHOULD be unique;
 * for signed documents we require it.
 *
 * @example
 * strictJsonParse('{"a": 1}'); // { a: 1 }
 * strictJsonParse('{"a": 1, "a": 2}'); // throws: member "a" appears twice
 */
export function strictJsonParse(text: string): unknown {
  const value: unknown = JSON.parse(text);
  const duplicate = firstDuplicateMember(text);
  if (duplicate !== null) throw new SyntaxError(`member "${duplicate}" appears twice in one object`);
  return value;
}

/**
 * The first member name that appears twice in one object of `text`, or
 * null. `text` must be valid JSON (check with `JSON.parse` first): the scan
 * only follows strings and nesting.
 */
export function firstDuplicateMember(text: string): string | null {
  // One entry per open container: the member names seen so far for an object, null for an array.
  const open: (Set<string> | null)[] = [];
  let expectingName = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') {
      open.push(new Set());
      expectingName = true;
    } else if (c === '[') {
      open.push(null);
      expectingName = false;
    } else if (c === '}' || c === ']') {
      open.pop();
      expectingName = false;
    } else if (c === ',') {
      expectingName = open[open.length - 1] instanceof Set;
    } else if (c === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (expectingName) {
        const name = JSON.parse(text.slice(i, end + 1)) as string;
        const names = open[open.length - 1]!;
        if (names.has(name)) return name;
        names.add(name);
        expectingName = false;
      }
      i = end;
    }
  }
  return null;
}

import { expect, it } from 'vitest';
import { CliOutput } from './CliOutput';

function sink(): NodeJS.WritableStream & { text: string } {
  const stream = {
    text: '',
    isTTY: false,
    write(chunk: string) {
      stream.text += chunk;
      return true;
    },
  };
  return stream as unknown as NodeJS.WritableStream & { text: string };
}

it('shows escape sequences, bidi overrides and carriage returns from names instead of obeying them', () => {
  const stdout = sink();
  const stderr = sink();
  const out = new CliOutput(false, stdout, stderr);
  out.result({}, () => ['Package: Night\u001b[2J\u001b[31mFerry', 'Party: Ben \u202eciryL', 'Title: Song\rFAKE']);
  out.error('catalog import: "Evil\u001b]0;owned\u0007" refused\nsecond line');
  out.info('Imported \u009b31mred');
  expect(stdout.text).toBe('Package: Night\\x1B[2J\\x1B[31mFerry\nParty: Ben \\u202EciryL\nTitle: Song\\x0DFAKE\n');
  expect(stderr.text).toBe('stemroom: catalog import: "Evil\\x1B]0;owned\\x07" refused\nImported \\x9B31mred\n');
});

it('leaves --json output to JSON escaping (machines read it)', () => {
  const stdout = sink();
  new CliOutput(true, stdout, sink()).result({ title: 'a\u001bb' }, () => '');
  expect(JSON.parse(stdout.text)).toEqual({ title: 'a\u001bb' });
  expect(stdout.text).toContain('\\u001b');
});

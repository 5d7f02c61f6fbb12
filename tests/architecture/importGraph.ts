import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** One file's relative imports, resolved to files of the tree. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

/**
 * The graph of relative imports between the source files under `dirs` (test
 * files left out: nothing imports them). Every kind counts — `import`,
 * `import type`, `export … from` and `import()` — because a type-only cycle
 * still means neither file can be read, moved or tested without the other.
 *
 * @example
 * const graph = importGraph('/repo', ['main', 'renderer']);
 * graph.get('main/services/Dispatcher.ts'); // ['shared/contract/index.ts', …]
 */
export function importGraph(root: string, dirs: readonly string[]): ImportGraph {
  const graph = new Map<string, string[]>();
  for (const file of dirs.flatMap((dir) => sourceFiles(root, dir))) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const targets = ts
      .preProcessFile(text, true, true)
      .importedFiles.map((ref) => ref.fileName)
      .filter((name) => name.startsWith('.'));
    graph.set(file, [...new Set(targets.map((name) => resolve(root, file, name)).filter((target): target is string => target !== null))]);
  }
  return graph;
}

/**
 * The import cycles of a graph: each strongly connected component of more
 * than one file (or a file importing itself), as one readable path
 * `a.ts → b.ts → a.ts`.
 *
 * @example
 * importCycles(new Map([['a.ts', ['b.ts']], ['b.ts', ['a.ts']]])); // ['a.ts → b.ts → a.ts']
 */
export function importCycles(graph: ImportGraph): string[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let next = 0;
  const visit = (file: string): void => {
    index.set(file, next);
    low.set(file, next++);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || (graph.get(file) ?? []).includes(file)) components.push(component);
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);
  return components.map((component) => describeCycle(graph, new Set(component)));
}

/** One concrete loop through a component, starting at its first file in sort order. */
function describeCycle(graph: ImportGraph, members: ReadonlySet<string>): string {
  const start = [...members].sort()[0]!;
  const seen = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const target of graph.get(file) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const loop = [file];
        while (loop[0] !== start) loop.unshift(seen.get(loop[0]!)!);
        return [...loop, start].join(' → ') + ` (${members.size} files)`;
      }
      if (!seen.has(target)) {
        seen.set(target, file);
        queue.push(target);
      }
    }
  }
  return [...members].join(', ');
}

function sourceFiles(root: string, dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts'))
    .map((name) => path.posix.join(dir, name.split(path.sep).join('/')));
}

function resolve(root: string, from: string, specifier: string): string | null {
  const base = path.posix.join(path.posix.dirname(from), specifier.replace(/\.js$/, ''));
  for (const candidate of [base, ...EXTENSIONS.map((extension) => base + extension)]) {
    const full = path.join(root, candidate);
    if (/\.tsx?$/.test(candidate) && fs.existsSync(full) && fs.statSync(full).isFile()) return candidate;
  }
  return null;
}

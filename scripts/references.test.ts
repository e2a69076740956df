/**
 * Every reference in the repository resolves to something a reader can open. Comments and docs
 * cite HighLevel's and Vapi's public documentation or a file of this repository, never working
 * documents kept beside it or numbers of a tracker a reader cannot see; every relative markdown
 * link names a file that exists; and every path to a markdown file named in a code comment
 * (`docs/highlevel-behaviour.md#tags`) exists, with the heading its anchor names.
 *
 * Files: what git tracks plus new files it does not ignore, without the vendored HighLevel spec
 * (`spec/highlevel/`, upstream's text), generated code and the lockfile.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const TEXT_FILE = /\.(?:[cm]?[jt]sx?|json|md|sql|ya?ml|sh|txt)$/;
const SKIPPED = [/^spec\/highlevel\//, /(?:^|\/)node_modules\//, /\/src\/generated\//];
const SKIPPED_FILES = new Set(['package-lock.json']);

function repositoryFiles(): string[] {
  const listed = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  ).split('\0');
  return [...new Set(listed)]
    .filter((file) => TEXT_FILE.test(file) && !SKIPPED_FILES.has(file))
    .filter((file) => !SKIPPED.some((pattern) => pattern.test(file)))
    .filter((file) => existsSync(join(ROOT, file)) && statSync(join(ROOT, file)).isFile())
    .sort();
}

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/**
 * Citations a reader cannot follow. The patterns are written so that this file does not match
 * them itself.
 */
const UNREADABLE_CITATIONS: ReadonlyArray<{ what: string; pattern: RegExp }> = [
  { what: 'the design document', pattern: /\bdesign(?:\.md\b|\s*§)|\(design\)/i },
  { what: 'the HighLevel working notes', pattern: /ghl-api-?notes/i },
  { what: 'the Vapi working notes', pattern: /vapi-?notes/i },
  { what: 'the style document', pattern: /\bstyle(?:\.md\b|\s*§)/i },
  { what: 'a directory beside the repository', pattern: /(?:\.\.\/)+shared\b|\/work\/shared\b/ },
  { what: 'an issue number (say the reason instead)', pattern: /\bissues?\s+#?\d+/i },
  // A section sign means a document; only an RFC's is public and named.
  { what: 'a section of an unnamed document', pattern: /(?<!\bRFC\s?\d+\s?)§\s*\d/ },
];

/** `line: what (text)` for each unreadable citation in `text`. */
function unreadableCitations(text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, index) => {
    const whats = UNREADABLE_CITATIONS.filter(({ pattern }) => pattern.test(line));
    if (whats.length === 0) return;
    const what = whats.map((citation) => citation.what).join(', ');
    found.push(`${index + 1}: ${what} (${line.trim().slice(0, 120)})`);
  });
  return found;
}

/** Markdown without fenced code blocks (their text is not rendered as links or headings). */
function withoutFences(markdown: string): string {
  return markdown.replace(/^[ \t]*(`{3,}|~{3,})[^\n]*\n[\s\S]*?^[ \t]*\1[ \t]*$/gm, (block) =>
    block.replace(/[^\n]/g, ' '),
  );
}

/**
 * A heading's anchor as GitHub makes it: markup dropped, lower case, punctuation but `-` and `_`
 * removed, each space a `-`.
 *
 * @example headingSlug("Vapi's server contract") // "vapis-server-contract"
 */
function headingSlug(heading: string): string {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, '')
    .replace(/[`*]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors a markdown text offers: its headings (repeats get `-1`, `-2` …) and `id`s. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of withoutFences(markdown).split('\n')) {
    const heading = /^#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (heading) {
      const slug = headingSlug(heading[1]!);
      const count = seen.get(slug) ?? 0;
      seen.set(slug, count + 1);
      anchors.add(count === 0 ? slug : `${slug}-${count}`);
    }
    for (const id of line.matchAll(/\b(?:id|name)="([^"]+)"/g)) anchors.add(id[1]!);
  }
  return anchors;
}

const anchorCache = new Map<string, Set<string>>();
function anchorsOfFile(absolute: string): Set<string> {
  let anchors = anchorCache.get(absolute);
  if (!anchors) {
    anchors = anchorsOf(readFileSync(absolute, 'utf8'));
    anchorCache.set(absolute, anchors);
  }
  return anchors;
}

/** Why `target` (a path with an optional `#anchor`) does not resolve from `from`, if it does not. */
function unresolved(target: string, from: readonly string[]): string | undefined {
  const [rawPath = '', anchor] = target.split('#', 2);
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return 'is not a valid URL path';
  }
  const file = from.map((dir) => resolve(dir, path)).find((candidate) => existsSync(candidate));
  if (!file) return 'names no file';
  if (!anchor || !file.endsWith('.md') || !statSync(file).isFile()) return undefined;
  return anchorsOfFile(file).has(anchor) ? undefined : `has no heading #${anchor}`;
}

/** Relative links of a markdown file (`[text](target)`), skipping URLs. */
function markdownLinks(markdown: string): Array<{ line: number; target: string }> {
  const links: Array<{ line: number; target: string }> = [];
  withoutFences(markdown)
    .split('\n')
    .forEach((text, index) => {
      const line = text.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length));
      for (const match of line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
        const target = match[1]!;
        if (/^[a-z][a-z\d+.-]*:/i.test(target)) continue;
        links.push({ line: index + 1, target });
      }
    });
  return links;
}

/** The comments of a TypeScript or JavaScript file, as `{ line, text }`. */
function codeComments(file: string, text: string): Array<{ line: number; text: string }> {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const ranges = new Map<number, ts.CommentRange>();
  const collect = (list: ts.CommentRange[] | undefined) =>
    list?.forEach((range) => ranges.set(range.pos, range));
  const visit = (node: ts.Node) => {
    collect(ts.getLeadingCommentRanges(text, node.pos));
    collect(ts.getTrailingCommentRanges(text, node.end));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...ranges.values()].map((range) => ({
    line: source.getLineAndCharacterOfPosition(range.pos).line + 1,
    text: text.slice(range.pos, range.end),
  }));
}

/** Repository paths to markdown files, with their anchors, named in `text`. */
const MARKDOWN_PATH = /(?<![\w./@%-])((?:docs|packages|scripts|bench)\/[\w./-]*?\.md)(#[\w-]+)?/g;

function markdownPaths(text: string): Array<{ offset: number; target: string }> {
  return [...text.matchAll(MARKDOWN_PATH)].map((match) => ({
    offset: match.index,
    target: match[1]! + (match[2] ?? ''),
  }));
}

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

describe('references', () => {
  const files = repositoryFiles();

  it('finds the files to check', () => {
    expect(files).toContain('docs/highlevel-behaviour.md');
    expect(files).toContain('packages/server/src/bookingSync/core/tags.ts');
    expect(files.some((file) => file.startsWith('spec/highlevel/'))).toBe(false);
  });

  it('cite nothing a reader cannot open', () => {
    const found = files.flatMap((file) =>
      unreadableCitations(read(file)).map((problem) => `${file}:${problem}`),
    );
    expect(found).toEqual([]);
  });

  it('relative markdown links name files and headings that exist', () => {
    const found = files
      .filter((file) => file.endsWith('.md'))
      .flatMap((file) => {
        const text = read(file);
        const own = anchorsOf(text);
        return markdownLinks(text).flatMap(({ line, target }) => {
          const problem = target.startsWith('#')
            ? own.has(target.slice(1))
              ? undefined
              : `has no heading ${target}`
            : unresolved(target, [dirname(join(ROOT, file))]);
          return problem ? [`${file}:${line}: ${target} ${problem}`] : [];
        });
      });
    expect(found).toEqual([]);
  });

  // It reads every comment of every file in the repository: seconds on a busy machine.
  it('paths to markdown files in comments and docs exist, with their headings', () => {
    const found = files.flatMap((file) => {
      const text = read(file);
      const dir = dirname(join(ROOT, file));
      const places = /\.[cm]?[jt]sx?$/.test(file)
        ? codeComments(file, text).flatMap((comment) =>
            markdownPaths(comment.text).map(({ offset, target }) => ({
              line: comment.line + lineAt(comment.text, offset) - 1,
              target,
            })),
          )
        : markdownPaths(file.endsWith('.md') ? withoutFences(text) : text).map(
            ({ offset, target }) => ({ line: lineAt(text, offset), target }),
          );
      return places.flatMap(({ line, target }) => {
        const problem = unresolved(target, [ROOT, dir]);
        return problem ? [`${file}:${line}: ${target} ${problem}`] : [];
      });
    });
    expect(found).toEqual([]);
  }, 30_000);

  it('tells citations that resolve from those that do not', () => {
    // Built from pieces, so that this file does not cite them itself.
    const section = '§';
    expect(unreadableCitations(`// see design ${section}4.2`)).toHaveLength(1);
    expect(unreadableCitations(`// (ghl-api-${'notes'} ${section}7)`)).toHaveLength(1);
    expect(unreadableCitations(`// asked in issue${' #'}5`)).toHaveLength(1);
    expect(unreadableCitations(`// ../${'shared'}/x.md`)).toHaveLength(1);
    expect(unreadableCitations(`// RFC 5545 ${section}3.3.5`)).toEqual([]);
    expect(
      unreadableCitations('// https://github.com/GoHighLevel/highlevel-api-docs/issues/300'),
    ).toEqual([]);
    expect(headingSlug("Vapi's server contract")).toBe('vapis-server-contract');
    expect(headingSlug('`Version` header')).toBe('version-header');
    expect(unresolved('docs/highlevel-behaviour.md#no-such-heading', [ROOT])).toBe(
      'has no heading #no-such-heading',
    );
    expect(unresolved('docs/no-such-file.md', [ROOT])).toBe('names no file');
  });
});

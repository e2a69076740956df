/**
 * Runs a curl command as printed (for a banner's "try it" lines): split into words the way a
 * POSIX shell does (single quotes, double quotes, backslash-newline), then sent with `fetch`. Only
 * the options the banners use are understood (-s, -X, -H, -d); anything else fails the test.
 */

/** The words of a shell command line. */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < command.length; i++) {
    const char = command[i]!;
    if (char === '\\' && command[i + 1] === '\n') {
      i++;
      continue;
    }
    if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
      continue;
    }
    word ??= '';
    if (char === "'") {
      const end = command.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unclosed ' in: ${command}`);
      word += command.slice(i + 1, end);
      i = end;
    } else if (char === '"') {
      let j = i + 1;
      for (; j < command.length && command[j] !== '"'; j++) {
        if (command[j] === '\\' && '"\\$`'.includes(command[j + 1]!)) j++;
        word += command[j];
      }
      if (j >= command.length) throw new Error(`unclosed " in: ${command}`);
      i = j;
    } else if (char === '\\' && i + 1 < command.length) {
      word += command[++i];
    } else word += char;
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** Sends the request `command` describes; resolves with the status and the parsed JSON body. */
export async function runCurl(command: string): Promise<{ status: number; body: unknown }> {
  const [program, ...args] = shellWords(command);
  if (program !== 'curl') throw new Error(`not a curl command: ${command}`);
  let method: string | undefined;
  let url: string | undefined;
  let body: string | undefined;
  const headers = new Headers();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-s') continue;
    if (arg === '-X') method = args[++i];
    else if (arg === '-H') {
      const header = args[++i]!;
      const colon = header.indexOf(':');
      headers.set(header.slice(0, colon).trim(), header.slice(colon + 1).trim());
    } else if (arg === '-d') body = args[++i];
    else if (!arg.startsWith('-') && url === undefined) url = arg;
    else throw new Error(`curl option not understood here: ${arg}`);
  }
  if (!url) throw new Error(`no URL in: ${command}`);
  // curl -d posts as a form unless told otherwise; the banners must say JSON.
  if (body !== undefined && !headers.has('content-type')) {
    headers.set('content-type', 'application/x-www-form-urlencoded');
  }
  const res = await fetch(url, { method: method ?? (body ? 'POST' : 'GET'), headers, body });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

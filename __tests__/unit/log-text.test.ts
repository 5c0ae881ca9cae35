import { commandLine, logText, quotedName, quoteName, summaryText } from '../../src/log-text.js';

/** Every workflow command the runner knows (and a made-up one: the runner tries any name). */
const COMMANDS = [
  '::error::INJ',
  '::error file=a.ts,line=1,title=INJ::x',
  '::warning::INJ',
  '::warning title=INJ::x',
  '::notice::INJ',
  '::notice title=INJ::x',
  '::debug::INJ',
  '::add-mask::INJ',
  '::stop-commands::INJTOKEN',
  '::INJTOKEN::',
  '::set-output name=INJ::x',
  '::save-state name=INJ::x',
  '::set-env name=INJ::x',
  '::add-path::/INJ',
  '::add-matcher::INJ.json',
  '::remove-matcher owner=INJ::',
  '::group::INJ',
  '::endgroup::',
  '::echo::on',
  '::any-new-command::INJ',
  '##[error]INJ',
  '##[warning]INJ',
  '##[group]INJ',
  '##[add-mask]INJ',
  '##[set-output name=INJ;]x'
];

/** Everything that ends a line for the runner (.NET splits at CR, LF and CRLF), and more to be safe. */
const BREAKS = ['\n', '\r', '\r\n', '\n\r', '\v', '\f', '\x85', '\u2028', '\u2029'];
/** What may stand before the command on its line: the runner trims leading white space. */
const LEADS = ['', ' ', '\t', '   ', '\u00a0', '\u3000', '\ufeff'];

/** The lines of a step's output that the runner would take as a command. */
function commandsIn(output: string): string[] {
  return output
    .split(/\r\n|[\r\n\v\f\x85\u2028\u2029]/)
    .filter((line) => line.replace(/^[\s\ufeff]+/u, '').startsWith('::') || line.includes('##['));
}

function attacks(): string[] {
  const texts: string[] = [];
  for (const command of COMMANDS) {
    texts.push(command, `${command}\n`, `x${command}`);
    for (const lead of LEADS)
      for (const lineBreak of BREAKS)
        texts.push(`0001-x${lineBreak}${lead}${command}${lineBreak}.patch`, `${lineBreak}${lead}${command}`);
  }
  return texts;
}

test('the runner-line model itself sees the attacks (a check of the check)', () => {
  const raw = attacks().filter((text) => commandsIn(`Skipped ${text}: already there.`).length > 0);
  expect(raw.length).toBeGreaterThan(COMMANDS.length * LEADS.length * BREAKS.length);
});

test('no name quoted for the log can put a workflow command on any line, wherever it is written', () => {
  const leaks = attacks().filter((text) => {
    const name = quoteName(text);
    const lines = [name, `Skipped ${name}: already there.`, `  ${name}`, `Input 'x': ${name}\nmore`];
    return lines.some((line) => commandsIn(line).length > 0) || /[\r\n\v\f\x85\u2028\u2029]/.test(name);
  });
  expect(leaks).toEqual([]);
});

test('no free text for the log can put a workflow command on any line', () => {
  const leaks = attacks()
    .flatMap((text) => [text, `git failed:\n${text}`, `error: ${text}\nhint: again ${text}`])
    .filter((message) => commandsIn(logText(message)).length > 0);
  expect(leaks).toEqual([]);
});

test('command lines for the log quote each argument that needs it', () => {
  expect(
    attacks().filter(
      (text) => commandsIn(`[command]${commandLine('git', ['bundle', 'verify', text])}`).length > 0
    )
  ).toEqual([]);
  expect(
    commandLine('git', ['fetch', '--no-tags', 'origin', '+refs/heads/main:refs/remotes/origin/main'])
  ).toBe('git fetch --no-tags origin +refs/heads/main:refs/remotes/origin/main');
});

test('plain names and messages are written as they are; others read like git quotes them', () => {
  expect(quoteName('0001-Add-a-file.patch')).toBe('0001-Add-a-file.patch');
  expect(quoteName('docs/café ünïcode.md')).toBe('docs/café ünïcode.md');
  expect(quoteName('0001-x\n::warning title=INJ::x\n.patch')).toBe(
    '"0001-x\\n::warning title=INJ::x\\n.patch"'
  );
  expect(quoteName('a"b\\c\td\x1be\u202ef')).toBe('"a\\"b\\\\c\\td\\033e\\342\\200\\256f"');
  expect(quoteName('::error::x')).toBe('"::error::x"');
  expect(quoteName('x##[error]y')).toBe('"x#\\043[error]y"');
  expect(quoteName(' lead')).toBe('" lead"');
  expect(logText("Outbox file 'a.patch' does not apply:\nerror: patch failed: a.txt:1")).toBe(
    "Outbox file 'a.patch' does not apply:\nerror: patch failed: a.txt:1"
  );
  expect(logText('first\r\n::warning::x\rlast')).toBe('first\n\\::warning::x\\rlast');
  expect(logText('  ::error::x')).toBe('  \\::error::x');
});

/** Every way Markdown or HTML opens something in GitHub's renderer. */
const OPENERS = [
  '# h1',
  '## INJECTED',
  '###### h6',
  'Setext\n===',
  'Setext\n---',
  '[click](https://x)',
  '[ref]: https://x',
  '![img](https://x/i.png)',
  '<https://x>',
  'https://x.example',
  'www.x.example',
  '<a href="https://x">a</a>',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<!-- c -->',
  '<details open>',
  '</code></li></ul><h1>x</h1>',
  '`code`',
  '```\nfence\n```',
  '~~~\nfence',
  '*em*',
  '**strong**',
  '_em_',
  '__strong__',
  '~~del~~',
  '| a | b |\n|---|---|',
  '> quote',
  '- item',
  '+ item',
  '1. item',
  '    indented code',
  '\\',
  '&amp;',
  '&#60;',
  '@mention',
  '#123',
  ':smile:',
  '$x$',
  '[^1]',
  '- [ ] task',
  '***',
  'evil\n\n## INJECTED [click](https://x)\n\n.txt'
];

test('summary text never opens HTML or Markdown and never breaks its line', () => {
  const opened = OPENERS.flatMap((opener) => [opener, `a ${opener} b`, `x\n\n${opener}\n\n.txt`]).filter(
    (text) => /[\r\n<>[\]()`*_#|!~:\\&]/.test(summaryText(text).replace(/&#\d+;/g, ''))
  );
  expect(opened).toEqual([]);
  expect(summaryText('data/new file.txt')).toBe('data/new file.txt');
  expect(summaryText('evil\n\n## INJECTED [click](https://x)\n\n.txt')).toBe(
    '&#34;evil&#92;n&#92;n&#35;&#35; INJECTED &#91;click&#93;&#40;https&#58;//x&#41;&#92;n&#92;n.txt&#34;'
  );
});

describe('quotedName', () => {
  it('puts a plain name in single quotes and keeps the C-quoted form as it is', () => {
    expect(quotedName('octo-org/app')).toBe("'octo-org/app'");
    expect(quotedName('a\u202eb.json')).toBe('"a\\342\\200\\256b.json"');
    expect(quotedName('x::error::y')).toBe('"x::error::y"');
  });
});

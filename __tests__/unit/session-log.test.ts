/** A sessions step's log: each session's output held back and written as one group (pure parts). */
import { groupBlock, sessionLabel, SessionLogBuffer } from '../../src/session-log.js';

describe('SessionLogBuffer', () => {
  it('keeps what a session wrote, in order, ending with a line break', () => {
    const buffer = new SessionLogBuffer();
    buffer.append('one\n');
    buffer.append(Buffer.from('two'));
    expect(buffer.text()).toBe('one\ntwo\n');
    expect(new SessionLogBuffer().text()).toBe('');
  });

  it('keeps a character that a child split across two chunks whole', () => {
    const bytes = Buffer.from('é\n');
    const buffer = new SessionLogBuffer();
    buffer.append(bytes.subarray(0, 1));
    buffer.append(bytes.subarray(1));
    expect(buffer.text()).toBe('é\n');
  });

  it('keeps the head and the tail of a long output, saying how much it left out', () => {
    const buffer = new SessionLogBuffer(20);
    for (let i = 0; i < 100; i++) buffer.append(`line ${String(i).padStart(3, '0')}\n`);
    const text = buffer.text();
    expect(text.startsWith('line 000\nline 001\n')).toBe(true);
    expect(text.endsWith('line 098\nline 099\n')).toBe(true);
    expect(text).toMatch(/^… \d+ bytes of this session's output left out …$/m);
    expect(text.length).toBeLessThan(120);
    const kept = text.split('\n').filter((line) => line.startsWith('line ')).length;
    const left = Number(/… (\d+) bytes/.exec(text)![1]);
    expect(kept * 9 + left).toBe(100 * 9);
  });

  it('starts the tail at a line of its own, so that a cut line cannot become a command', () => {
    const buffer = new SessionLogBuffer(40);
    buffer.append('0123456789' + 'x'.repeat(30));
    buffer.append('safe ');
    buffer.append('::warning::not a command\n');
    buffer.append('::notice::from the script itself\n');
    const text = buffer.text();
    expect(text).not.toMatch(/^::warning::/m);
    expect(text).toMatch(/^::notice::from the script itself$/m);
    expect(text).toMatch(/^… 30 bytes of this session's output left out …$/m);
  });

  it('keeps the first line of the tail whole when what it left out ended a line', () => {
    const buffer = new SessionLogBuffer(10);
    buffer.append('head line\n');
    buffer.append('dropped line\n');
    buffer.append('kept line one\n');
    expect(buffer.text()).toBe("head line\n… 13 bytes of this session's output left out …\nkept line one\n");
  });
});

describe('groupBlock', () => {
  it('wraps a body in one group, the title escaped as command data', () => {
    expect(groupBlock('Session 1 of 2: octo/a (created)', 'a\nb')).toBe(
      '::group::Session 1 of 2: octo/a (created)\na\nb\n::endgroup::\n'
    );
    expect(groupBlock('50% a\r\nb', '')).toBe('::group::50%25 a%0D%0Ab\n::endgroup::\n');
  });

  it('names the session with its repository quoted as data', () => {
    expect(sessionLabel(3, 50, 'octo-org/app')).toBe('Session 3 of 50: octo-org/app');
    expect(sessionLabel(1, 1, 'a::b\nc')).toBe('Session 1 of 1: "a::b\\nc"');
  });
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Sandbox } from '../../src/sandbox.js';

describe("the action's own git and the run script's", () => {
  let temp: string;
  let sandbox: Sandbox;
  beforeAll(async () => {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-config-'));
    sandbox = await Sandbox.create(temp, () => undefined);
  });
  afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

  const keys = ['maintenance.auto', 'fastimport.unpackLimit'];

  test('the action runs git without automatic maintenance and keeps fast-import packs', async () => {
    for (const key of keys) {
      const own = await sandbox.run('git', ['config', '--get', key], { cwd: temp });
      expect(own.stdout.trim()).toBe(key === 'maintenance.auto' ? 'false' : '0');
      const bytes = await sandbox.runForBytes('git', ['config', '--get', key], { cwd: temp });
      expect(bytes.toString().trim()).toBe(own.stdout.trim());
    }
  });

  test("the run script's git sees git's defaults", async () => {
    const out = path.join(temp, 'seen.txt');
    await sandbox.runScript(
      keys.map((key) => `git config --get ${key} >> ${out} || echo unset >> ${out}`).join('\n'),
      temp
    );
    expect(fs.readFileSync(out, 'utf8')).toBe('unset\nunset\n');
  });
});

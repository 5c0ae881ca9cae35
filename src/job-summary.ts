import { constants } from 'node:fs';
import * as fs from 'node:fs/promises';
import { EOL } from 'node:os';

/** A table cell: text, or a header cell (@actions/core's SummaryTableCell, the parts used here). */
export type SummaryCell = string | { data: string; header: true };

const wrap = (tag: string, content: string): string => (content ? `<${tag}>${content}</${tag}>` : `<${tag}>`);

/**
 * The job summary (GITHUB_STEP_SUMMARY), written as @actions/core's `core.summary` writes it (a
 * unit test compares the two): that module comes with @actions/core's HTTP client, most of the
 * bundle, which would load after the pull request is open, only to write a table. The text given
 * is HTML: outside text goes through src/log-text.ts's summaryText first.
 */
export class JobSummary {
  private buffer = '';

  addRaw(html: string, addEol = false): this {
    this.buffer += addEol ? html + EOL : html;
    return this;
  }

  addHeading(text: string, level: 1 | 2 | 3 | 4 | 5 | 6): this {
    return this.addRaw(wrap(`h${level}`, text), true);
  }

  addTable(rows: readonly SummaryCell[][]): this {
    const cell = (c: SummaryCell) => (typeof c === 'string' ? wrap('td', c) : wrap('th', c.data));
    return this.addRaw(wrap('table', rows.map((row) => wrap('tr', row.map(cell).join(''))).join('')), true);
  }

  addList(items: readonly string[]): this {
    return this.addRaw(wrap('ul', items.map((item) => wrap('li', item)).join('')), true);
  }

  stringify(): string {
    return this.buffer;
  }

  /** Appends the summary to GITHUB_STEP_SUMMARY, which must exist and be writable. */
  async write(): Promise<void> {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file) throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY.');
    try {
      await fs.access(file, constants.R_OK | constants.W_OK);
    } catch {
      throw new Error(`Unable to access summary file: '${file}'.`);
    }
    await fs.appendFile(file, this.buffer, { encoding: 'utf8' });
    this.buffer = '';
  }
}

/**
 * A parser of the Prometheus text exposition format (version 0.0.4, what the JMX exporter agent
 * and most exporters answer to `Accept: text/plain`), as the Prometheus server reads it:
 * https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format
 *
 * Written here rather than taken from npm: the one parser there (parse-prometheus-text-format)
 * has had no release for years, keeps values as strings and builds histogram objects the
 * console does not need. This one is small, strict where the format is (a malformed line fails
 * the whole answer, naming the line, as a Prometheus scrape fails), and lets the caller skip
 * the samples it does not use before their labels are read.
 *
 * Besides the 0.0.4 grammar it reads what OpenMetrics text adds that a scraper may meet:
 * `# EOF`, `# UNIT` lines and quoted (UTF-8) metric and label names, `{"name", label="v"}`.
 */

/** One sample line: `name{label="value",...} value [timestamp]`. */
export interface PrometheusSample {
  name: string;
  labels: Record<string, string>;
  /** NaN and ±Infinity are kept as such. */
  value: number;
  /** Milliseconds since the epoch, when the line gives one. */
  timestamp?: number;
}

/** An answer that is not in the text format; the message names the line and what is wrong in plain words. */
export class PrometheusTextError extends Error {
  constructor(
    readonly line: number,
    problem: string,
  ) {
    super(`line ${line}: ${problem}`);
  }
}

/**
 * The samples of a text exposition, in their order. `keep`, when given, is asked each sample's
 * name first: a sample it refuses is skipped without reading the rest of its line (an agent's
 * JVM figures, say), so only kept lines must be well formed past their name.
 */
export function parsePrometheusText(text: string, keep?: (name: string) => boolean): PrometheusSample[] {
  const samples: PrometheusSample[] = [];
  let lineNumber = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lineNumber += 1;
    const line = text.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    const cursor = new Cursor(line, lineNumber);
    cursor.skipBlanks();
    if (cursor.atEnd()) continue;
    if (cursor.peek() === '#') {
      if (/^#\s*EOF\s*$/.test(line.trim())) break;
      // HELP, TYPE, UNIT and plain comments: nothing the samples need.
      continue;
    }
    const sample = readSample(cursor, keep);
    if (sample) samples.push(sample);
  }
  return samples;
}

function readSample(cursor: Cursor, keep: ((name: string) => boolean) | undefined): PrometheusSample | undefined {
  let name: string | undefined;
  if (cursor.peek() !== '{') name = cursor.readName(METRIC_NAME, 'a metric name');
  if (name !== undefined && keep && !keep(name)) return undefined;

  const labels: Record<string, string> = {};
  let blankBeforeValue = cursor.skipBlanks();
  if (cursor.peek() === '{') {
    cursor.next();
    let first = true;
    for (;;) {
      cursor.skipBlanks();
      if (cursor.peek() === '}') {
        cursor.next();
        break;
      }
      const quoted = cursor.peek() === '"';
      const labelName = quoted ? cursor.readQuoted('a quoted name') : cursor.readName(LABEL_NAME, 'a label name');
      cursor.skipBlanks();
      if (name === undefined && first && quoted && cursor.peek() !== '=') {
        // OpenMetrics' quoted metric name, first in the braces: {"my.metric", label="v"}.
        name = labelName;
        if (keep && !keep(name)) return undefined;
      } else {
        cursor.expect('=', `"=" after the label name ${labelName}`);
        cursor.skipBlanks();
        if (cursor.peek() !== '"') cursor.fail(`the value of label ${labelName} in double quotes`);
        const value = cursor.readQuoted(`the value of label ${labelName}`);
        if (Object.hasOwn(labels, labelName)) cursor.fail(`label ${labelName} only once`);
        labels[labelName] = value;
      }
      first = false;
      cursor.skipBlanks();
      if (cursor.peek() === ',') {
        cursor.next();
        continue;
      }
      cursor.expect('}', '"," or "}" after a label');
      break;
    }
    // After the closing brace a blank is usual, not required (Prometheus reads `m{a="1"}2` too).
    cursor.skipBlanks();
    blankBeforeValue = true;
  }
  if (name === undefined) cursor.fail('a metric name');

  if (cursor.atEnd()) cursor.fail(`a value after ${name}`);
  if (!blankBeforeValue) cursor.fail(`a blank between ${name} and its value`);
  const value = parseValue(cursor.readToken(), cursor);
  let timestamp: number | undefined;
  if (cursor.skipBlanks() && !cursor.atEnd()) {
    const token = cursor.readToken();
    if (!/^-?\d+$/.test(token)) cursor.fail(`a timestamp in milliseconds (an integer), not "${token}"`);
    timestamp = Number(token);
    cursor.skipBlanks();
  }
  if (!cursor.atEnd()) cursor.fail('the end of the line after the value and timestamp');
  return timestamp === undefined ? { name, labels, value } : { name, labels, value, timestamp };
}

const METRIC_NAME = /[a-zA-Z_:][a-zA-Z0-9_:]*/y;
const LABEL_NAME = /[a-zA-Z_][a-zA-Z0-9_]*/y;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A sample value as Go's ParseFloat reads it (less hexadecimal floats): decimals, NaN, ±Inf. */
function parseValue(token: string, cursor: Cursor): number {
  if (DECIMAL.test(token)) return Number(token);
  switch (token.toLowerCase()) {
    case 'nan':
      return NaN;
    case 'inf':
    case '+inf':
    case 'infinity':
    case '+infinity':
      return Infinity;
    case '-inf':
    case '-infinity':
      return -Infinity;
  }
  return cursor.fail(`a number as the value, not "${token}"`);
}

/** Reads one line from left to right. */
class Cursor {
  position = 0;

  constructor(
    readonly line: string,
    readonly lineNumber: number,
  ) {}

  atEnd(): boolean {
    return this.position >= this.line.length;
  }

  peek(): string | undefined {
    return this.line[this.position];
  }

  next(): void {
    this.position += 1;
  }

  /** Skips spaces and tabs; whether there were any. */
  skipBlanks(): boolean {
    const from = this.position;
    while (this.peek() === ' ' || this.peek() === '\t') this.position += 1;
    return this.position > from;
  }

  expect(char: string, what: string): void {
    if (this.peek() !== char) this.fail(what);
    this.position += 1;
  }

  readName(pattern: RegExp, what: string): string {
    pattern.lastIndex = this.position;
    const match = pattern.exec(this.line);
    if (!match) return this.fail(what);
    this.position += match[0].length;
    return match[0];
  }

  /** A double-quoted string, its escapes (`\\`, `\"`, `\n`) resolved; the cursor is on the opening quote. */
  readQuoted(what: string): string {
    this.expect('"', what);
    let value = '';
    for (;;) {
      const char = this.peek();
      if (char === undefined) return this.fail(`the closing double quote of ${what}`);
      this.position += 1;
      if (char === '"') return value;
      if (char !== '\\') {
        value += char;
        continue;
      }
      const escaped = this.peek();
      this.position += 1;
      if (escaped === '\\' || escaped === '"') value += escaped;
      else if (escaped === 'n') value += '\n';
      else return this.fail(`only \\\\, \\" or \\n as escapes in ${what}`);
    }
  }

  /** Everything up to the next blank. */
  readToken(): string {
    const from = this.position;
    while (!this.atEnd() && this.peek() !== ' ' && this.peek() !== '\t') this.position += 1;
    return this.line.slice(from, this.position);
  }

  fail(expected: string): never {
    const shown = this.atEnd() ? 'the end of the line' : `"${this.line.slice(this.position, this.position + 20)}"`;
    throw new PrometheusTextError(this.lineNumber, `expected ${expected} at column ${this.position + 1}, found ${shown}`);
  }
}

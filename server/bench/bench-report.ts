import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { KAFKA_VERSION } from '../local-stack/layout';
import { PACKAGE_JSON, PROJECT_ROOT } from '../project';
import type { BenchScale } from './bench-scale';
import type { Figure } from './measurements';

/** The figures of one run, by the name the report gives them. */
export type Figures = Record<FigureName, Figure | undefined>;

export type FigureName =
  | 'topicListPage'
  | 'topicListSearched'
  | 'groupList'
  | 'topicDetail'
  | 'groupDetail'
  | 'searchOldestFirst'
  | 'searchNewestFirst'
  | 'clientFullRead'
  | 'startToFirstTopics'
  | 'rssAfterStart'
  | 'rssAfterRoutes'
  | 'rssAfterSearches'
  | 'rssAfterAll'
  | 'metricsSample'
  | 'rssWithWeekOfHistory';

/** What each figure is, in the report's words, and the target issue #17 sets for it. */
const ROWS: { name: FigureName; label: string; target?: { text: string; isMet: (median: number, figures: Figures) => boolean } }[] = [
  { name: 'topicListPage', label: 'topic list, page of 100 sorted by name', target: { text: '≤ 15 ms', isMet: (ms) => ms <= 15 } },
  { name: 'topicListSearched', label: 'topic list, page of 100 searched', target: { text: '≤ 15 ms', isMet: (ms) => ms <= 15 } },
  { name: 'groupList', label: 'group list, all with lag', target: { text: '≤ 40 ms', isMet: (ms) => ms <= 40 } },
  { name: 'topicDetail', label: 'topic detail with its consumers', target: { text: '≤ 10 ms', isMet: (ms) => ms <= 10 } },
  { name: 'groupDetail', label: 'group detail', target: { text: '≤ 5 ms', isMet: (ms) => ms <= 5 } },
  { name: 'searchOldestFirst', label: 'search for an absent string, oldest first', target: atWireSpeed() },
  { name: 'searchNewestFirst', label: 'search for an absent string, newest first', target: atWireSpeed() },
  { name: 'clientFullRead', label: 'the Kafka client reading the topic whole (reference)' },
  { name: 'startToFirstTopics', label: 'start → first topics', target: { text: '≤ 1,000 ms', isMet: (ms) => ms <= 1000 } },
  { name: 'rssAfterStart', label: 'console RSS once the first topics are listed' },
  { name: 'rssAfterRoutes', label: 'console RSS after the list and detail routes' },
  { name: 'rssAfterSearches', label: 'console RSS after the searches' },
  { name: 'rssAfterAll', label: 'console RSS after everything, settled', target: { text: '≤ 120 MiB', isMet: (mib) => mib <= 120 } },
  { name: 'metricsSample', label: 'one metrics sample of the whole cluster', target: { text: '≤ 1,500 ms', isMet: (ms) => ms <= 1500 } },
  {
    name: 'rssWithWeekOfHistory',
    label: 'console RSS with a week of metric history read back',
    target: { text: '≤ 150 MiB', isMet: (mib) => mib <= 150 },
  },
];

function atWireSpeed() {
  return {
    text: '≥ the client’s full read',
    isMet: (rate: number, figures: Figures) => figures.clientFullRead !== undefined && rate >= figures.clientFullRead.median,
  };
}

/** Everything bench/results/latest.json holds. */
export interface BenchReport {
  date: string;
  quick: boolean;
  durationSeconds: number;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; os: string };
  versions: { node: string; kafka: string; console: string };
  cluster: { brokers: number };
  scale: Omit<BenchScale, 'runs' | 'scans' | 'starts' | 'pagedScanCapMs'>;
  /** How the searches ran: through the search stream, or page by page through the message browser. */
  searchMethod: 'stream' | 'paged-scan' | 'not run';
  figures: Partial<Figures>;
  targets: { figure: FigureName; target: string; median: number | null; isMet: boolean }[];
  /** Why the run stopped early, when it did; the figures measured until then are kept. */
  failure?: string;
}

/** The report of a run, from its figures and the machine it ran on. */
export function benchReport(options: {
  quick: boolean;
  startedAt: Date;
  brokers: number;
  scale: BenchScale;
  searchMethod: BenchReport['searchMethod'];
  figures: Partial<Figures>;
  failure?: string;
}): BenchReport {
  const { runs: _runs, scans: _scans, starts: _starts, pagedScanCapMs: _cap, ...scale } = options.scale;
  const figures = options.figures as Figures;
  return {
    date: options.startedAt.toISOString(),
    quick: options.quick,
    durationSeconds: Math.round((Date.now() - options.startedAt.getTime()) / 1000),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
      os: `${osName()} (Linux ${release()})`,
    },
    versions: { node: process.version, kafka: KAFKA_VERSION, console: consoleVersion() },
    cluster: { brokers: options.brokers },
    scale,
    searchMethod: options.searchMethod,
    figures: options.figures,
    targets: ROWS.filter((row) => row.target).map((row) => {
      const median = figures[row.name]?.median ?? null;
      return { figure: row.name, target: row.target!.text, median, isMet: median !== null && row.target!.isMet(median, figures) };
    }),
    ...(options.failure && { failure: options.failure }),
  };
}

/** Writes `<dir>/latest.json` and `<dir>/latest.md`; answers the paths. */
export function writeReport(report: BenchReport, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, 'latest.json');
  const markdown = join(dir, 'latest.md');
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(markdown, reportMarkdown(report));
  return [json, markdown];
}

/** The report as a Markdown table of figures beside their targets; a report, so nothing fails on a miss. */
export function reportMarkdown(report: BenchReport): string {
  const { scale, machine, versions } = report;
  const lines = [
    `# Bench${report.quick ? ' (--quick)' : ''}: ${report.date.slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `- Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, ${machine.os}`,
    `- Versions: console ${versions.console}, Node ${versions.node}, Kafka ${versions.kafka} (${report.cluster.brokers} brokers)`,
    `- Scale: ${count(scale.topics)} topics × ${scale.partitionsPerTopic} partitions, ${count(scale.consumerGroups)} consumer groups ` +
      `with committed offsets on ${scale.topicsPerGroup} topics each, ${scale.largeTopic.name}: ${count(scale.largeTopic.records)} × ` +
      `${scale.largeTopic.recordBytes} B records in ${scale.largeTopic.partitions} partitions`,
    `- Searches: ${searchMethodText(report.searchMethod)}`,
    `- Run took ${Math.round(report.durationSeconds / 6) / 10} min; latencies are warm medians through the console's JSON API`,
    ...(report.failure ? [`- **Stopped early**: ${report.failure}`] : []),
    '',
    '| figure | median | min | max | runs | target | met |',
    '| --- | ---: | ---: | ---: | ---: | --- | --- |',
  ];
  for (const row of ROWS) {
    const measured = report.figures[row.name];
    const target = report.targets.find((t) => t.figure === row.name);
    const met = !target ? '' : !measured ? 'not measured' : target.isMet ? 'met' : '**not met**';
    const cells = measured
      ? [
          amount(measured.median, measured.unit),
          amount(measured.min, measured.unit),
          amount(measured.max, measured.unit),
          String(measured.runs),
        ]
      : ['–', '–', '–', '0'];
    lines.push(`| ${row.label}${detail(measured)} | ${cells.join(' | ')} | ${row.target?.text ?? ''} | ${met} |`);
  }
  return `${lines.join('\n')}\n`;
}

function searchMethodText(method: BenchReport['searchMethod']): string {
  if (method === 'stream') return 'the search stream (`GET .../search`, Server-Sent Events), timed until its `done` event';
  if (method === 'paged-scan')
    return 'no search stream yet: the message browser’s pages (`GET .../messages?contains=`), following `nextCursor`, cut short when far slower than the wire';
  return 'not run';
}

function detail(measured: Figure | undefined): string {
  if (!measured) return '';
  const notes: string[] = [];
  const requests =
    typeof measured['requests'] === 'number' && measured['requests'] > 1 ? ` in ${count(measured['requests'])} requests` : '';
  if (typeof measured['cutShortAfterSeconds'] === 'number') {
    notes.push(
      `cut short after ${measured['cutShortAfterSeconds']} s, ${count(Number(measured['recordsRead']))} records searched${requests}`,
    );
  } else if (typeof measured['seconds'] === 'number') {
    notes.push(`${measured['seconds']} s${requests}`);
  }
  if (typeof measured['items'] === 'number') notes.push(`${count(measured['items'])} items`);
  if (measured.note) notes.push(measured.note);
  return notes.length ? ` (${notes.join(', ')})` : '';
}

function amount(value: number, unit: Figure['unit']): string {
  return unit === 'records/s' ? `${count(value)}/s` : `${value.toLocaleString('en-US')} ${unit}`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function osName(): string {
  try {
    return /^PRETTY_NAME="?([^"\n]*)/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? 'Linux';
  } catch {
    return 'Linux';
  }
}

/** package.json's version and the commit it was measured at, when git knows it. */
function consoleVersion(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
    return `${PACKAGE_JSON.version} (${commit})`;
  } catch {
    return PACKAGE_JSON.version;
  }
}

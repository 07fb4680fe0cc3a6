import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalStack, type LocalStack } from '../local-stack/local-stack';
import { PROJECT_ROOT } from '../project';
import { benchReport, reportMarkdown, writeReport, type BenchReport, type Figures } from './bench-report';
import { ABSENT, FULL_SCALE, QUICK_SCALE, buildScale, groupName, reasons, topicName, type BenchScale } from './bench-scale';
import { startConsole, type ConsoleProcess } from './console-process';
import { sampleCost, untilHistoryRead, writeWeekOfHistory } from './metrics-bench';
import {
  clientFullRead,
  figure,
  type Figure,
  groupListItems,
  hasSearchStream,
  pagedSearch,
  scanRate,
  streamSearch,
  timeRoute,
  type SearchDirection,
} from './measurements';

const USAGE = `Usage: npm run bench -- [--quick] [--out DIR]
  --quick    a small scale (${QUICK_SCALE.topics} topics, ${QUICK_SCALE.consumerGroups} groups, ${QUICK_SCALE.largeTopic.records} records) in under two minutes
  --out DIR  where latest.json and latest.md go (default bench/results)
Environment: KPC_BENCH_KAFKA_PORT (default 19600; the second broker takes +2, the controllers +101 and +102, the brokers' metrics agents +20 and +22).`;

/** Two brokers: each keeps files open per partition, and one process may open 20,000 here. */
const BROKERS = 2;
const CLUSTER = 'bench';

/**
 * `npm run bench`: the peers' bench of issue #17. Starts a two-broker Kafka of its own (ports
 * 19600+, a temporary data dir, no Connect), builds the scale, starts the compiled console as
 * production runs it, measures it through its JSON API, and writes latest.json and latest.md.
 * A missed target is reported, never thrown: only a failure to measure fails the run.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const quick = values.quick ?? false;
  const scale = quick ? QUICK_SCALE : FULL_SCALE;
  const outDir = resolve(PROJECT_ROOT, values.out ?? join('bench', 'results'));
  const startedAt = new Date();
  const figures: Partial<Figures> = {};
  let searchMethod: BenchReport['searchMethod'] = 'not run';
  let failure: string | undefined;

  let stack: LocalStack | undefined;
  let consoleProcess: ConsoleProcess | undefined;
  const dataDir = await mkdtemp(join(tmpdir(), 'kpc-bench-'));
  const cleanUp = onceOnly(async () => {
    await consoleProcess?.stop().catch(() => undefined);
    await stack?.stop().catch((err: unknown) => log(`could not stop the bench's Kafka: ${(err as Error).message}`));
    await rm(dataDir, { recursive: true, force: true });
  });
  // Every signal, not just the first: Ctrl-C reaches this process from the terminal and again
  // relayed by tsx, and the second must not kill it before it has stopped the detached JVMs.
  let isInterrupted = false;
  const interrupt = (signal: string) => {
    if (isInterrupted) return;
    isInterrupted = true;
    log(`${signal}: stopping the console and the bench's Kafka`);
    void cleanUp().finally(() => process.exit(130));
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);

  try {
    stack = await startLocalStack({
      dataDir,
      brokers: BROKERS,
      kafkaPort: Number(process.env['KPC_BENCH_KAFKA_PORT'] ?? 19600),
      withConnect: false,
      log: (line) => log(`[stack] ${line}`),
    });
    const bootstrapServers = stack.bootstrapServers.split(',');
    await buildScale(bootstrapServers, scale, log);

    const port = await freePort();
    const starts: number[] = [];
    for (let i = 0; i < scale.starts; i++) {
      await consoleProcess?.stop();
      consoleProcess = await startConsole({ bootstrapServers: stack.bootstrapServers, cluster: CLUSTER, port, workDir: dataDir });
      starts.push(consoleProcess.msToFirstTopics);
      log(`console start ${i + 1}/${scale.starts}: first topics after ${Math.round(consoleProcess.msToFirstTopics)} ms`);
    }
    figures.startToFirstTopics = figure('ms', starts);
    figures.rssAfterStart = figure('MiB', [consoleProcess!.rssMiB()]);

    await measureRoutes(consoleProcess!.baseUrl, scale, figures);
    figures.rssAfterRoutes = figure('MiB', [consoleProcess!.rssMiB()]);
    searchMethod = await measureSearches(consoleProcess!.baseUrl, scale, figures);
    figures.rssAfterSearches = figure('MiB', [consoleProcess!.rssMiB()]);
    const { name, records } = scale.largeTopic;
    log(`reading ${name} whole with the Kafka client`);
    let run = 0;
    figures.clientFullRead = await scanRate(scale.scans, () => clientFullRead(bootstrapServers, name, records, run++));
    figures.rssAfterAll = await settledRss(consoleProcess!);

    log('one metrics sample of the whole cluster, as the console takes it every 15 s');
    const cluster = { name: CLUSTER, bootstrapServers, connect: [] };
    figures.metricsSample = await sampleCost(cluster, scale.scans);
    log('a week of metric history in the cluster; the console restarted to read it back');
    await consoleProcess!.stop();
    const history = await writeWeekOfHistory(cluster, scale, Date.now());
    consoleProcess = await startConsole({ bootstrapServers: stack.bootstrapServers, cluster: CLUSTER, port, workDir: dataDir });
    await untilHistoryRead(consoleProcess.baseUrl, CLUSTER);
    figures.rssWithWeekOfHistory = await settledRss(
      consoleProcess,
      `${history.busyTopics} busy topics, ${history.quietTopics} quiet ones and ${history.groups} groups whose lag changes every sample`,
    );
  } catch (err) {
    failure = reasons(err);
    log(`the bench stopped early: ${(err as Error).stack ?? failure}`);
  } finally {
    await cleanUp();
  }

  const report = benchReport({ quick, startedAt, brokers: BROKERS, scale, searchMethod, figures, failure });
  const files = writeReport(report, outDir);
  process.stdout.write(`\n${reportMarkdown(report)}\n`);
  log(`written: ${files.join(', ')}`);
  return failure ? 1 : 0;
}

/** The latencies of the pages the console draws from its model, warm, `scale.runs` calls each. */
async function measureRoutes(baseUrl: string, scale: BenchScale, figures: Partial<Figures>): Promise<void> {
  const api = `${baseUrl}/api/clusters/${CLUSTER}`;
  const pageOf100 = (answer: { items: unknown[]; total: number }) => {
    if (answer.items.length !== Math.min(100, answer.total)) throw new Error(`a page of ${answer.items.length} topics of ${answer.total}`);
    return { items: answer.items.length, total: answer.total };
  };
  log('measuring the topic list');
  figures.topicListPage = await timeRoute(`${api}/topics?sort=name&order=asc&page=0&pageSize=100`, scale.runs, pageOf100);
  // 'topic.001' names topics 100 to 199 at either scale: one full page of matches.
  figures.topicListSearched = await timeRoute(
    `${api}/topics?search=topic.001&sort=name&order=asc&page=0&pageSize=100`,
    scale.runs,
    pageOf100,
  );

  log('measuring the consumer-group list');
  figures.groupList = await timeRoute(await groupListUrl(api, scale), scale.runs, (answer) => {
    const { items, total, shape } = groupListItems(answer);
    const benchGroups = items.filter((group) => group.groupId.startsWith('bench.group.'));
    if (benchGroups.length < scale.consumerGroups)
      throw new Error(`the group list holds ${benchGroups.length} of ${scale.consumerGroups} bench groups`);
    if (!benchGroups.every((group) => (group.totalLag ?? 0) > 0)) throw new Error('a bench group is listed without lag');
    return { items: items.length, total, note: `answered as ${shape === 'page' ? 'a page' : 'an array'}` };
  });

  log('measuring the topic and group details');
  figures.topicDetail = await timeRoute(`${api}/topics/${topicName(42)}`, scale.runs, (answer: { consumerGroups: unknown[] }) => {
    if (answer.consumerGroups.length === 0) throw new Error(`${topicName(42)} is shown without its consumer groups`);
    return { consumerGroups: answer.consumerGroups.length };
  });
  figures.groupDetail = await timeRoute(`${api}/consumer-groups/${groupName(42)}`, scale.runs, (answer: { partitions?: unknown[] }) => ({
    partitions: answer.partitions?.length,
  }));
}

/**
 * The whole group list in one answer: a page as large as the bench's groups where the route
 * pages, the plain route where it does not take (or refuses) paging parameters.
 */
async function groupListUrl(api: string, scale: BenchScale): Promise<string> {
  const paged = `${api}/consumer-groups?page=0&pageSize=${scale.consumerGroups}`;
  const res = await fetch(paged);
  await res.arrayBuffer();
  return res.status === 200 ? paged : `${api}/consumer-groups`;
}

/**
 * A search for a string no record holds, so the whole large topic is read, both ways: through
 * the search stream when the console has it, else through the message browser's pages.
 */
async function measureSearches(baseUrl: string, scale: BenchScale, figures: Partial<Figures>): Promise<BenchReport['searchMethod']> {
  const { name, records } = scale.largeTopic;
  const isStream = await hasSearchStream(baseUrl, name);
  const search = (direction: SearchDirection) =>
    isStream
      ? streamSearch(baseUrl, name, direction, ABSENT, records)
      : pagedSearch(baseUrl, name, direction, ABSENT, records, scale.pagedScanCapMs);
  for (const [direction, figureName] of [
    ['oldest', 'searchOldestFirst'],
    ['newest', 'searchNewestFirst'],
  ] as const) {
    log(`searching ${name} for an absent string, ${direction} first (${isStream ? 'search stream' : 'paged scan'})`);
    figures[figureName] = await scanRate(scale.scans, () => search(direction));
  }
  return isStream ? 'stream' : 'paged-scan';
}

/**
 * What the console keeps, as against what one of its samples passes through: the console
 * samples the cluster every 15 s, so its memory is read every half second over one interval
 * and the lowest reading is the figure, the highest noted beside it.
 */
async function settledRss(running: ConsoleProcess, note?: string): Promise<Figure> {
  const readings: number[] = [];
  for (const ends = Date.now() + 16_000; Date.now() < ends;) {
    readings.push(running.rssMiB());
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const highest = Math.round(Math.max(...readings) * 10) / 10;
  return figure('MiB', [Math.min(...readings)], {
    note: `${note ? `${note}; ` : ''}lowest over one sampling interval, highest ${highest} MiB`,
  });
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

function onceOnly(work: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= work());
}

function log(line: string): void {
  process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);

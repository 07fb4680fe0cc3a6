import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ClusterConfig } from '../kafka/clusters-config';
import { useTestApi } from '../testing/spec-setup';
import { testAccess } from '../testing/test-access';
import { testClusters } from '../testing/test-api';
import { TEST_BOOTSTRAP } from '../testing/test-kafka';
import { MetricsExport } from './metrics-export';
import type { GroupMeasure, MetricsSample } from './metrics.model';

/**
 * The official Prometheus Python client's parser of the text format, in a virtual environment
 * under `.cache/` made on first use, as the Schemathesis run makes its own.
 */
const PROMETHEUS_CLIENT_VERSION = '0.21.1';
const VENV = resolve('.cache', `prometheus-client-${PROMETHEUS_CLIENT_VERSION}`);
const PYTHON = join(VENV, 'bin', 'python');
const PARSE = [
  'import json, sys',
  'from prometheus_client.parser import text_string_to_metric_families',
  'families = text_string_to_metric_families(sys.stdin.read())',
  'print(json.dumps([{"name": f.name, "type": f.type, "help": f.documentation,',
  '  "samples": [{"name": s.name, "labels": s.labels, "value": s.value} for s in f.samples]} for f in families]))',
].join('\n');

interface Family {
  name: string;
  type: string;
  help: string;
  samples: { name: string; labels: Record<string, string>; value: number }[];
}

function run(command: string, args: string[], input?: string): Promise<{ code: number; out: string; err: string }> {
  return new Promise((done) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', (error) => done({ code: 127, out, err: error.message }));
    child.on('close', (code) => done({ code: code ?? 1, out, err }));
    child.stdin.end(input);
  });
}

async function installParser(): Promise<void> {
  if (existsSync(PYTHON) && (await run(PYTHON, ['-c', 'import prometheus_client'])).code === 0) return;
  if ((await run('python3', ['-m', 'venv', VENV])).code !== 0) throw new Error('python3 -m venv failed: is python3-venv installed?');
  const pip = await run(join(VENV, 'bin', 'pip'), [
    'install',
    '--quiet',
    '--disable-pip-version-check',
    `prometheus-client==${PROMETHEUS_CLIENT_VERSION}`,
  ]);
  if (pip.code !== 0) {
    rmSync(VENV, { recursive: true, force: true });
    throw new Error(`pip install prometheus-client==${PROMETHEUS_CLIENT_VERSION} failed: ${pip.err}`);
  }
}

/** Parses the text as Prometheus does; throws on text it refuses. */
async function parse(text: string): Promise<Family[]> {
  const parsed = await run(PYTHON, ['-c', PARSE], text);
  if (parsed.code !== 0) throw new Error(`The Prometheus parser refused the text: ${parsed.err}`);
  return JSON.parse(parsed.out) as Family[];
}

function samplesOf(families: Family[], name: string, labels: Record<string, string> = {}) {
  return families
    .flatMap((family) => family.samples)
    .filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value));
}

const PARSER_SETUP_MS = 180_000;

describe('the Prometheus export', () => {
  beforeAll(installParser, PARSER_SETUP_MS);

  describe('MetricsExport.scrape', () => {
    const cluster: ClusterConfig = { name: 'local', bootstrapServers: TEST_BOOTSTRAP, connect: [] };
    const group: GroupMeasure = {
      groupId: 'billing',
      type: 'consumer',
      state: 'Stable',
      lag: 40,
      lagSeconds: 12.5,
      consumeRate: 3,
      catchUpSeconds: null,
      status: 'STALL',
      rule: 'stalled',
      partitions: [
        { topic: 'orders', partition: 2, committedOffset: 60, endOffset: 100, lag: 40, lagSeconds: 12.5, status: 'STALL', rule: 'stalled' },
      ],
    };
    let families: Family[];

    beforeAll(async () => {
      const sample: MetricsSample = {
        cluster: 'local',
        time: Date.UTC(2026, 5, 1),
        topics: [{ topic: 'orders', partitions: 3, recordsPerSecond: 7.5, bytesPerSecond: null, sizeBytes: 1024 }],
        groups: [group],
        underReplicatedPartitions: 2,
        offlinePartitions: 0,
      };
      const exporter = new MetricsExport({ clusters: [cluster], metrics: { latest: () => sample }, connect: { list: async () => [] } });
      families = await parse(await exporter.scrape());
    });

    it("exports each group's lag in records and seconds, by cluster and group", () => {
      expect(samplesOf(families, 'kpc_consumergroup_lag', { cluster: 'local', group: 'billing' })[0]?.value).toBe(40);
      expect(samplesOf(families, 'kpc_consumergroup_lag_seconds', { group: 'billing' })[0]?.value).toBe(12.5);
      expect(samplesOf(families, 'kpc_consumergroup_partition_lag', { group: 'billing', topic: 'orders', partition: '2' })[0]?.value).toBe(
        40,
      );
    });

    it('exports the status as a number and as one labelled series per status', () => {
      expect(samplesOf(families, 'kpc_consumergroup_status_code', { group: 'billing' })[0]?.value).toBe(5);
      expect(samplesOf(families, 'kpc_consumergroup_status', { group: 'billing', status: 'STALL' })[0]?.value).toBe(1);
      expect(samplesOf(families, 'kpc_consumergroup_status', { group: 'billing', status: 'OK' })[0]?.value).toBe(0);
    });

    it('exports rates and under-replicated partitions, leaving out what was not measured', () => {
      expect(samplesOf(families, 'kpc_topic_records_per_second', { topic: 'orders' })[0]?.value).toBe(7.5);
      expect(samplesOf(families, 'kpc_topic_bytes_per_second')).toEqual([]);
      expect(samplesOf(families, 'kpc_cluster_under_replicated_partitions', { cluster: 'local' })[0]?.value).toBe(2);
    });

    it('describes every family as a gauge with help text', () => {
      const ours = families.filter((family) => family.name.startsWith('kpc_'));

      expect(ours.length).toBeGreaterThan(10);
      expect(ours.every((family) => family.type === 'gauge' && family.help.length > 0)).toBeTrue();
    });
  });

  describe('GET /metrics', () => {
    describe('in local mode (no sign-in)', () => {
      const { api, connect } = useTestApi();

      it("answers the text format, with the connectors' and tasks' states from Connect", async () => {
        const source = await connect.source('metrics', ['one']);

        const res = await fetch(`${api.url}/metrics`);

        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toContain('text/plain');
        const families = await parse(await res.text());
        const labels = { cluster: 'local', connect: 'test-connect', connector: source.name };
        expect(samplesOf(families, 'kpc_connector_state', { ...labels, state: 'RUNNING' })[0]?.value).toBe(1);
        expect(samplesOf(families, 'kpc_connector_task_state', { ...labels, task: '0', state: 'RUNNING' })[0]?.value).toBe(1);
        expect(samplesOf(families, 'kpc_connect_up', { connect: 'test-connect' })[0]?.value).toBe(1);
        expect(samplesOf(families, 'kpc_connect_up', { connect: 'down' })[0]?.value).toBe(0);
      });
    });

    describe('with the sampler running', () => {
      const { api, groups } = useTestApi(testClusters, () => ({ metrics: { intervalMs: 1_000, retentionMs: 3_600_000 } }));

      it("answers the sampled groups' lag and status", async () => {
        const topic = await groups.topic('metrics.export', [5]);
        const groupId = await groups.committedGroup('metrics.export', topic, [2]);
        const labels = { cluster: 'local', group: groupId };
        let families: Family[] = [];
        for (let tries = 0; tries < 60 && !samplesOf(families, 'kpc_consumergroup_lag', labels).length; tries++) {
          await new Promise((resolve) => setTimeout(resolve, 500));
          families = await parse(await (await fetch(`${api.url}/metrics`)).text());
        }

        expect(samplesOf(families, 'kpc_consumergroup_lag', labels)[0]?.value).toBe(3);
        expect(samplesOf(families, 'kpc_consumergroup_partition_lag', { ...labels, topic, partition: '0' })[0]?.value).toBe(3);
        expect(samplesOf(families, 'kpc_consumergroup_status', labels).filter((sample) => sample.value === 1).length).toBe(1);
        expect(samplesOf(families, 'kpc_cluster_under_replicated_partitions', { cluster: 'local' })[0]?.value).toBe(0);
      }, 45_000);
    });

    describe('with sign-in configured and no KPC_METRICS_TOKEN', () => {
      const { api } = useTestApi(testClusters, async () => ({ access: await testAccess() }));

      it('is closed, saying how to open it', async () => {
        const res = await fetch(`${api.url}/metrics`);

        expect(res.status).toBe(403);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('METRICS_TOKEN_NOT_CONFIGURED');
      });
    });

    describe('with sign-in configured and KPC_METRICS_TOKEN set', () => {
      const { api } = useTestApi(testClusters, async () => {
        process.env['KPC_METRICS_TOKEN'] = 'spec-scrape-token';
        return { access: await testAccess() };
      });
      afterAll(() => delete process.env['KPC_METRICS_TOKEN']);

      it('answers a scraper with the token', async () => {
        const res = await fetch(`${api.url}/metrics`, { headers: { authorization: 'Bearer spec-scrape-token' } });

        expect(res.status).toBe(200);
        await expectAsync(parse(await res.text())).toBeResolved();
      });

      it('refuses 401 without it, or with another', async () => {
        const none = await fetch(`${api.url}/metrics`);
        const wrong = await fetch(`${api.url}/metrics`, { headers: { authorization: 'Bearer guess' } });

        expect([none.status, wrong.status]).toEqual([401, 401]);
        expect(none.headers.get('www-authenticate')).toContain('Bearer');
        expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('METRICS_TOKEN_INVALID');
      });
    });
  });
});

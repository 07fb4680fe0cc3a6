import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DemoMonolith, lastSequence, type DomainEvent } from './demo-monolith';

const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '');

describe('the demo monolith', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kpc-spec-monolith-'));
    file = join(dir, 'domain_events.jsonl');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('appends JSON lines with a sequence rising by one, keyed by order in id and aggregateId', async () => {
    const monolith = await DemoMonolith.open(file);
    const events = await monolith.append(50);
    await monolith.stop();

    expect(events.map((event) => event.sequence)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const written = lines(file).map((line) => JSON.parse(line) as DomainEvent);
    expect(written).toEqual(events);
    for (const event of written) {
      expect(['OrderPlaced', 'PaymentCaptured', 'OrderShipped']).toContain(event.type);
      expect(event.id).toMatch(/^order-\d+$/);
      expect(event.aggregateId).toBe(event.id);
    }
  });

  it('continues after the last sequence of the file when started again, never reusing one', async () => {
    const first = await DemoMonolith.open(file);
    await first.append(7);
    await first.stop();
    const second = await DemoMonolith.open(file);
    const [next] = await second.append(1);
    await second.stop();

    expect(next!.sequence).toBe(8);
    expect(await lastSequence(file)).toBe(8);
  });

  it('continues after an export seeded before events had a sequence (numeric row ids)', async () => {
    const seeded = Array.from({ length: 40 }, (_, i) =>
      JSON.stringify({ id: 5000 + i, type: 'OrderPlaced', aggregateId: `order-${1000 + i}` }),
    );
    writeFileSync(file, seeded.join('\n') + '\n');
    const monolith = await DemoMonolith.open(file);
    const [next] = await monolith.append(1);
    await monolith.stop();

    expect(next!.sequence).toBe(41);
    expect(lines(file).length).toBe(41);
  });

  it('starts the next event on a line of its own after a line cut short', async () => {
    writeFileSync(file, '{"id":"order-1","sequence":3,"type":"OrderPlaced"}\n{"id":"order-2","seq');
    const monolith = await DemoMonolith.open(file);
    const [next] = await monolith.append(1);
    await monolith.stop();

    expect(next!.sequence).toBe(4);
    expect(JSON.parse(lines(file).at(-1)!)).toEqual(next!);
  });

  it('pays an order a few seconds after placing it, then ships it', async () => {
    // Every order is paid and shipped: random() is never below the abandon thresholds.
    const monolith = await DemoMonolith.open(file, { random: () => 0.5 });
    const start = Date.parse('2026-11-27T10:00:00Z');
    const placed = monolith.nextEvent(start);
    const meanwhile = monolith.nextEvent(start + 100);
    const paid = monolith.nextEvent(start + 10_000);
    const shipped = [monolith.nextEvent(start + 60_000), monolith.nextEvent(start + 60_000)];
    await monolith.stop();

    expect(placed.type).toBe('OrderPlaced');
    expect(meanwhile.type).toBe('OrderPlaced');
    expect(paid).toEqual(jasmine.objectContaining({ type: 'PaymentCaptured', id: placed.id, amount: placed.amount }));
    expect(shipped.map((event) => event.type)).toEqual(['PaymentCaptured', 'OrderShipped']);
    expect(shipped[1]!.id).toBe(placed.id);
  });
});

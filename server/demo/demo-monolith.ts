import { open, readFile, stat, type FileHandle } from 'node:fs/promises';

/** One row of the monolith's `domain_events` table, as its export writes it (one JSON line). */
export interface DomainEvent {
  /** The order the event belongs to (also in `aggregateId`, as the seeded rows have it). */
  id: string;
  /** Unique and rising by one per event, across restarts: what the bridge's consumers dedupe on. */
  sequence: number;
  type: 'OrderPlaced' | 'PaymentCaptured' | 'OrderShipped';
  aggregateId: string;
  occurredAt: string;
  amount?: number;
  currency?: string;
  carrier?: string;
}

export interface MonolithOptions {
  /** Average events per second; default 3. */
  eventsPerSecond?: number;
  /** Default Math.random; a spec passes its own to make the sequence of types predictable. */
  random?: () => number;
}

/** An order waiting for its next event, and from when it may come. */
interface Pending {
  orderId: string;
  amount: number;
  dueAt: number;
}

const CARRIERS = ['DHL', 'UPS', 'PostNL', 'DPD'];
/** Order ids are `order-<100000 + sequence of the OrderPlaced>`: never one the seed used, never reused. */
const ORDER_NUMBER_BASE = 100_000;

/**
 * The demo's monolith: it "commits" orders, payments and shipments to its `domain_events`
 * table, whose export (JSON lines) the FileStreamSource connector publishes. Most orders get
 * paid within seconds and then shipped; some are abandoned, some never ship. The sequence
 * continues from the last line of the file, so a restart never reuses one.
 */
export class DemoMonolith {
  readonly #file: FileHandle;
  readonly #random: () => number;
  readonly #intervalMs: number;
  readonly #awaitingPayment: Pending[] = [];
  readonly #awaitingShipment: Pending[] = [];
  #nextSequence: number;
  #needsNewline: boolean;
  #timer: NodeJS.Timeout | undefined;
  #writing: Promise<void> = Promise.resolve();

  private constructor(file: FileHandle, nextSequence: number, needsNewline: boolean, options: MonolithOptions) {
    this.#file = file;
    this.#nextSequence = nextSequence;
    this.#needsNewline = needsNewline;
    this.#random = options.random ?? Math.random;
    this.#intervalMs = 1000 / (options.eventsPerSecond ?? 3);
  }

  /** Opens the export for appending, after its last sequence. */
  static async open(exportFile: string, options: MonolithOptions = {}): Promise<DemoMonolith> {
    const last = await lastSequence(exportFile);
    const size = await stat(exportFile).then(
      (stats) => stats.size,
      () => 0,
    );
    // A line cut short (the machine stopped mid-write) must not swallow the next event.
    const needsNewline = size > 0 && !(await readTail(exportFile, 1)).endsWith('\n');
    return new DemoMonolith(await open(exportFile, 'a'), last + 1, needsNewline, options);
  }

  /** The sequence the next event gets. */
  get nextSequence(): number {
    return this.#nextSequence;
  }

  /** Appends events at about the configured rate until {@link stop}. */
  start(): void {
    const tick = () => {
      this.#writing = this.#writing
        .then(async () => void (await this.append(1)))
        // A full disk or a removed data dir: the next tick tries again.
        .catch(() => undefined);
      // ±50 % around the average, so the rate chart looks like traffic, not a metronome.
      this.#timer = setTimeout(tick, this.#intervalMs * (0.5 + this.#random()));
    };
    tick();
  }

  /** Stops appending; resolves once the last line is written, and closes the file. */
  async stop(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#writing;
    await this.#file.close();
  }

  /** Writes the next `count` events, each line whole in one write; returns them. */
  async append(count: number): Promise<DomainEvent[]> {
    const events = Array.from({ length: count }, () => this.nextEvent());
    const text = events.map((event) => JSON.stringify(event) + '\n').join('');
    await this.#file.appendFile((this.#needsNewline ? '\n' : '') + text);
    this.#needsNewline = false;
    return events;
  }

  /** The next event of the simulated shop, due follow-ups first. */
  nextEvent(now = Date.now()): DomainEvent {
    const sequence = this.#nextSequence++;
    const occurredAt = new Date(now).toISOString();
    const paymentDue = this.#awaitingPayment[0];
    if (paymentDue && paymentDue.dueAt <= now) {
      this.#awaitingPayment.shift();
      // Most paid orders ship a few seconds later; some stay paid only.
      if (this.#random() < 0.85) this.#awaitingShipment.push({ ...paymentDue, dueAt: now + 3_000 + this.#random() * 12_000 });
      const { orderId, amount } = paymentDue;
      return { id: orderId, sequence, type: 'PaymentCaptured', aggregateId: orderId, occurredAt, amount, currency: 'EUR' };
    }
    const shipmentDue = this.#awaitingShipment[0];
    if (shipmentDue && shipmentDue.dueAt <= now) {
      this.#awaitingShipment.shift();
      const carrier = CARRIERS[Math.floor(this.#random() * CARRIERS.length)]!;
      return { id: shipmentDue.orderId, sequence, type: 'OrderShipped', aggregateId: shipmentDue.orderId, occurredAt, carrier };
    }
    const orderId = `order-${ORDER_NUMBER_BASE + sequence}`;
    const amount = Math.round((5 + this.#random() * 245) * 100) / 100;
    // One order in ten is abandoned before payment; the others are paid within 1-8 s.
    if (this.#random() < 0.9) this.#awaitingPayment.push({ orderId, amount, dueAt: now + 1_000 + this.#random() * 7_000 });
    this.#awaitingPayment.sort((a, b) => a.dueAt - b.dueAt);
    this.#awaitingShipment.sort((a, b) => a.dueAt - b.dueAt);
    return { id: orderId, sequence, type: 'OrderPlaced', aggregateId: orderId, occurredAt, amount, currency: 'EUR' };
  }
}

/**
 * The highest `sequence` in the export, read from its end; for an export seeded before events
 * had one (numeric row ids, no sequence), its number of lines. 0 for a missing or empty file.
 */
export async function lastSequence(exportFile: string): Promise<number> {
  const tail = await readTail(exportFile, 64 * 1024).catch(() => '');
  let highest: number | undefined;
  for (const line of tail.split('\n')) {
    const sequence = sequenceOf(line);
    if (sequence !== undefined) highest = Math.max(highest ?? sequence, sequence);
  }
  if (highest !== undefined) return highest;
  const whole = await readFile(exportFile, 'utf8').catch(() => '');
  return whole.split('\n').filter((line) => line.trim() !== '').length;
}

function sequenceOf(line: string): number | undefined {
  try {
    const sequence = (JSON.parse(line) as { sequence?: unknown }).sequence;
    return typeof sequence === 'number' && Number.isInteger(sequence) ? sequence : undefined;
  } catch {
    // The first line of the tail may be cut; a line cut by a crash is not JSON either.
    return undefined;
  }
}

async function readTail(file: string, bytes: number): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, bytes);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    return buffer.toString('utf8');
  } finally {
    await handle.close();
  }
}

/** The API contract of browsing and producing messages. */
import type { Offset } from '../shared/offset';

/** How the console rendered some bytes, and the text it made of them. */
export interface RenderedBytes {
  /** `json` and `text` are UTF-8; `hex` is for bytes that are not text; `null` is Kafka's null. */
  encoding: 'json' | 'text' | 'hex' | 'null';
  text: string | null;
  sizeBytes: number;
  /**
   * Set when the bytes look like the schema-registry wire format (magic byte 0, then a 4-byte
   * schema id); `text` then renders what follows the 5-byte header.
   */
  schemaId?: number;
}

export interface TopicMessage {
  partition: number;
  offset: Offset;
  /** Epoch milliseconds. */
  timestamp: number;
  key: RenderedBytes;
  value: RenderedBytes;
  headers: { key: string; value: RenderedBytes }[];
}

export type MessageDirection = 'forward' | 'backward';

/** A page of messages, as `GET /topics/:topic/messages` takes it. */
export interface MessageQuery {
  partition?: number;
  offset?: Offset;
  /** Epoch milliseconds. */
  timestamp?: number;
  limit: number;
  direction: MessageDirection;
  /** Exact key. */
  key?: string;
  /** Text anywhere in key, value or headers, any case. */
  contains?: string;
  /** From the previous page's `nextCursor`, to continue where it stopped. */
  cursor?: string;
}

/** Why a page of messages ended where it did. */
export type StopReason = 'limit' | 'end' | 'scan-budget' | 'time-budget';

export interface MessagePage {
  messages: TopicMessage[];
  stoppedBy: StopReason;
  /** Pass back as `cursor` to continue where this page stopped; null at the end. */
  nextCursor: string | null;
  /** Where each partition's scan stands now. */
  positions: { partition: number; offset: Offset }[];
  scanned: { records: number; bytes: number };
}

export interface ProduceRequest {
  key: string | null;
  value: string | null;
  headers?: Record<string, string>;
  /** Omitted: chosen from the key by murmur2, as the Java client's default partitioner does. */
  partition?: number;
}

export interface ProducedMessage {
  partition: number;
  offset: Offset;
}

/**
 * A Kafka offset as the API carries it, in every feature: a JSON number. Kafka's own REST
 * APIs do the same (Kafka Connect's source offsets, KIP-875), and a number is exact up to
 * 2^53 − 1: a partition written at a million records a second reaches that after 285 years.
 * Inside the server offsets stay `bigint`, as the protocol has them, and become numbers only
 * here, at the edge; an offset a client sends that is beyond exact numbers is refused by
 * validation rather than rounded.
 */
export type Offset = number;

/** The largest offset the API accepts or answers with. */
export const MAX_OFFSET = Number.MAX_SAFE_INTEGER;

/** An offset (or a count of records between two offsets) as the API answers it. */
export function toOffset(offset: bigint): Offset {
  return Number(offset);
}

import { murmur2 } from '@platformatic/kafka';

/**
 * The partition the Java client's default partitioner picks for a key: murmur2 of the key
 * bytes, made positive by masking the sign bit (`Utils.toPositive`), modulo the partition
 * count. The Node client's own default takes the unsigned hash instead, which disagrees with
 * Java for about half of all keys; the console must agree with the Java producers it serves.
 * (A pure function of the client package: no I/O.)
 */
export function javaDefaultPartition(keyBytes: Buffer, partitionCount: number): number {
  return (javaMurmur2(keyBytes) & 0x7fffffff) % partitionCount;
}

/** Kafka's `Utils.murmur2`: a signed 32-bit hash of the bytes. */
export function javaMurmur2(bytes: Buffer): number {
  return murmur2(bytes);
}

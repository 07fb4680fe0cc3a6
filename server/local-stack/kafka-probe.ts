import { connect } from 'node:net';

/** What a broker's metadata answer says about the cluster. */
export interface ClusterMetadata {
  /** Brokers registered and unfenced, i.e. able to lead and follow partitions. */
  brokerIds: number[];
  controllerId: number;
}

/**
 * Asks one broker for cluster metadata with a hand-written Metadata v4 request, so readiness
 * needs no Kafka client. A listening port alone proves little: the broker binds it early and
 * only handles requests once it has caught up with the controller.
 * Rejects when the connection fails, closes early or the answer does not arrive in time.
 */
export function fetchClusterMetadata(port: number, timeoutMs = 2000): Promise<ClusterMetadata> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no metadata answer within ${timeoutMs} ms`)));
    socket.once('error', reject);
    socket.once('close', () => reject(new Error('connection closed before a full metadata answer')));
    socket.once('connect', () => socket.write(metadataRequest()));
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      const received = Buffer.concat(chunks);
      if (received.length >= 4 && received.length >= 4 + received.readInt32BE(0)) {
        socket.destroy();
        try {
          resolve(parseMetadataResponse(received.subarray(4, 4 + received.readInt32BE(0))));
        } catch (error) {
          reject(error as Error);
        }
      }
    });
  });
}

// Metadata v4 is the oldest version Kafka 4 still serves (KIP-896) and the newest without
// the flexible (compact, tagged-field) encoding.
const METADATA_API_KEY = 3;
const METADATA_VERSION = 4;
const CLIENT_ID = 'kpc-local-stack';

function metadataRequest(): Buffer {
  const clientId = Buffer.from(CLIENT_ID);
  const body = Buffer.alloc(2 + 2 + 4 + 2 + clientId.length + 4 + 1);
  let offset = body.writeInt16BE(METADATA_API_KEY, 0);
  offset = body.writeInt16BE(METADATA_VERSION, offset);
  offset = body.writeInt32BE(1, offset); // correlation id
  offset = body.writeInt16BE(clientId.length, offset);
  offset += clientId.copy(body, offset);
  offset = body.writeInt32BE(0, offset); // no topics: an empty array, where null means all
  body.writeInt8(0, offset); // allow_auto_topic_creation
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);
  return Buffer.concat([size, body]);
}

function parseMetadataResponse(response: Buffer): ClusterMetadata {
  let offset = 4 + 4; // correlation id, throttle_time_ms
  const brokerCount = response.readInt32BE(offset);
  offset += 4;
  const brokerIds: number[] = [];
  for (let i = 0; i < brokerCount; i++) {
    brokerIds.push(response.readInt32BE(offset));
    offset += 4;
    offset += 2 + response.readInt16BE(offset); // host
    offset += 4; // port
    const rackLength = response.readInt16BE(offset);
    offset += 2 + Math.max(0, rackLength); // rack, -1 when null
  }
  const clusterIdLength = response.readInt16BE(offset);
  offset += 2 + Math.max(0, clusterIdLength);
  return { brokerIds: brokerIds.sort((a, b) => a - b), controllerId: response.readInt32BE(offset) };
}

import { kGetApi, kGetBootstrapConnection, kGetConnection, type Admin, type API, type Connection } from '@platformatic/kafka';

/**
 * The client's low-level protocol calls, for what its high-level API leaves out (internal
 * topics in metadata, session-less fetches, KIP-848 group descriptions). They take callbacks
 * and symbols; these wrap them in promises once, for every gateway.
 */
export function protocolApi<Request extends unknown[], Response>(admin: Admin, name: string): Promise<API<Request, Response>> {
  return new Promise((resolve, reject) => admin[kGetApi]<Request, Response>(name, (error, api) => (error ? reject(error) : resolve(api!))));
}

/** A connection to one broker. */
export function connectionTo(admin: Admin, broker: { host: string; port: number }): Promise<Connection> {
  return new Promise((resolve, reject) =>
    admin[kGetConnection](broker, (error, connection) => (error ? reject(error) : resolve(connection!))),
  );
}

/** A connection to any bootstrap broker. */
export function bootstrapConnection(admin: Admin): Promise<Connection> {
  return new Promise((resolve, reject) =>
    admin[kGetBootstrapConnection]((error, connection) => (error ? reject(error) : resolve(connection!))),
  );
}

/**
 * The response inside a client error that one item's error code caused (say, one partition
 * out of range): the client fails the whole call, but the other items' data is good.
 */
export function partialResponse<Response>(error: unknown): Response | undefined {
  const failure = error as { code?: string; response?: Response };
  return failure.code === 'PLT_KFK_RESPONSE' ? failure.response : undefined;
}

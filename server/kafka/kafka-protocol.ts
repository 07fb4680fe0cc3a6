import { kGetApi, kGetBootstrapConnection, kGetConnection, kListApis, type Admin, type API, type Connection } from '@platformatic/kafka';

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

/** The API keys each client's cluster answers, asked once per client (ApiVersions). */
const brokerApis = new WeakMap<Admin, Promise<Set<number>>>();

/**
 * Whether the cluster answers the API with this key, e.g. 89 (StreamsGroupDescribe, Kafka
 * 4.1+): for the calls the console writes itself, which an older broker would not understand.
 */
export function brokerSupports(admin: Admin, apiKey: number): Promise<boolean> {
  let apis = brokerApis.get(admin);
  if (!apis) {
    apis = new Promise<Set<number>>((resolve, reject) =>
      (admin as unknown as Record<symbol, (callback: (error: Error | null, keys?: { apiKey: number }[]) => void) => void>)[kListApis]!(
        (error, keys) => (error ? reject(error) : resolve(new Set((keys ?? []).map((key) => key.apiKey)))),
      ),
    );
    // A failure is not remembered: the next call asks again.
    apis.catch(() => brokerApis.delete(admin));
    brokerApis.set(admin, apis);
  }
  return apis.then((keys) => keys.has(apiKey));
}

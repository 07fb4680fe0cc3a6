import type { ClusterConfig, ConnectClusterConfig } from '../kafka/clusters-config';
import { AppError } from '../shared/app-error';

/**
 * The connector classes a Connect cluster may run when its config names none: the file
 * connectors read and write any file the worker can, so a console caller could read
 * `/etc/passwd` back through the message browser. Only the embedded demo cluster, which is
 * local and uses them, allows every class by default.
 */
const FILE_CONNECTORS = ['FileStreamSource', 'FileStreamSink', 'org.apache.kafka.connect.file.*'];

/** Whether `className` (a full class name) may be created on this Connect cluster. */
export function isConnectorClassAllowed(cluster: ClusterConfig, connect: ConnectClusterConfig, className: string): boolean {
  const allowed = connect.allowedConnectorClasses;
  if (allowed) return allowed.some((pattern) => matches(pattern, className));
  if (cluster.embedded) return true;
  return !FILE_CONNECTORS.some((pattern) => matches(pattern, className));
}

/** Refuses a class outside the cluster's allow-list, naming it and how to allow it. */
export function requireConnectorClassAllowed(cluster: ClusterConfig, connect: ConnectClusterConfig, className: string): void {
  if (isConnectorClassAllowed(cluster, connect, className)) return;
  throw new AppError(
    'CONNECTOR_CLASS_NOT_ALLOWED',
    `Kafka Connect cluster ${connect.name} does not allow connector class ${className}` +
      (connect.allowedConnectorClasses ? '' : ' (file connectors are refused by default)') +
      `; to allow it, add it to allowedConnectorClasses of ${connect.name} in the console's config`,
  );
}

/**
 * A pattern matches the full class name or its simple name, with or without "Connector"
 * (the names Connect itself accepts); `*` stands for any characters.
 */
function matches(pattern: string, className: string): boolean {
  const regex = new RegExp(`^${pattern.split('*').map(escape).join('.*')}$`);
  const simple = className.split('.').at(-1)!;
  return [className, simple, simple.replace(/Connector$/, '')].some((name) => regex.test(name));
}

function escape(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

// The API contract lives with the server routes; the browser uses the same types.
export type {
  AuditAction,
  AuditIntegrity,
  AuditOutcome,
  AuditPage,
  AuditRecord,
  ConnectorOffset,
  ConnectorOffsetsRecord,
  ConsumerGroupDeleteRecord,
  ConsumerGroupOffsetsRecord,
  TopicPartitionOffset,
  TopicRecord,
} from '../../../server/audit/audit.model';

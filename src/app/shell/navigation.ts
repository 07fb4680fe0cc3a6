/** A section of a cluster, as the side navigation lists it. */
export interface NavigationItem {
  /** Path under `/clusters/:cluster/`. */
  path: string;
  label: string;
  icon: string;
  /** What the section is for, shown while it is not built yet. */
  purpose: string;
}

export const NAVIGATION: readonly NavigationItem[] = [
  { path: 'overview', label: 'Overview', icon: 'dashboard', purpose: 'Brokers and partition health.' },
  { path: 'topics', label: 'Topics', icon: 'topic', purpose: 'Create, configure, purge and browse topics and their messages.' },
  {
    path: 'consumer-groups',
    label: 'Consumer groups',
    icon: 'groups',
    purpose: 'Lag per group, and replay: reset offsets with a preview, an audit trail and undo.',
  },
  {
    path: 'streams',
    label: 'Streams apps',
    icon: 'account_tree',
    purpose: 'Kafka Streams applications: their topology with live rates and lag, tasks, members and state stores.',
  },
  { path: 'connectors', label: 'Connectors', icon: 'cable', purpose: 'Kafka Connect connectors, tasks and source-connector offsets.' },
  {
    path: 'copartition',
    label: 'Co-partition health',
    icon: 'join_inner',
    purpose: 'Joined topics whose keys do not land on the same partitions.',
  },
  {
    path: 'metrics',
    label: 'Metrics',
    icon: 'monitoring',
    purpose: 'What the brokers, Connect workers and Streams apps report on their Prometheus endpoints, charted over time.',
  },
  {
    path: 'alerts',
    label: 'Alerts',
    icon: 'notifications',
    purpose: 'Rules that tell Slack, Teams or any webhook when lag, status, connectors or replication go wrong, and what fired.',
  },
  { path: 'advisor', label: 'Advisor', icon: 'tips_and_updates', purpose: 'Tuning advice drawn from measured data.' },
  { path: 'audit', label: 'Audit log', icon: 'history', purpose: 'Every change made through the console, with undo.' },
];

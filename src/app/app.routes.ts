import type { Routes } from '@angular/router';
import { signedInGuard, signInPageGuard } from './access/access.guards';
import { SIGN_IN_PATH } from './access/sign-in-route';
import { ClusterOverviewPage } from './clusters/cluster-overview-page';
import { firstClusterGuard } from './clusters/first-cluster.guard';
import { NAVIGATION } from './shell/navigation';
import { SectionPlaceholderPage } from './shell/section-placeholder-page';
import { ShellPage } from './shell/shell-page';

const built = ['overview', 'topics', 'consumer-groups', 'streams', 'audit', 'copartition', 'connectors', 'metrics', 'alerts', 'advisor'];
const notBuiltYet = NAVIGATION.filter((item) => !built.includes(item.path)).map((item) => ({
  path: item.path,
  component: SectionPlaceholderPage,
  data: { section: item.path },
  title: `${item.label} · Kafka Pipeline Console`,
}));

export const routes: Routes = [
  {
    path: SIGN_IN_PATH,
    canActivate: [signInPageGuard],
    loadComponent: () => import('./access/sign-in-page').then((m) => m.SignInPage),
    title: 'Sign in · Kafka Pipeline Console',
  },
  // One parent, so the session is known before any child guard asks the API for anything.
  {
    path: '',
    canActivate: [signedInGuard],
    children: [
      { path: '', pathMatch: 'full', canActivate: [firstClusterGuard], children: [] },
      {
        path: 'clusters/:cluster',
        component: ShellPage,
        children: [
          { path: '', pathMatch: 'full', redirectTo: 'overview' },
          { path: 'overview', component: ClusterOverviewPage, title: 'Overview · Kafka Pipeline Console' },
          {
            path: 'consumer-groups',
            loadComponent: () => import('./consumer-groups/consumer-groups-page').then((m) => m.ConsumerGroupsPage),
            title: 'Consumer groups · Kafka Pipeline Console',
          },
          {
            path: 'consumer-groups/:group',
            loadComponent: () => import('./consumer-groups/consumer-group-page').then((m) => m.ConsumerGroupPage),
            title: 'Consumer group · Kafka Pipeline Console',
          },
          {
            path: 'streams',
            loadComponent: () => import('./streams/streams-apps-page').then((m) => m.StreamsAppsPage),
            title: 'Streams apps · Kafka Pipeline Console',
          },
          {
            path: 'streams/:applicationId',
            loadComponent: () => import('./streams/streams-app-page').then((m) => m.StreamsAppPage),
            title: 'Streams app · Kafka Pipeline Console',
          },
          {
            path: 'audit',
            loadComponent: () => import('./audit/audit-page').then((m) => m.AuditPage),
            title: 'Audit log · Kafka Pipeline Console',
          },
          {
            path: 'topics',
            loadComponent: () => import('./topics/topics-page').then((m) => m.TopicsPage),
            title: 'Topics · Kafka Pipeline Console',
          },
          {
            path: 'topics/:topic',
            loadComponent: () => import('./topics/topic-page').then((m) => m.TopicPage),
            title: 'Topic · Kafka Pipeline Console',
          },
          {
            path: 'copartition',
            loadComponent: () => import('./copartition/copartition-page').then((m) => m.CopartitionPage),
            title: 'Co-partition health · Kafka Pipeline Console',
          },
          {
            path: 'connectors',
            loadComponent: () => import('./connectors/connectors-page').then((m) => m.ConnectorsPage),
            title: 'Connectors · Kafka Pipeline Console',
          },
          {
            path: 'connectors/new',
            loadComponent: () => import('./connectors/connector-create-page').then((m) => m.ConnectorCreatePage),
            title: 'New connector · Kafka Pipeline Console',
          },
          {
            path: 'connectors/:connect/:name',
            loadComponent: () => import('./connectors/connector-page').then((m) => m.ConnectorPage),
            title: 'Connector · Kafka Pipeline Console',
          },
          {
            path: 'metrics',
            loadComponent: () => import('./metrics/metrics-page').then((m) => m.MetricsPage),
            title: 'Metrics · Kafka Pipeline Console',
          },
          {
            path: 'alerts',
            loadComponent: () => import('./alerts/alerts-page').then((m) => m.AlertsPage),
            title: 'Alerts · Kafka Pipeline Console',
          },
          {
            path: 'advisor',
            loadComponent: () => import('./advisor/advisor-page').then((m) => m.AdvisorPage),
            title: 'Advisor · Kafka Pipeline Console',
          },
          ...notBuiltYet,
        ],
      },
    ],
  },
  { path: '**', redirectTo: '' },
];

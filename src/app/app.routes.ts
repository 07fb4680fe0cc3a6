import type { Routes } from '@angular/router';
import { ClusterOverviewPage } from './clusters/cluster-overview-page';
import { firstClusterGuard } from './clusters/first-cluster.guard';
import { NAVIGATION } from './shell/navigation';
import { SectionPlaceholderPage } from './shell/section-placeholder-page';
import { ShellPage } from './shell/shell-page';

const notBuiltYet = NAVIGATION.filter((item) => item.path !== 'overview').map((item) => ({
  path: item.path,
  component: SectionPlaceholderPage,
  data: { section: item.path },
  title: `${item.label} · Kafka Pipeline Console`,
}));

export const routes: Routes = [
  { path: '', pathMatch: 'full', canActivate: [firstClusterGuard], children: [] },
  {
    path: 'clusters/:cluster',
    component: ShellPage,
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'overview' },
      { path: 'overview', component: ClusterOverviewPage, title: 'Overview · Kafka Pipeline Console' },
      ...notBuiltYet,
    ],
  },
  { path: '**', redirectTo: '' },
];

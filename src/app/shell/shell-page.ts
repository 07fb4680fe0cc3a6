import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { ActivatedRoute, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { ClustersService } from '../clusters/clusters.service';
import { apiErrorOf } from '../shared/resource-error';
import { ErrorPanel } from '../shared/error-panel';
import { ClusterSwitcher } from './cluster-switcher';
import { NAVIGATION } from './navigation';

/** The frame around every cluster page: toolbar with the cluster switcher, side navigation. */
@Component({
  selector: 'kpc-shell-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ClusterSwitcher,
    ErrorPanel,
    MatIconModule,
    MatListModule,
    MatSidenavModule,
    MatToolbarModule,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
  ],
  templateUrl: './shell-page.html',
  styleUrl: './shell-page.scss',
})
export class ShellPage {
  /** The selected cluster, bound from the route. */
  readonly cluster = input.required<string>();

  private readonly clusters = inject(ClustersService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly navigation = NAVIGATION;
  protected readonly clusterList = rxResource({ stream: () => this.clusters.list() });
  protected readonly clusterSummaries = computed(() => (this.clusterList.hasValue() ? this.clusterList.value() : undefined));
  protected readonly clusterListError = computed(() => apiErrorOf(this.clusterList.error()));

  /** Shows the same section of another cluster. */
  protected switchCluster(cluster: string): void {
    const section = this.route.firstChild?.snapshot.url[0]?.path ?? 'overview';
    void this.router.navigate(['/clusters', cluster, section]);
  }
}

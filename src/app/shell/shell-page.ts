import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { ActivatedRoute, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AccessService } from '../access/access.service';
import { SessionStatus } from '../access/session-status';
import { SIGN_IN_PATH } from '../access/sign-in-route';
import { ClustersService } from '../clusters/clusters.service';
import { changeRunner } from '../shared/change-runner';
import { apiErrorOf } from '../shared/resource-error';
import { ErrorPanel } from '../shared/error-panel';
import { ClusterSwitcher } from './cluster-switcher';
import { NAVIGATION } from './navigation';

/** The frame around every cluster page: toolbar with the cluster switcher and who is signed in, side navigation. */
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
    SessionStatus,
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
  private readonly access = inject(AccessService);

  protected readonly navigation = NAVIGATION;
  protected readonly clusterList = rxResource({ stream: () => this.clusters.list() });
  protected readonly clusterSummaries = computed(() => (this.clusterList.hasValue() ? this.clusterList.value() : undefined));
  protected readonly clusterListError = computed(() => apiErrorOf(this.clusterList.error()));
  protected readonly isOpen = this.access.isOpen;
  protected readonly userName = this.access.userName;
  protected readonly canSignOut = this.access.canSignOut;
  protected readonly signingOut = changeRunner();

  /** Shows the same section of another cluster. */
  protected switchCluster(cluster: string): void {
    const section = this.route.firstChild?.snapshot.url[0]?.path ?? 'overview';
    void this.router.navigate(['/clusters', cluster, section]);
  }

  /** Ends the session and shows the sign-in page. */
  protected signOut(): void {
    this.signingOut.run({
      call: () => this.access.signOut(),
      then: () => void this.router.navigate(['/', SIGN_IN_PATH]),
    });
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { interval } from 'rxjs';
import { ErrorPanel } from '../shared/error-panel';
import { apiErrorOf } from '../shared/resource-error';
import { ConsumerGroupTable, type ConsumerGroupRow } from './consumer-group-table';
import { isLagging, stateTone } from './consumer-group-rules';
import { ConsumerGroupsService } from './consumer-groups.service';

/** How often the list refreshes itself while open. */
const REFRESH_MS = 15_000;

/** `/clusters/:cluster/consumer-groups`: every group with its state and lag. */
@Component({
  selector: 'kpc-consumer-groups-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ConsumerGroupTable,
    ErrorPanel,
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
  ],
  templateUrl: './consumer-groups-page.html',
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    .tools {
      display: flex;
      gap: 12px;
      align-items: center;
    }
    .filter {
      width: 280px;
    }
  `,
})
export class ConsumerGroupsPage {
  /** The cluster name, bound from the route. */
  readonly cluster = input.required<string>();

  private readonly consumerGroups = inject(ConsumerGroupsService);

  protected readonly filter = signal('');
  protected readonly groups = rxResource({
    params: () => this.cluster(),
    stream: ({ params: cluster }) => this.consumerGroups.list(cluster),
  });
  // A resource in error throws from value(): read it only through this.
  private readonly current = computed(() => (this.groups.hasValue() ? this.groups.value() : undefined));
  protected readonly error = computed(() => apiErrorOf(this.groups.error()));
  protected readonly hasGroups = computed(() => this.current() !== undefined);
  protected readonly rows = computed<ConsumerGroupRow[]>(() => {
    const words = this.filter().trim().toLowerCase();
    return (this.current() ?? [])
      .filter((group) => !words || group.groupId.toLowerCase().includes(words) || group.topics.some((t) => t.toLowerCase().includes(words)))
      .map((group) => ({
        ...group,
        tone: stateTone(group.state),
        hasCommitted: group.totalLag !== null,
        isLagging: isLagging(group.totalLag),
        topicsLabel: group.topics.join(', ') || '—',
      }));
  });
  protected readonly summary = computed(() => {
    const groups = this.current() ?? [];
    const lagging = groups.filter((group) => isLagging(group.totalLag)).length;
    return `${groups.length} groups, ${lagging} lagging`;
  });

  constructor() {
    interval(REFRESH_MS)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.refresh());
  }

  /** Reads the groups again. */
  protected refresh(): void {
    this.groups.reload();
  }
}

import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { ConnectorStateChip } from './connector-state-chip';
import type { ConnectorTask, StateTone } from './connector.model';

/** A task with how it reads, decided by the page. */
export interface TaskRow {
  task: ConnectorTask;
  tone: StateTone;
  /** The worker it runs on; a dash while unassigned. */
  workerLabel: string;
  /** The first line of its stack trace, which names the exception; empty when it did not fail. */
  traceHeadline: string;
}

/** The tasks of a connector; a failed one opens its stack trace in a readable panel. */
@Component({
  selector: 'kpc-connector-tasks',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ConnectorStateChip, MatButtonModule, MatExpansionModule, MatIconModule, MatTooltipModule],
  template: `
    @for (row of rows(); track row.task.id) {
      <div class="task" [attr.aria-label]="'Task ' + row.task.id">
        <div class="line">
          <span class="id">Task {{ row.task.id }}</span>
          <kpc-connector-state-chip [state]="row.task.state" [tone]="row.tone" />
          <span class="worker">on {{ row.workerLabel }}</span>
          <span class="spacer"></span>
          <!-- A disabled button takes no pointer events: the reason hangs on what holds it. -->
          <span [matTooltip]="whyNotRestart() ?? ''" [matTooltipDisabled]="!whyNotRestart()">
            <button mat-stroked-button [disabled]="!!whyNotRestart()" (click)="restartTask.emit(row.task.id)">
              <mat-icon>restart_alt</mat-icon> Restart task
            </button>
          </span>
        </div>
        @if (row.task.trace; as trace) {
          <mat-expansion-panel class="trace" [expanded]="true">
            <mat-expansion-panel-header>
              <mat-panel-title>Why it failed</mat-panel-title>
              <mat-panel-description>{{ row.traceHeadline }}</mat-panel-description>
            </mat-expansion-panel-header>
            <pre>{{ trace }}</pre>
          </mat-expansion-panel>
        }
      </div>
    } @empty {
      <p class="muted">No tasks run: a stopped or paused connector, or one still being assigned.</p>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .task {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 8px 12px;
    }
    .line {
      display: flex;
      align-items: center;
      gap: 12px;
    }
    .id {
      font-weight: 500;
      min-width: 56px;
    }
    .worker,
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .spacer {
      flex: 1;
    }
    .trace {
      margin-top: 8px;
      box-shadow: none;
      border: 1px solid var(--mat-sys-error);
    }
    mat-panel-description {
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
      display: block;
    }
    pre {
      margin: 0;
      max-height: 360px;
      overflow: auto;
      font-size: 12px;
      line-height: 1.45;
      white-space: pre;
    }
  `,
})
export class ConnectorTasks {
  readonly rows = input.required<TaskRow[]>();
  /** Why the user may not restart tasks; undefined when they may. */
  readonly whyNotRestart = input<string>();
  readonly restartTask = output<number>();
}

import { ChangeDetectionStrategy, Component, input, model, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { DataAge } from './data-age';

/**
 * The top of a list page: its heading with what the list holds and how fresh it is, a search
 * box, Refresh, and the loading bar. Its parts lay out in the page's own flow.
 */
@Component({
  selector: 'kpc-list-page-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DataAge, FormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule],
  template: `
    <header class="page-header">
      <div>
        <h1>{{ heading() }}</h1>
        @if (summary(); as summary) {
          <p class="subtitle">
            <span [attr.data-testid]="summaryTestId()">{{ summary }}</span>
            <kpc-data-age [asOf]="asOf()" [failure]="updateFailure()" />
          </p>
        }
      </div>
      <div class="tools">
        <mat-form-field class="search" appearance="outline" subscriptSizing="dynamic">
          <mat-icon matPrefix>search</mat-icon>
          <mat-label>{{ searchLabel() }}</mat-label>
          <input matInput [ngModel]="searchText()" (ngModelChange)="searchText.set($event)" autocomplete="off" />
          @if (searchText()) {
            <button matSuffix mat-icon-button aria-label="Clear search" (click)="searchText.set('')"><mat-icon>close</mat-icon></button>
          }
        </mat-form-field>
        <button mat-stroked-button (click)="refresh.emit()"><mat-icon>refresh</mat-icon> Refresh</button>
      </div>
    </header>

    <div class="progress">
      @if (isLoading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading" />
      }
    </div>
  `,
  styles: `
    :host {
      display: contents;
    }
    .tools {
      display: flex;
      gap: 12px;
      align-items: center;
    }
    .search {
      width: 280px;
    }
    .subtitle {
      display: flex;
      align-items: center;
      gap: 16px;
    }
    .progress {
      height: 4px;
    }
  `,
})
export class ListPageHeader {
  readonly heading = input.required<string>();
  /** What the list holds; the line shows once there is something to say. */
  readonly summary = input<string>();
  readonly summaryTestId = input<string>();
  readonly asOf = input<string>();
  readonly updateFailure = input<string>();
  readonly searchLabel = input.required<string>();
  /** What is typed in the search box. */
  readonly searchText = model.required<string>();
  readonly isLoading = input(false);
  /** The operator asks for a fresh read. */
  readonly refresh = output<void>();
}

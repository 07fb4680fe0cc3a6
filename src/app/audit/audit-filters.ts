import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { AUDIT_ACTION_OPTIONS } from './audit-format';
import type { AuditFilter } from './audit.service';

/** An ISO instant as a `datetime-local` input shows it, in the browser's time zone. */
export function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** A `datetime-local` value (the browser's time zone) as an ISO instant; empty stays unset. */
export function fromLocalInput(value: string): string | undefined {
  const date = new Date(value);
  return value && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}

/** The audit page's filter controls: user, action, subject and time range. */
@Component({
  selector: 'kpc-audit-filters',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  template: `
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>User</mat-label>
      <input matInput name="actor" [value]="filter().actor ?? ''" (change)="set('actor', $any($event.target).value)" />
    </mat-form-field>
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>Action</mat-label>
      <mat-select [value]="filter().action ?? ''" (selectionChange)="set('action', $event.value)">
        <mat-option value="">Any action</mat-option>
        @for (option of actions; track option.value) {
          <mat-option [value]="option.value">{{ option.label }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>Subject</mat-label>
      <input matInput name="subject" [value]="filter().subject ?? ''" (change)="set('subject', $any($event.target).value)" />
    </mat-form-field>
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>From</mat-label>
      <input matInput name="from" type="datetime-local" [value]="fromValue()" (change)="setTime('from', $any($event.target).value)" />
    </mat-form-field>
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>To</mat-label>
      <input matInput name="to" type="datetime-local" [value]="toValue()" (change)="setTime('to', $any($event.target).value)" />
    </mat-form-field>
    @if (isFiltered()) {
      <button mat-button (click)="filterChange.emit({})">Clear filters</button>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
    }
    mat-form-field {
      width: 190px;
    }
  `,
})
export class AuditFilters {
  /** The filter now applied. */
  readonly filter = input.required<AuditFilter>();
  /** The filter the operator asks for, whole. */
  readonly filterChange = output<AuditFilter>();

  protected readonly actions = AUDIT_ACTION_OPTIONS;
  protected readonly fromValue = computed(() => toLocalInput(this.filter().from));
  protected readonly toValue = computed(() => toLocalInput(this.filter().to));
  protected readonly isFiltered = computed(() => Object.values(this.filter()).some(Boolean));

  protected set(key: 'actor' | 'action' | 'subject', value: string): void {
    this.filterChange.emit({ ...this.filter(), [key]: value.trim() || undefined });
  }

  protected setTime(key: 'from' | 'to', value: string): void {
    this.filterChange.emit({ ...this.filter(), [key]: fromLocalInput(value) });
  }
}

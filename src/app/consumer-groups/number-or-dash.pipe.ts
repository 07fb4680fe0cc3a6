import { formatNumber } from '@angular/common';
import { inject, LOCALE_ID, Pipe, type PipeTransform } from '@angular/core';

/**
 * An offset or a count as the tables show it: grouped digits as `number` writes them, or a dash
 * where there is none, e.g. a partition the group never committed.
 */
@Pipe({ name: 'numberOrDash' })
export class NumberOrDashPipe implements PipeTransform {
  private readonly locale = inject(LOCALE_ID);

  /** The value with grouped digits, or `—` for null. */
  transform(value: number | null): string {
    return value === null ? '—' : formatNumber(value, this.locale);
  }
}

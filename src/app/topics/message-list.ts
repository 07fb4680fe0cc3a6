import { ClipboardModule } from '@angular/cdk/clipboard';
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { MessageRow } from './topic.model';

/** A message as a line of the list shows it, with what decides the open detail. */
interface MessageLine extends MessageRow {
  isOpen: boolean;
  hasKeySchema: boolean;
  hasValueSchema: boolean;
  hasHeaders: boolean;
}

/** Messages, one dense line each; a line opens to the whole value, its headers and copy buttons. */
@Component({
  selector: 'kpc-message-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ClipboardModule, DatePipe, MatButtonModule, MatIconModule, MatTooltipModule],
  templateUrl: './message-list.html',
  styleUrl: './message-list.scss',
})
export class MessageList {
  readonly messages = input.required<MessageRow[]>();

  protected readonly expanded = signal<ReadonlySet<string>>(new Set());
  protected readonly lines = computed(() =>
    this.messages().map((message): MessageLine => ({
      ...message,
      isOpen: this.expanded().has(message.id),
      hasKeySchema: message.keySchemaId !== undefined,
      hasValueSchema: message.valueSchemaId !== undefined,
      hasHeaders: message.headers.length > 0,
    })),
  );

  protected toggle(id: string): void {
    this.expanded.update((open) => {
      const next = new Set(open);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }
}

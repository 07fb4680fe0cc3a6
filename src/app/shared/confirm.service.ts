import { inject, Injectable } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { map, type Observable } from 'rxjs';
import { ConfirmDialog, type Confirmation } from './confirm-dialog';

/** Asks the operator before an action that changes or destroys something. */
@Injectable({ providedIn: 'root' })
export class ConfirmService {
  private readonly dialog = inject(MatDialog);

  /** Emits true once when confirmed, false when cancelled or dismissed. */
  confirm(confirmation: Confirmation): Observable<boolean> {
    return this.dialog
      .open<ConfirmDialog, Confirmation, boolean>(ConfirmDialog, { data: confirmation, width: '480px' })
      .afterClosed()
      .pipe(map((confirmed) => confirmed === true));
  }
}

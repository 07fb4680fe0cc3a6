import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import type { SignInRequest } from '../../../server/access/access.model';

/** The ways to sign in the server offers: a local user's password, the OpenID provider, or both. */
@Component({
  selector: 'kpc-sign-in-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, ReactiveFormsModule],
  template: `
    @if (error(); as error) {
      <div class="error" role="alert"><mat-icon>error</mat-icon> {{ error }}</div>
    }
    @if (hasLocal()) {
      <form [formGroup]="form" (ngSubmit)="submit()">
        <mat-form-field appearance="outline">
          <mat-label>User name</mat-label>
          <input matInput formControlName="username" autocomplete="username" required />
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Password</mat-label>
          <input matInput type="password" formControlName="password" autocomplete="current-password" required />
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="isBusy()">Sign in</button>
      </form>
    }
    @if (oidcLabel(); as label) {
      @if (hasLocal()) {
        <p class="or">or</p>
      }
      <button mat-stroked-button type="button" [disabled]="isBusy()" (click)="startOidc.emit()">
        <mat-icon>login</mat-icon> Sign in with {{ label }}
      </button>
    }
  `,
  styles: `
    :host,
    form {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .or {
      text-align: center;
      margin: 4px 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 12px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class SignInForm {
  /** Whether local users may sign in here with a password. */
  readonly hasLocal = input(true);
  /** The OpenID provider's name for its button; undefined when none is configured. */
  readonly oidcLabel = input<string>();
  readonly isBusy = input(false);
  /** Why the last sign-in failed, in the server's words. */
  readonly error = input<string>();
  readonly signIn = output<SignInRequest>();
  readonly startOidc = output<void>();

  protected readonly form = new FormGroup({
    username: new FormControl('', { nonNullable: true, validators: Validators.required }),
    password: new FormControl('', { nonNullable: true, validators: Validators.required }),
  });

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.signIn.emit(this.form.getRawValue());
  }
}

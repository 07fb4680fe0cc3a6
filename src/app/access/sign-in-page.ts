import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { Router } from '@angular/router';
import type { SignInRequest } from '../../../server/access/access.model';
import { changeRunner } from '../shared/change-runner';
import { AccessService } from './access.service';
import { SignInForm } from './sign-in-form';
import { safeReturnUrl } from './sign-in-route';

/** `/sign-in?returnUrl=…`: signs the user in, then goes back to where they were headed. */
@Component({
  selector: 'kpc-sign-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCardModule, MatIconModule, SignInForm],
  template: `
    <mat-card appearance="outlined" class="card">
      <mat-card-header>
        <mat-icon mat-card-avatar class="logo">hub</mat-icon>
        <mat-card-title><h1>Sign in</h1></mat-card-title>
        <mat-card-subtitle>Kafka Pipeline Console</mat-card-subtitle>
      </mat-card-header>
      <mat-card-content>
        @if (hasWayToSignIn()) {
          <kpc-sign-in-form
            [hasLocal]="hasLocal()"
            [oidcLabel]="oidcLabel()"
            [isBusy]="signingIn.isBusy()"
            [error]="shownError()"
            (signIn)="signIn($event)"
            (startOidc)="startOidc()" />
        } @else {
          <p role="alert">This console is signed in to through the proxy in front of it. Open it through that proxy.</p>
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    :host {
      display: flex;
      justify-content: center;
      align-items: flex-start;
      min-height: 100vh;
      padding-top: 12vh;
      box-sizing: border-box;
      background: var(--mat-sys-surface-container-low);
    }
    .card {
      width: 380px;
    }
    h1 {
      font: inherit;
      margin: 0;
    }
    .logo {
      color: var(--mat-sys-primary);
      font-size: 40px;
      width: 40px;
      height: 40px;
    }
    mat-card-content {
      padding-top: 16px;
    }
  `,
})
export class SignInPage {
  /** Query parameter: where the user was headed when sign-in was asked for. */
  readonly returnUrl = input<string>();
  /** Query parameter: why a sign-in through the OpenID provider failed, as the server sends the browser back. */
  readonly error = input<string>();

  private readonly access = inject(AccessService);
  private readonly router = inject(Router);
  protected readonly signingIn = changeRunner();

  protected readonly hasLocal = computed(() => this.access.session()?.signIn.local ?? true);
  protected readonly oidcLabel = computed(() => this.access.session()?.signIn.oidc?.label);
  protected readonly hasWayToSignIn = computed(() => this.hasLocal() || !!this.oidcLabel());
  /** The last failure: this page's own sign-in, else the provider's round trip that brought the user here. */
  protected readonly shownError = computed(() => this.signingIn.error()?.message ?? this.error());

  protected signIn({ username, password }: SignInRequest): void {
    this.signingIn.run({
      call: () => this.access.signIn(username, password),
      then: () => void this.router.navigateByUrl(safeReturnUrl(this.returnUrl())),
    });
  }

  protected startOidc(): void {
    this.access.startOidc(safeReturnUrl(this.returnUrl()));
  }
}

import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { inject, provideAppInitializer, provideBrowserGlobalErrorListeners, type ApplicationConfig } from '@angular/core';
import { MatIconRegistry } from '@angular/material/icon';
import { provideRouter, withComponentInputBinding, withRouterConfig } from '@angular/router';
import { accessInterceptor } from './access/access.interceptor';
import { routes } from './app.routes';
import { apiErrorInterceptor } from './shared/api-error.interceptor';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    // The access interceptor comes first, so it sees failures already as ApiErrors.
    provideHttpClient(withInterceptors([accessInterceptor, apiErrorInterceptor])),
    // Child pages read `:cluster` as an input, so the parent's parameters flow down.
    provideRouter(routes, withComponentInputBinding(), withRouterConfig({ paramsInheritanceStrategy: 'always' })),
    // Icons come from the self-hosted Material Symbols font: the console works offline.
    provideAppInitializer(() => {
      inject(MatIconRegistry).setDefaultFontSetClass('material-symbols-outlined');
    }),
  ],
};

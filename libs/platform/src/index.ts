export { bootstrapHttpApp, runApp } from './bootstrap';
export type { HttpAppOptions } from './bootstrap';
export { PlatformModule } from './platform.module';
export type { PlatformOptions } from './platform.module';
export { HttpErrorFilter } from './http-error.filter';
export type { ErrorBody } from './http-error.filter';
export { AdminGuard } from './admin.guard';
export { bearerToken } from './bearer-token';

import { IsString, MinLength } from 'class-validator';
import { NotDevelopmentDefaultInProduction } from './base-environment';

/** One operator token on a developer machine for every app with an admin API; refused in production. */
export const DEVELOPMENT_ADMIN_TOKEN = 'dev-admin-token-change-me-000000';

/** The operator's ADMIN_TOKEN variable: 24+ characters, never the development default in production. */
export const AdminToken = (): PropertyDecorator => (target, key) => {
  IsString()(target, key);
  MinLength(24)(target, key);
  NotDevelopmentDefaultInProduction(DEVELOPMENT_ADMIN_TOKEN)(target, key as string);
};

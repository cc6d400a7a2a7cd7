export { AppConfigModule } from './app-config.module';
export { BaseEnvironment, NotDevelopmentDefaultInProduction, ToBoolean } from './base-environment';
export { declaredVariables, InvalidEnvironmentError, validateEnvironment } from './validate-environment';
export { AdminToken, DEVELOPMENT_ADMIN_TOKEN } from './admin-token';

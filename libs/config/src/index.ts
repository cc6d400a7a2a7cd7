export { AppConfigModule } from './app-config.module';
export { BaseEnvironment, ToBoolean } from './base-environment';
export { declaredVariables, InvalidEnvironmentError, validateEnvironment } from './validate-environment';

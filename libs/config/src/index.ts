export { AppConfigModule } from './app-config.module';
export { BaseEnvironment, ToBoolean } from './base-environment';
export { KAFKA_SASL_MECHANISMS, RequiredInProduction } from './kafka-credentials';
export type { KafkaSaslMechanism } from './kafka-credentials';
export { declaredVariables, InvalidEnvironmentError, validateEnvironment } from './validate-environment';
export {
  DEVELOPMENT_ADMIN_TOKEN,
  DEVELOPMENT_PSEUDONYM_SECRET,
  NeverEchoed,
  PUBLISHED_SECRETS,
  Secret,
  SECRET_MIN_LENGTH,
  secretKindOf,
  secretWeakness,
  UrlWithSecret,
} from './secrets';
export { parseTrustProxy, TrustProxy } from './trust-proxy';
export type { TrustProxySetting } from './trust-proxy';

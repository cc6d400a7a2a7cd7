import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { validateEnvironment } from './validate-environment';

/**
 * Loads and validates the app's environment once at boot: a wrong value stops the app with a
 * message naming the variable. Read it through `ConfigService<YourEnvironment, true>`.
 */
@Module({})
export class AppConfigModule {
  static forRoot(environmentClass: new () => object): DynamicModule {
    return {
      module: AppConfigModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          cache: true,
          validate: (raw) => validateEnvironment(environmentClass, raw),
        }),
      ],
      exports: [ConfigModule],
    };
  }
}

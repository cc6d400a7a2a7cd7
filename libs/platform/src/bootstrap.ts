import 'reflect-metadata';
import { INestApplication, Type, ValidationPipe } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { BaseEnvironment } from '@lib/config';

export interface HttpAppOptions {
  title: string;
  description: string;
  /** Anything app-specific to do before listening (extra middleware, a microservice...). */
  configure?: (app: INestApplication) => void | Promise<void>;
}

/**
 * Starts one of the project's HTTP apps the same way everywhere: pino logger, validation,
 * OpenAPI at /docs, graceful shutdown, then listen on HOST:PORT from the validated config.
 */
export async function bootstrapHttpApp(appModule: Type<unknown>, options: HttpAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create(appModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, transform: true }));

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(options.title).setDescription(options.description).setVersion('1').addBearerAuth().build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });

  await options.configure?.(app);

  const config = app.get<ConfigService<BaseEnvironment, true>>(ConfigService);
  await app.listen(config.get('PORT', { infer: true }), config.get('HOST', { infer: true }));
  return app;
}

/** Runs an app's bootstrap and turns a start-up failure (bad env, dependency down) into one clear line and exit 1. */
export function runApp(start: () => Promise<unknown>): void {
  start().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${message}\n`);
    process.exit(1);
  });
}

import { Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CompiledCatalogue, ContributionEngine, DECLARATIVE_ENGINE } from '@lib/indicators';
import type { AggregatorEnvironment } from '../aggregator.environment';

export const CONTRIBUTION_ENGINE = Symbol('CONTRIBUTION_ENGINE');

/**
 * The catalogue the aggregator counts with: compiled (the default, proven equal to the declarative
 * engine by libs/indicators' differential property test) or the declarative reference itself.
 */
export const contributionEngineProvider: Provider<ContributionEngine> = {
  provide: CONTRIBUTION_ENGINE,
  inject: [ConfigService],
  useFactory: (config: ConfigService<AggregatorEnvironment, true>) =>
    config.get('AGGREGATOR_ENGINE', { infer: true }) === 'declarative' ? DECLARATIVE_ENGINE : new CompiledCatalogue(),
};

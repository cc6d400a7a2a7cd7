import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { RegionDirectory } from '../region-directory';
import { validationLookups } from '../validation-lookups';
import type { Institution } from '../registry.types';
import { InstitutionsRepository } from './institutions.repository';
import { RegionsRepository } from './regions.repository';

const REFRESH_MS = 30_000;

/**
 * The registry held in memory for the hot path (every event checks its institution and regions):
 * loaded at start, refreshed every 30 s and at once after an admin change in this process.
 */
@Injectable()
export class RegistrySnapshot implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RegistrySnapshot.name);
  private directory = new RegionDirectory([], []);
  private institutions = new Map<string, Institution>();
  private currentLookups = validationLookups(this.institutions, this.directory);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly regionsRepository: RegionsRepository,
    private readonly institutionsRepository: InstitutionsRepository,
  ) {}

  async onModuleInit() {
    await this.refresh();
    this.timer = setInterval(() => {
      this.refresh().catch((error: unknown) => this.logger.warn({ err: error }, 'registry refresh failed'));
    }, REFRESH_MS);
    this.timer.unref();
  }

  onApplicationShutdown() {
    clearInterval(this.timer);
  }

  async refresh(): Promise<void> {
    const [regions, superseded, institutions] = await Promise.all([
      this.regionsRepository.all(),
      this.regionsRepository.allSuperseded(),
      this.institutionsRepository.all(),
    ]);
    this.directory = new RegionDirectory(regions, superseded);
    this.institutions = new Map(institutions.map((institution) => [institution.id, institution]));
    this.currentLookups = validationLookups(this.institutions, this.directory);
  }

  get regions(): RegionDirectory {
    return this.directory;
  }

  institution(id: string): Institution | undefined {
    return this.institutions.get(id);
  }

  /** Institutions located in a county (drill-down from a county to its institutions). */
  institutionsIn(county: string): Institution[] {
    return [...this.institutions.values()].filter((institution) => institution.county === county);
  }

  /** Lookups in the shape the event validator takes, over the current snapshot. */
  get lookups(): ReturnType<typeof validationLookups> {
    return this.currentLookups;
  }
}

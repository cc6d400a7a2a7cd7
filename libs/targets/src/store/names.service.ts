import { Injectable } from '@nestjs/common';
import { findIndicator } from '@lib/indicators';
import { RegistrySnapshot } from '@lib/registry-store';
import type { Names } from './alert-message';

/** Chinese names for messages: indicators from the catalogue, regions and institutions from the registry. */
@Injectable()
export class NamesService implements Names {
  constructor(private readonly registry: RegistrySnapshot) {}

  indicator(code: string): { name: string; unit: string } {
    if (code === 'feed_stale') return { name: '数据上报中断', unit: 'count' };
    const def = findIndicator(code);
    return def ? { name: def.name, unit: def.unit } : { name: code, unit: 'ratio' };
  }

  region(code: string): string {
    return this.registry.regions.get(code)?.name ?? this.registry.institution(code)?.name ?? code;
  }
}

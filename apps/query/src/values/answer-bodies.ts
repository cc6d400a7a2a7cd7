import type { RankedRow, Series, ValueRow } from './indicator-values.service';
import type { SeriesRequest, ValuesRequest } from './read-request';
import type { RankingResponseDto, SeriesResponseDto, ValuesResponseDto } from './value-row.dto';

/**
 * The JSON answers of `/values`, `/ranking` and `/series`, made from a normalised request and its rows.
 * ValuesController and cachedAnswersFirst both send these, so a cached answer sent before Nest is the
 * controller's answer by construction. They depend only on the request's cache key (the indicator is
 * the definition's own code, period and dims normalised), which lets a cached answer's bytes be made once.
 */
export function valuesAnswer(asked: ValuesRequest, values: ValueRow[]): ValuesResponseDto {
  return { indicator: asked.def.code, period: asked.period, dims: asked.dims || undefined, values };
}

export function rankingAnswer(asked: ValuesRequest, ranking: RankedRow[]): RankingResponseDto {
  return { indicator: asked.def.code, period: asked.period, dims: asked.dims || undefined, ranking };
}

export function seriesAnswer(asked: SeriesRequest, series: Series): SeriesResponseDto {
  return { indicator: asked.def.code, dims: asked.dims || undefined, ...series };
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { EVENT_TYPES, type EventType } from '@lib/contracts';

/** The farthest back an import may reach, whoever authorises it (the bound of EVENT_MAX_AGE_DAYS too). */
export const MAX_IMPORT_AGE_DAYS = 3650;

/** The query of POST /v1/admin/imports: which import, what the operator authorises, where in the file the body starts. */
export class ImportUploadQueryDto {
  @ApiPropertyOptional({
    description: 'The import this upload belongs to; a resumed upload sends the id of the one it resumes. A new one is made when absent.',
    example: '3f2a8c1e-6b1d-4f57-9a43-1b2c3d4e5f60',
  })
  @IsOptional()
  @IsUUID()
  importId?: string;

  @ApiProperty({
    description: 'Who authorised loading this history (name, office, reference of the decision); kept with the import',
    example: '汉阴县卫健局 张三, 2026-11-30 通知',
  })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  authorisedBy: string;

  @ApiPropertyOptional({
    description:
      'How far back occurredAt may lie, in days (the import’s horizon; older events are rejected `too_old`). Defaults to the live door’s EVENT_MAX_AGE_DAYS.',
    minimum: 1,
    maximum: MAX_IMPORT_AGE_DAYS,
    example: 1200,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_IMPORT_AGE_DAYS)
  maxAgeDays?: number;

  @ApiPropertyOptional({ description: 'The event family of a CSV body (its template); required for text/csv', enum: EVENT_TYPES })
  @IsOptional()
  @IsIn(EVENT_TYPES)
  family?: EventType;

  @ApiPropertyOptional({
    description:
      'Number of the body’s first data row, when the body resumes a file (NDJSON: its line number; CSV: its spreadsheet row, the header being row 1)',
    minimum: 1,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  firstRow?: number;

  @ApiPropertyOptional({
    description: 'Read at most this many rows, then answer `end` with `complete: false` (the CLI sends a large file in such parts)',
    minimum: 1,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  maxRows?: number;

  @ApiPropertyOptional({ description: 'The file’s name, for people reading the import’s record', example: 'hanyin-visits-2024.csv' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  fileName?: string;
}

export class ImportRecordDto {
  @ApiProperty() id: string;
  @ApiProperty() authorisedBy: string;
  @ApiProperty() maxAgeDays: number;
  @ApiProperty({ enum: ['ndjson', 'csv'] }) format: string;
  @ApiProperty({ nullable: true, type: String }) family: string | null;
  @ApiProperty({ nullable: true, type: String }) fileName: string | null;
  @ApiProperty() startedAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ description: 'The row after the furthest one made durable' }) nextRow: number;
  @ApiProperty({ description: 'Rows read over all uploads (rows sent again after an interruption count again)' }) rowsRead: number;
  @ApiProperty() accepted: number;
  @ApiProperty() duplicate: number;
  @ApiProperty() rejected: number;
}

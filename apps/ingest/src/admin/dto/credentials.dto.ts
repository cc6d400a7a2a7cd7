import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { IssuedApiKey, IssuedBureauToken } from '@lib/registry';
import { MAX_ITEMS_PER_REQUEST } from '../admin-limits';

export class ApiKeyRequestDto {
  @ApiProperty({ example: '610921-THC-001' })
  @IsString()
  @MaxLength(64)
  institutionId: string;

  @ApiPropertyOptional({ description: 'Who holds the key, for people reading the table', example: 'HIS vendor, 2024 contract' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  label?: string;
}

export class IssuedApiKeyDto implements IssuedApiKey {
  @ApiProperty({ description: 'Key id, for revocation', example: '7d0f0b9e-3a52-4c36-9d0b-4c7bb2d6d9a1' })
  id: string;

  @ApiProperty({ example: '610921-THC-001' })
  institutionId: string;

  @ApiProperty({ description: 'Shown once; only its SHA-256 is stored', example: 'hik_q3J9yX0…' })
  key: string;
}

export class BureauTokenRequestDto {
  @ApiProperty({ description: 'Region whose subtree the token may read (a superseded code is mapped)', example: '610900' })
  @Matches(/^\d{6}$/, { message: 'region must be a 6-digit GB/T 2260 code' })
  region: string;

  @ApiPropertyOptional({ example: '安康市卫健委 dashboard' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  label?: string;
}

export class IssuedBureauTokenDto implements IssuedBureauToken {
  @ApiProperty({ example: '0b6d1c52-98f6-4d0e-8d3c-2f2b8b1f4a77' })
  id: string;

  @ApiProperty({ example: '610900' })
  region: string;

  @ApiProperty({ description: 'Shown once; only its SHA-256 is stored', example: 'hbt_Zk1r…' })
  token: string;
}

/** Secrets to check (e.g. a saved credentials file) without issuing new ones. */
export class VerifyCredentialsDto {
  @ApiPropertyOptional({ type: [String], example: ['hik_q3J9yX0…'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ITEMS_PER_REQUEST)
  @IsString({ each: true })
  apiKeys?: string[];

  @ApiPropertyOptional({ type: [String], example: ['hbt_Zk1r…'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ITEMS_PER_REQUEST)
  @IsString({ each: true })
  bureauTokens?: string[];
}

export class VerifiedCredentialsDto {
  @ApiProperty({
    description: 'Per key, in order: its institution, or null when unknown or revoked',
    type: 'array',
    items: { type: 'string', nullable: true },
    example: ['610921-THC-001', null],
  })
  apiKeys: (string | null)[];

  @ApiProperty({
    description: 'Per key, in order: its id (`hi-key-id` of signed raw-topic messages), or null when unknown or revoked',
    type: 'array',
    items: { type: 'string', nullable: true },
    example: ['7d0f0b9e-3a52-4c36-9d0b-4c7bb2d6d9a1', null],
  })
  apiKeyIds: (string | null)[];

  @ApiProperty({
    description: 'Per token, in order: its region, or null when unknown or revoked',
    type: 'array',
    items: { type: 'string', nullable: true },
    example: ['610900', null],
  })
  bureauTokens: (string | null)[];
}

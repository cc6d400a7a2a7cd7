import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ItemProblemDto {
  @ApiProperty({ description: 'Index of the item in the posted list (0 for a single object)', example: 3 })
  index: number;

  @ApiProperty({ example: 'county' })
  path: string;

  @ApiProperty({ example: 'unknown_region' })
  code: string;

  @ApiProperty({ example: 'unknown region "619999"' })
  message: string;
}

/** The one shape of every admin error. */
export class ErrorBodyDto {
  @ApiProperty({ example: 422 })
  statusCode: number;

  @ApiProperty({
    description:
      'invalid_request · too_many_items · invalid_admin_token · institution_not_found · api_key_not_found · bureau_token_not_found · institution_inactive · invalid_registration · unknown_region · api_keys_refused · internal_error',
    example: 'invalid_registration',
  })
  code: string;

  @ApiProperty({ example: '1 institution rejected; nothing was registered' })
  message: string;

  @ApiPropertyOptional({ type: [ItemProblemDto] })
  errors?: ItemProblemDto[];

  @ApiPropertyOptional({ description: 'The request id in the logs; quote it when reporting an error' })
  correlationId?: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { CALENDAR_DAY_KINDS } from '@lib/periods';

export class CalendarDayDto {
  @ApiProperty({ example: '2026-02-14' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' })
  date: string;

  @ApiProperty({
    enum: CALENDAR_DAY_KINDS,
    description: 'holiday: off whatever the weekday (法定节假日, bridged weekdays); workday: a Saturday or Sunday worked (调休)',
  })
  @IsIn(CALENDAR_DAY_KINDS)
  kind: 'holiday' | 'workday';

  @ApiProperty({ example: '春节', description: 'The holiday the day belongs to (a make-up day: the one it pays for)' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name: string;
}

/** A year as the State Council's notice sets it: every day that departs from Monday–Friday. */
export class CalendarYearDto {
  @ApiProperty({ enum: ['official', 'provisional'], description: 'official: as the notice sets it; provisional: known before it (statutory days only)' })
  @IsIn(['official', 'provisional'])
  status: 'official' | 'provisional';

  @ApiProperty({ example: '国务院办公厅关于2027年部分节假日安排的通知 https://www.gov.cn/…' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  source: string;

  @ApiProperty({ type: [CalendarDayDto] })
  @IsArray()
  @ArrayMaxSize(366)
  @ValidateNested({ each: true })
  @Type(() => CalendarDayDto)
  days: CalendarDayDto[];
}

/** A loaded year, as the admin routes answer it. */
export class CalendarYearSummaryDto {
  @ApiProperty({ example: 2026 })
  year: number;

  @ApiProperty({ enum: ['official', 'provisional'] })
  status: 'official' | 'provisional';

  @ApiProperty({ example: '国务院办公厅关于2026年部分节假日安排的通知 https://www.gov.cn/…' })
  source: string;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;

  @ApiProperty({ example: 24, description: 'Days off (法定节假日 and bridged weekdays)' })
  holidays: number;

  @ApiProperty({ example: 6, description: 'Weekend days worked (调休)' })
  workdays: number;
}

/** A loaded year with its days. */
export class CalendarYearDaysDto extends CalendarYearSummaryDto {
  @ApiProperty({ type: [CalendarDayDto] })
  days: CalendarDayDto[];
}

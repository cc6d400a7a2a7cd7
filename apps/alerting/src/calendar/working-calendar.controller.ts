import { Body, Get, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { AdminController } from '../auth/admin-controller.decorator';
import { CalendarYearDaysDto, CalendarYearDto, CalendarYearSummaryDto } from './working-calendar.dto';
import { WorkingCalendarService } from './working-calendar.service';

/**
 * The working calendar (法定节假日 and 调休) that working-hours rules use. Operators load each year when
 * the State Council publishes its notice (usually in November for the next year).
 */
@AdminController('v1/working-calendar', 'working calendar')
export class WorkingCalendarController {
  constructor(private readonly calendar: WorkingCalendarService) {}

  @Get()
  @ApiOperation({ summary: 'Years loaded, with their status (official | provisional), source and counts of days' })
  @ApiOkResponse({ type: [CalendarYearSummaryDto] })
  years() {
    return this.calendar.years();
  }

  @Get(':year')
  @ApiOperation({ summary: 'The holidays and make-up working days of a year' })
  @ApiOkResponse({ type: CalendarYearDaysDto })
  year(@Param('year', ParseIntPipe) year: number) {
    return this.calendar.year(year);
  }

  @Put(':year')
  @ApiOperation({ summary: "Replace a year's holidays and make-up working days (all or nothing)" })
  @ApiOkResponse({ type: CalendarYearDaysDto, description: 'The year as stored' })
  replace(@Param('year', ParseIntPipe) year: number, @Body() body: CalendarYearDto) {
    return this.calendar.replaceYear(year, body);
  }
}

import { Body, Get, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { AdminController } from '../auth/admin-controller.decorator';
import { CalendarYearDto } from './working-calendar.dto';
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
  years() {
    return this.calendar.years();
  }

  @Get(':year')
  @ApiOperation({ summary: 'The holidays and make-up working days of a year' })
  year(@Param('year', ParseIntPipe) year: number) {
    return this.calendar.year(year);
  }

  @Put(':year')
  @ApiOperation({ summary: "Replace a year's holidays and make-up working days (all or nothing)" })
  replace(@Param('year', ParseIntPipe) year: number, @Body() body: CalendarYearDto) {
    return this.calendar.replaceYear(year, body);
  }
}

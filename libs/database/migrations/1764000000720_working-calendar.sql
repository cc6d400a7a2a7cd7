-- Up Migration

-- The working calendar (工作日历): which days depart from the weekly rule in CST. Working-hours rules
-- (a silent feed, escalation after working days) read it; operators load each year when the State
-- Council's notice is published (PUT /v1/working-calendar/{year} on the alerting app, or its CLI
-- `calendar-import`). A year that is not here follows the weekly rule alone.
CREATE TABLE working_calendar_years (
  year        integer     PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  -- official: as the notice sets it; provisional: what is known before it (the statutory days alone)
  status      text        NOT NULL CHECK (status IN ('official', 'provisional')),
  source      text        NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- holiday: off whatever the weekday (法定节假日 and the weekdays bridged to it);
-- workday: a Saturday or Sunday worked in exchange (调休).
CREATE TABLE working_calendar_days (
  day   date    PRIMARY KEY,
  year  integer NOT NULL REFERENCES working_calendar_years (year) ON DELETE CASCADE,
  kind  text    NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name  text    NOT NULL,
  CHECK (EXTRACT(YEAR FROM day) = year)
);

INSERT INTO working_calendar_years (year, status, source) VALUES
  (2026, 'official', '国务院办公厅关于2026年部分节假日安排的通知 (2025-11, https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm)'),
  (2027, 'provisional', '全国年节及纪念日放假办法 (2024年修订): the statutory days only. The 2027 notice (补休, 调休) was not known when this was shipped: load it when published.');

INSERT INTO working_calendar_days (day, year, kind, name) VALUES
  ('2026-01-01', 2026, 'holiday', '元旦'),
  ('2026-01-02', 2026, 'holiday', '元旦'),
  ('2026-01-03', 2026, 'holiday', '元旦'),
  ('2026-01-04', 2026, 'workday', '元旦'),
  ('2026-02-14', 2026, 'workday', '春节'),
  ('2026-02-15', 2026, 'holiday', '春节'),
  ('2026-02-16', 2026, 'holiday', '春节'),
  ('2026-02-17', 2026, 'holiday', '春节'),
  ('2026-02-18', 2026, 'holiday', '春节'),
  ('2026-02-19', 2026, 'holiday', '春节'),
  ('2026-02-20', 2026, 'holiday', '春节'),
  ('2026-02-21', 2026, 'holiday', '春节'),
  ('2026-02-22', 2026, 'holiday', '春节'),
  ('2026-02-23', 2026, 'holiday', '春节'),
  ('2026-02-28', 2026, 'workday', '春节'),
  ('2026-04-04', 2026, 'holiday', '清明节'),
  ('2026-04-05', 2026, 'holiday', '清明节'),
  ('2026-04-06', 2026, 'holiday', '清明节'),
  ('2026-05-01', 2026, 'holiday', '劳动节'),
  ('2026-05-02', 2026, 'holiday', '劳动节'),
  ('2026-05-03', 2026, 'holiday', '劳动节'),
  ('2026-05-04', 2026, 'holiday', '劳动节'),
  ('2026-05-05', 2026, 'holiday', '劳动节'),
  ('2026-05-09', 2026, 'workday', '劳动节'),
  ('2026-06-19', 2026, 'holiday', '端午节'),
  ('2026-06-20', 2026, 'holiday', '端午节'),
  ('2026-06-21', 2026, 'holiday', '端午节'),
  ('2026-09-20', 2026, 'workday', '国庆节'),
  ('2026-09-25', 2026, 'holiday', '中秋节'),
  ('2026-09-26', 2026, 'holiday', '中秋节'),
  ('2026-09-27', 2026, 'holiday', '中秋节'),
  ('2026-10-01', 2026, 'holiday', '国庆节'),
  ('2026-10-02', 2026, 'holiday', '国庆节'),
  ('2026-10-03', 2026, 'holiday', '国庆节'),
  ('2026-10-04', 2026, 'holiday', '国庆节'),
  ('2026-10-05', 2026, 'holiday', '国庆节'),
  ('2026-10-06', 2026, 'holiday', '国庆节'),
  ('2026-10-07', 2026, 'holiday', '国庆节'),
  ('2026-10-10', 2026, 'workday', '国庆节'),
  ('2027-01-01', 2027, 'holiday', '元旦'),
  ('2027-02-06', 2027, 'holiday', '春节'),
  ('2027-02-07', 2027, 'holiday', '春节'),
  ('2027-02-08', 2027, 'holiday', '春节'),
  ('2027-02-09', 2027, 'holiday', '春节'),
  ('2027-04-05', 2027, 'holiday', '清明节'),
  ('2027-05-01', 2027, 'holiday', '劳动节'),
  ('2027-05-02', 2027, 'holiday', '劳动节'),
  ('2027-06-09', 2027, 'holiday', '端午节'),
  ('2027-09-15', 2027, 'holiday', '中秋节'),
  ('2027-10-01', 2027, 'holiday', '国庆节'),
  ('2027-10-02', 2027, 'holiday', '国庆节'),
  ('2027-10-03', 2027, 'holiday', '国庆节');

-- Down Migration
DROP TABLE working_calendar_days;
DROP TABLE working_calendar_years;

// Expands an iCalendar file the way Thunderbird and FullCalendar do (ical.js), trusting only the
// file's own VTIMEZONEs. Usage: node expand.mjs START END < feed.ics, dates as YYYY-MM-DD.
// Prints a JSON list of {summary, start, end, all_day, cancelled}; times in UTC.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const [start, end] = process.argv.slice(2).map((day) => ICAL.Time.fromDateString(day));
const calendar = new ICAL.Component(ICAL.parse(readFileSync(0, "utf8")));
for (const zone of calendar.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(zone);
}

const masters = new Map();
const exceptions = [];
for (const component of calendar.getAllSubcomponents("vevent")) {
  const event = new ICAL.Event(component);
  if (event.isRecurrenceException()) exceptions.push(event);
  else masters.set(event.uid, event);
}
for (const exception of exceptions) masters.get(exception.uid)?.relateException(exception);

const out = (time) => (time.isDate ? time.toString() : time.toUnixTime());
const rows = [];
for (const event of masters.values()) {
  const iterator = event.iterator();
  for (let next = iterator.next(); next && next.compare(end) < 0; next = iterator.next()) {
    const details = event.getOccurrenceDetails(next);
    if (details.endDate.compare(start) <= 0) continue;
    rows.push({
      summary: details.item.summary,
      start: out(details.startDate),
      end: out(details.endDate),
      all_day: details.startDate.isDate,
      cancelled: details.item.component.getFirstPropertyValue("status") === "CANCELLED",
    });
  }
}
process.stdout.write(JSON.stringify(rows));

// Reads an .ics file with Mozilla's ical.js (Thunderbird's parser) and prints
// {uid: [startUTC, endUTC, status]} as JSON, times as ISO 8601 UTC.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const root = new ICAL.Component(ICAL.parse(readFileSync(process.argv[2], "utf8")));
for (const vtz of root.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(vtz);
}
const out = {};
for (const vevent of root.getAllSubcomponents("vevent")) {
  const event = new ICAL.Event(vevent);
  out[event.uid] = [event.startDate.toJSDate().toISOString(), event.endDate.toJSDate().toISOString(),
                    vevent.getFirstPropertyValue("status")];
}
process.stdout.write(JSON.stringify(out));

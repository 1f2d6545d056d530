// Reads .ics files with Mozilla's ical.js (Thunderbird's parser), all in one process as a
// long-running client would, and prints {file: {uid: [startUTC, endUTC, status]}} as JSON,
// times as ISO 8601 UTC, plus {file: {tzid: location}} under "__locations__".
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const out = {};
const locations = {};
for (const path of process.argv.slice(2)) {
  const root = new ICAL.Component(ICAL.parse(readFileSync(path, "utf8")));
  locations[path] = {};
  for (const vtz of root.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(vtz);
    const zone = new ICAL.Timezone(vtz);
    locations[path][zone.tzid] = zone.location || null;
  }
  const events = {};
  for (const vevent of root.getAllSubcomponents("vevent")) {
    const event = new ICAL.Event(vevent);
    events[event.uid] = [event.startDate.toJSDate().toISOString(), event.endDate.toJSDate().toISOString(),
                         vevent.getFirstPropertyValue("status")];
  }
  out[path] = events;
}
out["__locations__"] = locations;
process.stdout.write(JSON.stringify(out));

"""Settings of apps.events, with their defaults; code reads them only through the functions below.

| setting | default | meaning |
|---|---|---|
| `BYGD_EVENT_HORIZON_MONTHS` | `18` | how many months ahead never-ending repeats are stored; `manage.py extend_occurrences` (run daily) moves the horizon forward |
| `BYGD_EVENT_FEED_MONTHS` | `12` | how far ahead `/calendar.ics` without `end` looks for series to include (each series is then written whole, with its rule); at most the stored horizon sees |
| `BYGD_EVENT_GRID_LIMIT` | `1500` | most dates a month or week grid lists in full; above it each day shows its first `BYGD_EVENT_GRID_DAY_ITEMS` and "+ N more" linking to the day view, which pages by this many |
| `BYGD_EVENT_GRID_DAY_ITEMS` | `10` | how many dates a crowded grid shows per day before "+ N more" |
| `BYGD_EVENT_FEED_MAX_SERIES` | `2000` | most series one answer of `/calendar.ics` holds; more are on following pages (`?page=2`, announced by a `Link: rel="next"` header and the calendar's description) |
"""

from apps.core.app_settings import Setting, whole_number

horizon_months = Setting("BYGD_EVENT_HORIZON_MONTHS", 18, whole_number(1))
feed_months = Setting("BYGD_EVENT_FEED_MONTHS", 12, whole_number(1))
grid_limit = Setting("BYGD_EVENT_GRID_LIMIT", 1500, whole_number(1))
grid_day_items = Setting("BYGD_EVENT_GRID_DAY_ITEMS", 10, whole_number(1))
feed_max_series = Setting("BYGD_EVENT_FEED_MAX_SERIES", 2000, whole_number(1))

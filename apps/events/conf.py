"""Settings of apps.events, with their defaults; code reads them only through the functions below.

| setting | default | meaning |
|---|---|---|
| `BYGD_EVENT_HORIZON_MONTHS` | `18` | how many months ahead never-ending repeats are stored; `manage.py extend_occurrences` (run daily) moves the horizon forward |
| `BYGD_EVENT_FEED_MONTHS` | `12` | how far ahead `/calendar.ics` without `end` looks for series to include (each series is then written whole, with its rule); at most the stored horizon sees |
"""

from apps.core.app_settings import Setting, whole_number

horizon_months = Setting("BYGD_EVENT_HORIZON_MONTHS", 18, whole_number(1))
feed_months = Setting("BYGD_EVENT_FEED_MONTHS", 12, whole_number(1))

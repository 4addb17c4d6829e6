"""Settings of apps.events, with their defaults; code reads them only through the functions below.

| setting | default | meaning |
|---|---|---|
| `BYGD_EVENT_HORIZON_MONTHS` | `18` | how many months ahead never-ending repeats are stored; `manage.py extend_occurrences` (run daily) moves the horizon forward |
"""

from apps.core.app_settings import Setting, whole_number

horizon_months = Setting("BYGD_EVENT_HORIZON_MONTHS", 18, whole_number(1))

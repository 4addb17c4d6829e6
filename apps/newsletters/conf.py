"""Settings of apps.newsletters, with their defaults; code reads them only through the functions
below.

| setting | default | meaning |
|---|---|---|
| `BYGD_NEWSLETTER_REQUESTS_PER_HOUR` | `10` | signup and data requests per client address and hour before 429 |
| `BYGD_NEWSLETTER_BATCH_SIZE` | `100` | e-mails sent over one mail-server connection when sending an issue |
"""

from apps.core.app_settings import Setting, whole_number

requests_per_hour = Setting("BYGD_NEWSLETTER_REQUESTS_PER_HOUR", 10, whole_number(1))
batch_size = Setting("BYGD_NEWSLETTER_BATCH_SIZE", 100, whole_number(1))

"""Settings of apps.newsletters, with their defaults; code reads them only through the functions
below.

| setting | default | meaning |
|---|---|---|
| `BYGD_TRUSTED_PROXIES` | `0` | reverse proxies in front of the site; the client address for rate limits is taken from `X-Forwarded-For` behind exactly this many (0: the connection's address). The portal and funding calls count clients the same way |
| `BYGD_NEWSLETTER_REQUESTS_PER_HOUR` | `10` | signup and data requests per client address and hour before 429 |
| `BYGD_NEWSLETTER_BATCH_SIZE` | `100` | e-mails sent over one mail-server connection when sending an issue |
"""

from apps.core.app_settings import Setting, whole_number

trusted_proxies = Setting("BYGD_TRUSTED_PROXIES", 0, whole_number(0))
requests_per_hour = Setting("BYGD_NEWSLETTER_REQUESTS_PER_HOUR", 10, whole_number(1))
batch_size = Setting("BYGD_NEWSLETTER_BATCH_SIZE", 100, whole_number(1))

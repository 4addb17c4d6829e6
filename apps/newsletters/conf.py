"""Settings of apps.newsletters, with their defaults; code reads them only through the functions
below.

| setting | default | meaning |
|---|---|---|
| `BYGD_NEWSLETTER_REQUESTS_PER_HOUR` | `10` | signup and data requests per client address and hour before 429 |
| `BYGD_NEWSLETTER_BATCH_SIZE` | `100` | deliveries one run claims at a time when sending an issue (all over one mail-server connection) |
| `BYGD_NEWSLETTER_MAX_ATTEMPTS` | `8` | tries per recipient before a temporary failure (4xx answer, dropped connection, crash) counts as failed |
| `BYGD_NEWSLETTER_RETRY_DELAY` | `300` | seconds before the first retry of a temporary failure; each further retry waits twice as long |
| `BYGD_NEWSLETTER_MAX_RETRY_DELAY` | `21600` | the longest wait between two tries, in seconds (6 hours) |
| `BYGD_NEWSLETTER_RECORD_EVERY` | `1` | accepted messages recorded as sent in one database write (at least once a second); a sender killed in between sends up to this many again on its next run, so more is faster but risks more duplicates |
| `BYGD_NEWSLETTER_CLAIM_TIMEOUT` | `900` | seconds after which a delivery claimed by a run that never reported back (the worker was killed) is tried again |

With the defaults a recipient whose server keeps answering 4xx is tried for about 11 hours
(5, 10, 20 … 320 minutes apart) before the delivery is marked failed; an editor can retry failed
deliveries from the newsletter's send screen.
"""

from apps.core.app_settings import Setting, whole_number

requests_per_hour = Setting("BYGD_NEWSLETTER_REQUESTS_PER_HOUR", 10, whole_number(1))
batch_size = Setting("BYGD_NEWSLETTER_BATCH_SIZE", 100, whole_number(1))
max_attempts = Setting("BYGD_NEWSLETTER_MAX_ATTEMPTS", 8, whole_number(1))
retry_delay = Setting("BYGD_NEWSLETTER_RETRY_DELAY", 300, whole_number(0))
max_retry_delay = Setting("BYGD_NEWSLETTER_MAX_RETRY_DELAY", 6 * 3600, whole_number(0))
record_every = Setting("BYGD_NEWSLETTER_RECORD_EVERY", 1, whole_number(1))
claim_timeout = Setting("BYGD_NEWSLETTER_CLAIM_TIMEOUT", 900, whole_number(1))

"""Settings of apps.harvest, with their defaults; code reads them only through the functions
below.

| setting | default | meaning |
|---|---|---|
| `BYGD_HARVEST_TIMEOUT` | `20` | seconds one request to a source may take before the run of that source is given up (nothing of it applied) |
| `BYGD_HARVEST_PAGE_SIZE` | `100` | items asked for per page of a source's API (its maximum is 100) |
| `BYGD_HARVEST_OVERLAP` | `300` | seconds a run asks for before the start of the previous one, so that clocks that differ a little lose nothing (changes seen twice are recognised and skipped) |
| `BYGD_HARVEST_USER_AGENT` | `Bygd harvester` | the User-Agent header of every request |
| `BYGD_HARVEST_ALLOW_PRIVATE_ADDRESSES` | `False` | let sources (and their redirects and `next` links) be on loopback, private-network, link-local and other non-public addresses (tests, intranets); off, so an editor's source cannot make the server probe its own network |
"""

from apps.core.app_settings import Setting, true_or_false, whole_number

timeout = Setting("BYGD_HARVEST_TIMEOUT", 20, whole_number(1))
page_size = Setting("BYGD_HARVEST_PAGE_SIZE", 100, whole_number(1))
overlap = Setting("BYGD_HARVEST_OVERLAP", 300, whole_number(0))
user_agent = Setting("BYGD_HARVEST_USER_AGENT", "Bygd harvester")
allow_private_addresses = Setting("BYGD_HARVEST_ALLOW_PRIVATE_ADDRESSES", False, true_or_false)

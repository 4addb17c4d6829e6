"""StreamField blocks of network pages: the shared blocks plus a newsletter signup, so a network
can offer its own lists where it likes on its page."""

from apps.core.blocks import BaseStreamBlock
from apps.newsletters.blocks import NewsletterSignupBlock


class NetworkStreamBlock(BaseStreamBlock):
    newsletter_signup = NewsletterSignupBlock()

"""Sign-up, e-mail verification, login, logout and password reset. Every POST that takes an
e-mail address is rate-limited per client address and per address (logins by their failures,
in apps.core.logins); every response that could
tell whether an address is registered is the same for both cases."""

from django.contrib.auth import views as auth_views
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from apps.core import logins
from apps.core.base_template import BaseTemplateViewMixin, render
from apps.portal import tokens
from apps.portal.accounts import sign_up, verify
from apps.portal.forms import (
    LoginForm,
    OrganiserPasswordResetForm,
    SignupForm,
    normalise_email,
)
from apps.portal.models import OrganiserAccount
from apps.portal.permissions import account_for
from apps.portal.ratelimit import RateLimited, check_attempt

TEMPLATE_DIR = "portal/"


def page(request, template, context=None, status=200):
    return render(request, TEMPLATE_DIR + template, context or {}, status=status)


def rate_limited(request, error):
    response = page(request, "rate_limited.html", status=429)
    response["Retry-After"] = str(error.retry_after)
    return response


def limited(action, field):
    """Count POSTs to a view against the ``action`` budgets before the view runs."""

    def decorate(view):
        def wrapper(request, *args, **kwargs):
            if request.method == "POST":
                try:
                    check_attempt(request, action, normalise_email(request.POST.get(field)))
                except RateLimited as error:
                    return rate_limited(request, error)
            return view(request, *args, **kwargs)

        return wrapper

    return decorate


def login_limited(view):
    """Failed logins are limited by apps.core.logins for every login view; here a refused
    attempt gets the 429 page, which says to wait, instead of the wrong-password error."""

    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        retry_after = logins.refused(request)
        if retry_after:
            return rate_limited(request, RateLimited(retry_after=retry_after))
        return response

    return wrapper


@never_cache
@sensitive_post_parameters("password1", "password2")
@limited("signup", "email")
def signup_view(request):
    if account_for(request.user) is not None:
        return redirect("portal:home")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        sign_up(form.cleaned_data)
        return redirect("portal:signup_done")
    return page(request, "signup.html", {"form": form}, status=400 if form.errors else 200)


def signup_done_view(request):
    return page(request, "signup_done.html")


@never_cache
def verify_view(request, token):
    """A GET only shows a button: mail scanners follow links, people press buttons."""
    try:
        pk, nonce = tokens.read_token(tokens.VERIFY, token)
        account = OrganiserAccount.objects.select_related("user").get(pk=pk, verify_nonce=nonce)
    except (tokens.InvalidToken, OrganiserAccount.DoesNotExist):
        return page(request, "invalid_link.html", status=400)
    if request.method == "POST":
        verify(account)
        return page(request, "verified.html", {"account": account})
    return page(request, "verify.html")


# Django's account views, rendering in the base template Bygd's pages use.
class LoginView(BaseTemplateViewMixin, auth_views.LoginView):
    pass


class PasswordResetView(BaseTemplateViewMixin, auth_views.PasswordResetView):
    pass


class PasswordResetDoneView(BaseTemplateViewMixin, auth_views.PasswordResetDoneView):
    pass


class PasswordResetConfirmView(BaseTemplateViewMixin, auth_views.PasswordResetConfirmView):
    pass


class PasswordResetCompleteView(BaseTemplateViewMixin, auth_views.PasswordResetCompleteView):
    pass


login_view = never_cache(
    login_limited(
        LoginView.as_view(
            form_class=LoginForm,
            template_name=TEMPLATE_DIR + "login.html",
            next_page=reverse_lazy("portal:home"),
            redirect_authenticated_user=False,
        )
    )
)

logout_view = auth_views.LogoutView.as_view(next_page=reverse_lazy("portal:login"))

password_reset_view = never_cache(
    limited("reset", "email")(
        PasswordResetView.as_view(
            form_class=OrganiserPasswordResetForm,
            template_name=TEMPLATE_DIR + "password_reset.html",
            email_template_name=TEMPLATE_DIR + "email/password_reset.txt",
            subject_template_name=TEMPLATE_DIR + "email/password_reset_subject.txt",
            success_url=reverse_lazy("portal:password_reset_done"),
        )
    )
)
password_reset_done_view = PasswordResetDoneView.as_view(
    template_name=TEMPLATE_DIR + "password_reset_done.html"
)
password_reset_confirm_view = PasswordResetConfirmView.as_view(
    template_name=TEMPLATE_DIR + "password_reset_confirm.html",
    success_url=reverse_lazy("portal:password_reset_complete"),
)
password_reset_complete_view = PasswordResetCompleteView.as_view(
    template_name=TEMPLATE_DIR + "password_reset_complete.html"
)

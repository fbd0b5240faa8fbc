"""Second factor for the Wagtail admin: an authenticator app (TOTP) plus one-time recovery codes.

Built on django-otp. Wagtail's own login stays; RequireAdminTwoFactorMiddleware (core.security)
sends a password-only session here until it has proven the second factor.
"""

import io

from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django_otp import devices_for_user, match_token
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.qr import write_qrcode_image

RECOVERY_CODE_COUNT = 10
TOTP_NAME = "Authenticator-App"
RECOVERY_NAME = "Wiederherstellungscodes"


def has_confirmed_device(user) -> bool:
    return any(True for _ in devices_for_user(user, confirmed=True))


class TokenForm(forms.Form):
    token = forms.CharField(
        label="Code",
        max_length=16,
        help_text="Der sechsstellige Code aus Ihrer Authenticator-App oder ein Wiederherstellungscode.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def clean_token(self):
        return self.cleaned_data["token"].replace(" ", "").strip()


def _safe_next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


@never_cache
@login_required(login_url="wagtailadmin_login")
def setup(request):
    """Pair an authenticator app; on success hand out recovery codes once."""
    if has_confirmed_device(request.user):
        return redirect("two_factor_verify")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=TOTP_NAME, confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save()
            codes = _new_recovery_codes(request.user)
            otp_login(request, device)
            return render(request, "security/2fa_recovery_codes.html", {"codes": codes, "next": _safe_next(request)})
        form.add_error(
            "token", "Der Code stimmt nicht. Prüfen Sie die Uhrzeit Ihres Telefons und versuchen Sie es noch einmal."
        )
    buffer = io.BytesIO()
    write_qrcode_image(device.config_url, buffer)
    svg = buffer.getvalue().decode()
    svg = svg[svg.index("<svg"):]  # drop the XML declaration so the SVG can sit inside HTML
    return render(
        request,
        "security/2fa_setup.html",
        {"form": form, "qr_svg": svg, "secret": _base32(device), "next": request.GET.get("next", "")},
    )


@never_cache
@login_required(login_url="wagtailadmin_login")
def verify(request):
    if not has_confirmed_device(request.user):
        return redirect("two_factor_setup")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(_safe_next(request))
        form.add_error("token", "Der Code stimmt nicht oder ist abgelaufen.")
    return render(request, "security/2fa_verify.html", {"form": form, "next": request.GET.get("next", "")})


def _new_recovery_codes(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def _base32(device) -> str:
    from base64 import b32encode

    raw = b32encode(device.bin_key).decode()
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


urlpatterns = [
    path("einrichten/", setup, name="two_factor_setup"),
    path("pruefen/", verify, name="two_factor_verify"),
]

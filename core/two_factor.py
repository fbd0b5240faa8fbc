"""Second factor for the Wagtail admin: an authenticator app (TOTP) plus one-time recovery codes.

Built on django-otp. Wagtail's own login stays; RequireAdminTwoFactorMiddleware (core.security)
sends a password-only session here until it has proven the second factor.
"""

import base64
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

RECOVERY_CODE_COUNT = 10
TOTP_NAME = "Authenticator-App"
RECOVERY_NAME = "Wiederherstellungscodes"
# QR image: pixels per module and the quiet zone around it (four modules, as the standard asks).
QR_BOX_SIZE = 6
QR_BORDER = 4
WAIT_HINT = "Nach einem falschen Code warten Sie bitte einige Sekunden, bevor Sie den nächsten eingeben."
WRONG_CODE = "Der Code stimmt nicht. Prüfen Sie die Uhrzeit Ihres Telefons und versuchen Sie es noch einmal."


def qr_png_data_uri(data: str) -> str:
    """The otpauth URL as a PNG data URI: an <img> every browser draws (the SVG of django-otp uses
    `svg:` prefixed elements, which browsers do not draw inside HTML, so the code was blank)."""
    import qrcode

    code = qrcode.QRCode(box_size=QR_BOX_SIZE, border=QR_BORDER)
    code.add_data(data)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image(fill_color="black", back_color="white").save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def wait_message(device) -> str:
    """Why a correct code is refused right after a wrong one: django-otp doubles the wait after each
    failure; say so, and say for how long."""
    allowed, info = device.verify_is_allowed()
    if allowed or not info or not info.get("locked_until"):
        return ""
    from django.utils import timezone

    seconds = max(1, int((info["locked_until"] - timezone.now()).total_seconds()) + 1)
    return (
        f"Nach einem falschen Code nimmt die Anmeldung für kurze Zeit keinen Code an (Schutz vor Ausprobieren). "
        f"Bitte warten Sie noch {seconds} Sekunden und geben Sie dann den aktuellen Code ein."
    )


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
        wait = wait_message(device)
        if wait:
            form.add_error("token", wait)
        elif device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save()
            codes = _new_recovery_codes(request.user)
            otp_login(request, device)
            return render(request, "security/2fa_recovery_codes.html", {"codes": codes, "next": _safe_next(request)})
        else:
            form.add_error("token", WRONG_CODE + " " + WAIT_HINT)
    return render(
        request,
        "security/2fa_setup.html",
        {
            "form": form,
            "qr_src": qr_png_data_uri(device.config_url),
            "secret": _base32(device),
            "next": request.GET.get("next", ""),
        },
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
        form.add_error("token", "Der Code stimmt nicht oder ist abgelaufen. " + WAIT_HINT)
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


def second_factor_state(user) -> str:
    """What a site administrator needs to know about a colleague's second factor, in plain words."""
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        left = StaticToken.objects.filter(device__user=user).count()
        return f"eingerichtet ({left} Wiederherstellungscodes übrig)"
    if TOTPDevice.objects.filter(user=user, confirmed=False).exists():
        return "Einrichtung begonnen, noch nicht bestätigt"
    return "nicht eingerichtet"


def reset_second_factor(user) -> int:
    return TOTPDevice.objects.filter(user=user).delete()[0] + StaticDevice.objects.filter(user=user).delete()[0]


@never_cache
def manage_accounts(request):
    """Admin view for site administrators (permission auth.change_user): every account's 2FA state and a
    reset for a colleague who lost phone and recovery codes (the same as `manage.py reset_2fa`)."""
    from django.contrib import messages
    from django.contrib.auth import get_user_model
    from django.core.exceptions import PermissionDenied
    from django.shortcuts import get_object_or_404

    if not request.user.has_perm("auth.change_user"):
        raise PermissionDenied
    users = get_user_model().objects.filter(is_active=True).order_by("username")
    if request.method == "POST":
        user = get_object_or_404(users, pk=request.POST.get("user"))
        reset_second_factor(user)
        messages.success(
            request,
            f"Der zweite Faktor von {user.get_username()} ist zurückgesetzt. "
            "Bei der nächsten Anmeldung richtet das Konto ihn neu ein.",
        )
        return redirect("two_factor_accounts")
    rows = [(user, second_factor_state(user)) for user in users]
    return render(request, "security/2fa_accounts.html", {"rows": rows})

"""Admin access as an attacker tries it: password guessing, spoofed proxy headers, missing second factor,
weak passwords and open redirects."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.security import client_ip

PASSWORD = "Ein-langes-Passwort-2026"
LOGIN = "/admin/login/"


def attempt(client, username="chefin", password="falsch-falsch-falsch", **headers):  # noqa: S107
    return client.post(LOGIN, {"username": username, "password": password}, **headers)


def test_axes_is_configured_for_a_few_failures():
    from django.conf import settings

    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert 3 <= settings.AXES_FAILURE_LIMIT <= 10
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"], "ip_address"]


@pytest.mark.django_db
def test_account_locks_after_five_failures_even_for_the_right_password(client, superuser, home_page):
    for _ in range(4):
        assert attempt(client).status_code == 200  # the login form again, with an error
    locked = attempt(client)
    assert locked.status_code == 429
    assert "Anmeldung vorübergehend gesperrt" in locked.content.decode()
    assert locked["Retry-After"] == "3600"
    # The correct password does not help while locked, and no session is created.
    assert attempt(client, password=PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_spoofed_forwarded_for_does_not_reset_the_counter(client, superuser, home_page):
    for n in range(5):
        attempt(client, username=f"rate-{n}", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
    # Same client, new fake address and a fresh username: still locked, because the header is not trusted.
    response = attempt(client, username="chefin", password=PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert response.status_code == 429


@pytest.mark.django_db
def test_account_lock_holds_for_that_address_only(client, superuser, home_page):
    # Per account and client (tests/security/test_proxy_settings.py): the guesser stays locked out.
    for _ in range(5):
        attempt(client, REMOTE_ADDR="192.0.2.1")
    assert attempt(client, password=PASSWORD, REMOTE_ADDR="192.0.2.1").status_code == 429


@pytest.mark.django_db
def test_successful_login_before_the_limit_works(client, superuser, home_page):
    for _ in range(2):
        attempt(client)
    response = attempt(client, password=PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(superuser.pk)


def test_forwarded_for_is_trusted_only_as_far_as_configured(rf):
    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.5", REMOTE_ADDR="10.0.0.2")
    with override_settings(TRUSTED_PROXY_COUNT=0):
        assert client_ip(request) == "10.0.0.2"
    with override_settings(TRUSTED_PROXY_COUNT=1):
        # The client prepended 6.6.6.6; our one proxy appended the real address.
        assert client_ip(request) == "203.0.113.5"
    garbage = rf.get("/", HTTP_X_FORWARDED_FOR="not-an-ip", REMOTE_ADDR="10.0.0.2")
    with override_settings(TRUSTED_PROXY_COUNT=1):
        assert client_ip(garbage) == "10.0.0.2"


@pytest.mark.parametrize(
    "password",
    ["kurz-2026", "123456789012345", "password1234", "chefin-chefin-chefin"],
)
def test_weak_passwords_are_rejected(password, django_user_model):
    user = django_user_model(username="chefin-chefin-chefin", email="chefin@example.org")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_a_long_uncommon_password_is_accepted(django_user_model):
    user = django_user_model(username="chefin", email="chefin@example.org")
    validate_password("Brücke-Laterne-Wolke-42", user)


# --- two-factor authentication ---------------------------------------------------------------------

ADMIN_URLS = [
    "/admin/",
    "/admin/pages/",
    "/admin/users/",
    "/admin/account/",
    "/admin/snippets/",
    "/admin/api/main/pages/",
]


@pytest.fixture
def password_only_client(client, superuser, home_page):
    response = attempt(client, password=PASSWORD)
    assert response.status_code == 302
    return client


@pytest.mark.django_db
@override_settings(REQUIRE_ADMIN_2FA=True)
def test_password_only_session_is_sent_to_2fa_setup(password_only_client):
    for url in ADMIN_URLS:
        response = password_only_client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == "/admin/2fa/einrichten/", url
    assert password_only_client.post("/admin/pages/2/delete/").status_code == 302


@pytest.mark.django_db
@override_settings(REQUIRE_ADMIN_2FA=True)
def test_the_2fa_pages_get_their_icons_and_translations(password_only_client):
    """icons.js puts whatever /admin/sprite/ answers into the page: a redirect to the setup page doubled
    the setup form on the setup page itself."""
    sprite = password_only_client.get("/admin/sprite/")
    assert sprite.status_code == 200
    assert b"<symbol id=\"icon-" in sprite.content and b"<form" not in sprite.content
    assert password_only_client.get("/admin/jsi18n/").status_code == 200


@pytest.mark.django_db
def test_the_userbar_on_public_pages_waits_for_the_second_factor(password_only_client):
    """The userbar links into the admin; a password alone must not show it (issue 17, item 5)."""
    with override_settings(REQUIRE_ADMIN_2FA=True):
        assert "wagtail-userbar" not in password_only_client.get("/").content.decode()
    with override_settings(REQUIRE_ADMIN_2FA=False):
        assert "wagtail-userbar" in password_only_client.get("/").content.decode()


@pytest.mark.django_db
@override_settings(REQUIRE_ADMIN_2FA=False)
def test_without_the_requirement_a_password_is_enough(password_only_client):
    assert password_only_client.get("/admin/").status_code == 200


def test_requirement_is_off_by_default_outside_production():
    from django.conf import settings

    assert settings.REQUIRE_ADMIN_2FA is False


@pytest.mark.django_db
@override_settings(REQUIRE_ADMIN_2FA=True)
def test_setup_with_authenticator_app_then_recovery_code_login(password_only_client, client, superuser):
    page = password_only_client.get("/admin/2fa/einrichten/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'src="data:image/png;base64,' in html and "Schlüssel" in html
    device = TOTPDevice.objects.get(user=superuser, confirmed=False)

    wrong_code = str((totp(device.bin_key) + 1) % 10**6).zfill(6)
    wrong = password_only_client.post("/admin/2fa/einrichten/", {"token": wrong_code})
    assert wrong.status_code == 200
    assert "Der Code stimmt nicht" in wrong.content.decode()
    device.refresh_from_db()
    device.throttle_reset()  # django-otp slows down guessing: a second later the right code works

    done = password_only_client.post("/admin/2fa/einrichten/", {"token": str(totp(device.bin_key)).zfill(6)})
    assert done.status_code == 200
    codes = list(StaticToken.objects.filter(device__user=superuser).values_list("token", flat=True))
    assert len(codes) == 10 and all(code in done.content.decode() for code in codes)
    assert password_only_client.get("/admin/").status_code == 200

    # A new session: password alone leads to the code prompt, not to setup.
    password_only_client.logout()
    assert attempt(client, password=PASSWORD).status_code == 302
    assert client.get("/admin/pages/")["Location"] == "/admin/2fa/pruefen/"
    assert client.get("/admin/2fa/einrichten/")["Location"] == "/admin/2fa/pruefen/"  # no second device by stealth
    response = client.post("/admin/2fa/pruefen/", {"token": codes[0], "next": "/admin/pages/"})
    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200

    # Each recovery code works once.
    client.logout()
    attempt(client, password=PASSWORD)
    reused = client.post("/admin/2fa/pruefen/", {"token": codes[0]})
    assert reused.status_code == 200
    assert client.get("/admin/")["Location"] == "/admin/2fa/pruefen/"


# --- open redirects --------------------------------------------------------------------------------

EVIL = ["https://evil.example/", "//evil.example/", "/\\evil.example", "https:evil.example", "javascript:alert(1)"]


def assert_stays_on_site(response):
    location = response.get("Location", "")
    assert response.status_code in {200, 302}
    assert "evil.example" not in location and not location.startswith("javascript:")
    assert location.startswith("/") and not location.startswith(("//", "/\\"))


@pytest.mark.django_db
@pytest.mark.parametrize("target", EVIL)
def test_login_next_stays_on_site(client, superuser, home_page, target):
    response = client.post(f"{LOGIN}?next={target}", {"username": "chefin", "password": PASSWORD, "next": target})
    assert response.status_code == 302
    assert_stays_on_site(response)


@pytest.mark.django_db
@pytest.mark.parametrize("target", EVIL)
def test_logout_next_stays_on_site(superuser_client, target):
    response = superuser_client.post(f"/admin/logout/?next={target}", {"next": target})
    assert_stays_on_site(response)


@pytest.mark.django_db
@override_settings(REQUIRE_ADMIN_2FA=True)
@pytest.mark.parametrize("target", EVIL)
def test_2fa_next_stays_on_site(password_only_client, superuser, target):
    device = TOTPDevice.objects.create(user=superuser, name="App", confirmed=True)
    response = password_only_client.post(
        f"/admin/2fa/pruefen/?next={target}", {"token": str(totp(device.bin_key)).zfill(6), "next": target}
    )
    assert response.status_code == 302
    assert_stays_on_site(response)


@pytest.mark.django_db
@override_settings(REQUIRE_ADMIN_2FA=True)
def test_reset_2fa_command_sends_the_user_back_to_setup(password_only_client, superuser):
    from django.core.management import call_command

    TOTPDevice.objects.create(user=superuser, name="App", confirmed=True)
    assert password_only_client.get("/admin/")["Location"] == "/admin/2fa/pruefen/"
    call_command("reset_2fa", "chefin", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not TOTPDevice.objects.filter(user=superuser).exists()
    assert password_only_client.get("/admin/")["Location"] == "/admin/2fa/einrichten/"
    assert password_only_client.get("/admin/jsi18n/").status_code == 200  # the 2FA pages need it


@pytest.mark.django_db
def test_only_user_managers_see_and_reset_second_factors(client, django_user_model, home_page):
    from django.contrib.auth.models import Permission

    editor = django_user_model.objects.create_user("redakteur", "r@example.org", PASSWORD)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    colleague = django_user_model.objects.create_user("kollegin", "k@example.org", PASSWORD)
    TOTPDevice.objects.create(user=colleague, name="Authenticator-App", confirmed=True)
    # Wagtail answers a refused admin view with a redirect to the dashboard and a message.
    response = client.get("/admin/zweiter-faktor/")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    client.post("/admin/zweiter-faktor/", {"user": colleague.pk})
    assert TOTPDevice.objects.filter(user=colleague).exists()

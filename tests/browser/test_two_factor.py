"""In Chromium, with 2FA required: a new administrator scans the QR code (decoded here and compared with
the otpauth URL), sees a German message after a wrong code that explains the wait, and signs in; a site
administrator then sees the colleague's state and resets it in the admin."""

import base64
import io

import pytest
from django.test import override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Ein-langes-Passwort-2026"


def qr_modules(png: bytes, box: int, border: int) -> list[list[bool]]:
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("L")
    size = image.width // box - 2 * border
    return [
        [image.getpixel(((border + x) * box + box // 2, (border + y) * box + box // 2)) < 128 for x in range(size)]
        for y in range(size)
    ]


@override_settings(REQUIRE_ADMIN_2FA=True)
def test_setup_from_qr_code_to_first_login_and_reset_by_a_site_admin(home_page, browser_page, django_user_model):
    import qrcode

    from core.two_factor import QR_BORDER, QR_BOX_SIZE

    user = django_user_model.objects.create_superuser("chefin", "chefin@example.org", PASSWORD)
    page = browser_page.page
    browser_page.goto("/admin/login/")
    page.fill("#id_username", "chefin")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/2fa/einrichten/**")

    assert page.locator("#id_token").count() == 1  # one form, not a second one inside the icon sprite
    image = page.locator(".two-factor-qr img")
    assert image.evaluate("img => img.complete && img.naturalWidth > 100")  # drawn, not blank
    src = image.get_attribute("src")
    assert src.startswith("data:image/png;base64,")
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    expected = qrcode.QRCode(border=0)
    expected.add_data(device.config_url)
    expected.make(fit=True)
    assert qr_modules(base64.b64decode(src.split(",", 1)[1]), QR_BOX_SIZE, QR_BORDER) == expected.get_matrix()
    assert "secret=" in device.config_url

    page.fill("#id_token", str((totp(device.bin_key) + 1) % 10**6).zfill(6))
    page.click("form.login-form button[type=submit]")
    page.wait_for_selector("#two-factor-error", state="visible")
    alert = page.locator("#two-factor-error")
    assert "Der Code stimmt nicht" in alert.inner_text()
    assert "warten" in alert.inner_text()

    device.refresh_from_db()
    device.throttle_reset()
    page.fill("#id_token", str(totp(device.bin_key)).zfill(6))
    page.click("form.login-form button[type=submit]")
    page.wait_for_selector("text=Wiederherstellungscodes")
    browser_page.goto("/admin/")
    assert "/admin/2fa/" not in page.url

    colleague = django_user_model.objects.create_user("kollege", "k@example.org", PASSWORD)
    TOTPDevice.objects.create(user=colleague, name="Authenticator-App", confirmed=True)
    browser_page.goto("/admin/zweiter-faktor/")
    row = page.locator("tr", has_text="kollege")
    assert "eingerichtet" in row.locator("[data-two-factor-state]").inner_text()
    row.locator("button[type=submit]").click()
    page.wait_for_selector("text=ist zurückgesetzt")
    assert page.locator("tr", has_text="kollege").locator("[data-two-factor-state]").inner_text() == (
        "nicht eingerichtet"
    )
    assert not TOTPDevice.objects.filter(user=colleague).exists()

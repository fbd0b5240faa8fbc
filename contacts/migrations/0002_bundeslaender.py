from django.db import migrations

from contacts.bundeslaender import BUNDESLAENDER


def create_bundeslaender(apps, schema_editor):
    Bundesland = apps.get_model("contacts", "Bundesland")
    for key, iso_code, name, slug in BUNDESLAENDER:
        Bundesland.objects.update_or_create(key=key, defaults={"iso_code": iso_code, "name": name, "slug": slug})


class Migration(migrations.Migration):
    dependencies = [("contacts", "0001_initial")]

    operations = [migrations.RunPython(create_bundeslaender, migrations.RunPython.noop)]

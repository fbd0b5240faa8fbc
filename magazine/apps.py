from django.apps import AppConfig


class MagazineConfig(AppConfig):
    name = "magazine"
    verbose_name = "Magazin"

    def ready(self):
        from magazine import signals

        signals.connect()

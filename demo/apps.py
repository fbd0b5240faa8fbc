from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The German demo content and its commands. May import every app; no app imports it."""

    name = "demo"
    verbose_name = "Demo-Inhalte"

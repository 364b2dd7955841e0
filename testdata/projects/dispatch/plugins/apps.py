from django.apps import AppConfig


class PluginsConfig(AppConfig):
    name = "plugins"

    def ready(self):
        from .engines import ClaudeEngine, Formatter, GptEngine, engines, formatters

        engines.register(GptEngine())
        engines.register(ClaudeEngine())
        formatters.register(Formatter())

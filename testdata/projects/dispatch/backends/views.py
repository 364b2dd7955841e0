from django.conf import settings
from django.db import models
from django.utils.module_loading import import_string

from backends.providers import BACKENDS, Backend, EchoBackend, task_types


def by_name(request, name):
    return BACKENDS[name]().complete(request.POST)  # want: LK102


def configured(request):
    return import_string(settings.AI_BACKEND)().complete(request.POST)  # want: LK102


def spellcheck(request):
    # Silent: the configured class calls no model.
    return import_string(settings.SPELLCHECK_BACKEND)().complete(request.POST)


def task(request, name):
    return task_types.get(name).run(request.POST)  # want: LK102


def _shorten(text):
    return EchoBackend().complete(text)


def _expand(text):
    return BACKENDS["chat"]().complete(f"Expand: {text}")


def edit(request):
    handlers = {"shorten": _shorten, "expand": _expand}
    handler = handlers[request.POST.get("mode", "shorten")]
    return handler(request.POST)  # want: LK102


class Edit(models.Model):
    class Mode(models.TextChoices):
        SHORT = "shorten"
        LONG = "expand"

    mode = models.CharField(max_length=10, choices=Mode.choices)


def edit_by_mode(request):
    # Keys that are names, not literals: each value is still a candidate.
    handlers = {Edit.Mode.SHORT: _shorten, Edit.Mode.LONG: _expand}
    return handlers[Edit.Mode(request.POST["mode"])](request.POST)  # want: LK102


def shorten_by_mode(request):
    # Silent: the only candidate sends nothing to a model.
    handlers = {Edit.Mode.SHORT: _shorten, Edit.Mode.LONG: _shorten}
    return handlers[Edit.Mode(request.POST["mode"])](request.POST)


def shorten_only(request):
    # Silent: every candidate of this table is the echo backend.
    handlers = {"shorten": _shorten, "again": _shorten}
    return handlers[request.POST.get("mode", "shorten")](request.POST)


def current_backend() -> Backend:
    return import_string(request_backend_path())()


def request_backend_path():
    return getattr(settings, "RUNTIME_BACKEND", None)


def declared(request):
    return current_backend().complete(request.POST)  # want: LK102

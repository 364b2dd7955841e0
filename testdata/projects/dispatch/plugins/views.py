"""The engine named in the request gets the text; the formatter registry,
filled with objects of another class, sends nothing anywhere."""
from .engines import engines, formatters


def complete_view(request):
    return engines.get(request.POST["engine"]).complete(request.POST["phone"])  # want: LK104


def format_view(request):
    # Silent: only formatters were registered in this registry.
    return formatters.get(request.POST["engine"]).complete(request.POST["phone"])

import json
from functools import wraps

from django.http import JsonResponse


def json_body(view):
    """Parses the JSON body and passes it to the view as its second argument."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            body = json.loads(request.body)
        except ValueError:
            return JsonResponse({"error": "invalid JSON"}, status=400)
        return view(request, body, *args, **kwargs)

    return wrapper

"""A project decorator that hands the view the request's payload as a keyword argument."""
import functools
import json

from rest_framework.decorators import api_view
from rest_framework.response import Response

from .llm import summarize


def with_body(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        # The whole body, parsed, becomes the view's `body` argument.
        kwargs["body"] = request.data
        return view(request, *args, **kwargs)

    return wrapper


def with_page_size(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        # Silent: a number the server picks, not what the client sent.
        kwargs["page_size"] = 25
        return view(request, *args, **kwargs)

    return wrapper


@api_view(["POST"])
@with_body
def classify(request, body):
    # The injected payload as a whole.
    return Response({"label": summarize(json.dumps(body))})  # want: LK102


@api_view(["POST"])
@with_body
def classify_title(request, body):
    # Silent: one field of the injected payload.
    return Response({"label": summarize(body["title"])})


@api_view(["GET"])
@with_page_size
def browse(request, page_size):
    # Silent: the parameter the decorator fills is not the request's.
    return Response({"hint": summarize(f"List {page_size} tickets")})

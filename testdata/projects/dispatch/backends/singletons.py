"""A client object built on first use and kept in a module global."""
from openai import OpenAI
from rest_framework.decorators import api_view

_writer = None
_counter = None


class Writer:
    def __init__(self):
        self.client = OpenAI()

    def polish(self, text):
        return self.client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])


class Counter:
    def polish(self, text):
        return len(text)


def get_writer():
    global _writer
    if _writer is None:
        _writer = Writer()
    return _writer


def get_counter():
    global _counter
    if _counter is None:
        _counter = Counter()
    return _counter


@api_view(["POST"])
def polish(request):
    get_writer().polish(request.data)  # want: LK102
    # Silent: the other singleton sends nothing anywhere.
    get_counter().polish(request.data)

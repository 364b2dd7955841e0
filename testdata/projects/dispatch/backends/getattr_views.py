"""getattr dispatch: a method named by one of several allowed constants,
or by a prefix and a computed suffix, is each method it may name."""
from backends.providers import client


class Assistant:
    def handle_summary(self, text):
        return client.responses.create(model="gpt-4o-mini", input=f"Summarize: {text}")

    def handle_length(self, text):
        return len(text)

    def answer(self, text):
        return client.responses.create(model="gpt-4o-mini", input=text)

    def count(self, text):
        return len(text)

    def dispatch(self, kind, text):
        return getattr(self, f"handle_{kind}")(text)

    def run(self, mode, text):
        if mode not in ("answer", "count"):
            raise ValueError(mode)
        return getattr(self, mode)(text)


class Counter:
    def handle_words(self, text):
        return len(text.split())

    def dispatch(self, kind, text):
        return getattr(self, f"handle_{kind}")(text)


def by_kind(request):
    return Assistant().dispatch(request.GET.get("kind", ""), request.POST)  # want: LK102


def by_mode(request):
    return Assistant().run(request.GET.get("mode", ""), request.POST)  # want: LK102


def counted(request):
    # Silent: no handle_ method of this class calls a model.
    return Counter().dispatch(request.GET.get("kind", ""), request.POST)

"""Project code whose names match SDK methods; none of it calls a model."""
import re


def invoke(action, payload):
    """Dispatches to a local handler by name."""
    return {"action": action, "size": len(payload)}


def pipeline(stage):
    """Returns a local text-cleaning stage."""
    return lambda text: re.sub(r"\s+", " ", str(text)).strip()


class RulesEngine:
    def invoke(self, facts):
        return [fact for fact in facts if fact]


class ChatSession:
    """A human-to-human chat room session."""

    def __init__(self, room):
        self.room = room
        self.lines = []

    def chat(self, text):
        self.lines.append(text)
        return len(self.lines)


class AddressCompleter:
    def complete(self, prefix):
        return [line for line in ("Main St", "Market St") if line.startswith(prefix)]


class InvoiceGenerator:
    def generate(self, prompt, **fields):
        return {"title": prompt, **fields}

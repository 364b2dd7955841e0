from .models import AuditEntry


class AuditTrail:
    """Writes audit lines to the database; its .info is not a logger method."""

    def info(self, text):
        AuditEntry.objects.create(text=text)


def invoke(payload):
    """A local function named like LangChain's invoke: it only counts fields."""
    return {"fields": len(payload)}


def completion(model, messages):
    """A local function named like litellm.completion."""
    return {"model": model, "count": len(messages)}


class Workflow:
    """A project class with an invoke method; no model behind it."""

    def invoke(self, data):
        return sorted(data)

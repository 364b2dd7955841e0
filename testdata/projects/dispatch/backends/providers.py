"""Model backends the views reach only through registries, dispatch
tables, dotted paths from settings and a declared base class."""
from openai import OpenAI

client = OpenAI()
BACKENDS = {}


def backend(name):
    def register(cls):
        BACKENDS[name] = cls
        return cls

    return register


class Backend:
    def complete(self, text):
        raise NotImplementedError


@backend("chat")
class ChatBackend(Backend):
    def complete(self, text):
        return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])


@backend("echo")
class EchoBackend(Backend):
    def complete(self, text):
        return text


class SpellChecker:
    def complete(self, text):
        return text.strip()


class TypeRegistry:
    def __init__(self):
        self.types = {}

    def register(self, kind):
        self.types[kind.name] = kind

    def get(self, name):
        return self.types[name]


class SummaryType:
    name = "summary"

    def run(self, text):
        return client.responses.create(model="gpt-4o-mini", input=f"Summarize: {text}")


class LengthType:
    name = "length"

    def run(self, text):
        return len(text)


task_types = TypeRegistry()
task_types.register(SummaryType())
task_types.register(LengthType())

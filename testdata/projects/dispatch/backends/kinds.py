"""A generic registry (Registry[T]) hands out objects of the class its
subclass names for T; keyed by a class's own constant it hands out that
class's object. Class methods called on the class bind cls."""
from typing import Dict, Generic, TypeVar

import anthropic
import openai

Kind = TypeVar("Kind")


class Registry(Generic[Kind]):
    def __init__(self):
        self.items: Dict[str, Kind] = {}

    def register(self, item: Kind):
        self.items[item.name] = item

    def get(self, name: str) -> Kind:
        return self.items[name]


class Writer:
    name = ""

    def write(self, text):
        raise NotImplementedError


class ChatWriter(Writer):
    name = "chat"

    def write(self, text):
        return openai.OpenAI().responses.create(model="gpt-4o-mini", input=text).output_text


class ClaudeWriter(Writer):
    name = "claude"

    def write(self, text):
        reply = anthropic.Anthropic().messages.create(
            model="claude-3-5-haiku-latest", max_tokens=200, messages=[{"role": "user", "content": text}]
        )
        return reply.content[0].text


class WriterRegistry(Registry[Writer]):
    pass


class Job:
    name = ""

    @classmethod
    def run(cls, writer_name, text):
        raise NotImplementedError


class DraftJob(Job):
    name = "draft"

    @classmethod
    def run(cls, writer_name, text):
        return writers.get(writer_name).write(text)


class ArchiveJob(Job):
    name = "archive"

    @classmethod
    def run(cls, writer_name, text):
        return len(text)


class JobRegistry(Registry[Job]):
    pass


writers = WriterRegistry()
writers.register(ChatWriter())
writers.register(ClaudeWriter())
jobs = JobRegistry()
jobs.register(DraftJob())
jobs.register(ArchiveJob())


def draft_view(request):
    # The writer is picked by a request field: either provider gets it.
    return jobs.get(DraftJob.name).run(request.POST["writer"], request.POST["ssn"])  # want: LK104


def archive_view(request):
    # Silent: the archive job, picked by its own constant, sends nothing.
    return jobs.get(ArchiveJob.name).run(request.POST["writer"], request.POST["ssn"])


def draft_direct(request):
    # A class method called on the class: cls is bound, text is the second argument.
    return DraftJob.run("chat", request.POST["ssn"])  # want: LK104


def draft_direct_name_only(request):
    # Silent: only the writer's name comes from the request.
    return DraftJob.run(request.POST["writer"], "Write a haiku")

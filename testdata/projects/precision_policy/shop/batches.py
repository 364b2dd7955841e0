"""Objects kept in lists, comprehensions and generators keep their fields:
reading one field of an element is that field, not everything the element
holds."""
import logging

from openai import OpenAI

client = OpenAI()
log = logging.getLogger(__name__)


class Attempt:
    def __init__(self, label):
        self.label = label
        self.notes = []
        self.failure = ""


def attempts(labels):
    done = []
    for label in labels:
        attempt = Attempt(label)
        try:
            attempt.notes.append(label.title())
        except ValueError as exc:
            attempt.failure = f"could not title {label}: {exc}"
        done.append((attempt, label))
    return done


def notes_only(labels):
    # Silent: the notes of each attempt, never its failure text.
    notes = []
    for attempt, _ in attempts(labels) + []:
        notes.extend(attempt.notes)
    client.responses.create(model="gpt-4o-mini", input="\n".join(notes))


def failures_too(labels):
    failures = [attempt.failure for attempt, _ in attempts(labels)]
    client.responses.create(model="gpt-4o-mini", input="\n".join(failures))  # want: LK106


def stream_attempts(labels):
    for label in labels:
        attempt = Attempt(label)
        try:
            attempt.notes.append(label.title())
        except ValueError as exc:
            attempt.failure = str(exc)
        yield "status: working"
        yield attempt


def streamed_notes(labels):
    # Silent: a generator's elements keep their fields too.
    notes = []
    for item in stream_attempts(labels):
        if isinstance(item, Attempt):
            notes.extend(item.notes)
    client.responses.create(model="gpt-4o-mini", input="\n".join(notes))


def streamed_failures(labels):
    text = "\n".join(item.failure for item in stream_attempts(labels))
    client.responses.create(model="gpt-4o-mini", input=text)  # want: LK106

"""Objects kept in lists, comprehensions and generators keep their fields:
reading one field of an element is that field, not everything the element
holds."""
import logging
from dataclasses import dataclass

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


@dataclass
class Outcome:
    label: str
    notes: str = ""


def stream_outcomes(labels):
    for label in labels:
        try:
            yield Outcome(label, label.title())
        except ValueError as exc:
            yield f"status: {exc}"


def outcome_notes(labels):
    # Silent: an element found to be an Outcome is not the status text
    # yielded beside it.
    notes = []
    for item in stream_outcomes(labels):
        if isinstance(item, Outcome):
            notes.append(item.notes)
    client.responses.create(model="gpt-4o-mini", input="\n".join(notes))


def outcome_status(labels):
    updates = [item for item in stream_outcomes(labels) if not isinstance(item, Outcome)]
    client.responses.create(model="gpt-4o-mini", input="\n".join(updates))  # want: LK106


def stream_attempts(labels):
    for label in labels:
        attempt = Attempt(label)
        try:
            attempt.notes.append(label.title())
        except ValueError as exc:
            attempt.failure = str(exc)
            yield f"status: {exc}"
        yield attempt


def streamed_notes(labels):
    # Silent: a generator's elements keep their fields too, and an element
    # found to be an Attempt is not the status text yielded beside it.
    notes = []
    for item in stream_attempts(labels):
        if isinstance(item, Attempt):
            notes.extend(item.notes)
            notes.append(item.label)
    client.responses.create(model="gpt-4o-mini", input="\n".join(notes))


def streamed_status(labels):
    updates = []
    for item in stream_attempts(labels):
        if not isinstance(item, Attempt):
            updates.append(item)
    client.responses.create(model="gpt-4o-mini", input="\n".join(updates))  # want: LK106


def streamed_failures(labels):
    text = "\n".join(item.failure for item in stream_attempts(labels))
    client.responses.create(model="gpt-4o-mini", input=text)  # want: LK106

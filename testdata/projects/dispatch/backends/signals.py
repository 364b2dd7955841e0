"""Signals: send() runs the functions connected to the signal, by the
receiver decorator or connect(), with its keyword arguments."""
from django.dispatch import Signal, receiver

from backends.providers import client

question_asked = Signal()
feedback_left = Signal()
page_viewed = Signal()


@receiver(question_asked)
def answer(sender, question, **kwargs):
    client.responses.create(model="gpt-4o-mini", input=question)


@receiver([page_viewed])
def count_view(sender, path, **kwargs):
    return len(path)


def triage(sender, **kwargs):
    client.responses.create(model="gpt-4o-mini", input=f"Triage: {kwargs['text']}")


feedback_left.connect(triage)

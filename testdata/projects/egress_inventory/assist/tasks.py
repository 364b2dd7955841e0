from celery import shared_task

from .llm import ask


@shared_task
def answer_later(question):
    return ask(question)

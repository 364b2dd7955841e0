from celery import shared_task

from .llm import ask
from .models import Summary


@shared_task
def summarize(text):
    return ask(f"Summarize:\n{text}")


@shared_task
def store_summary(summary, ticket_id):
    Summary.objects.create(ticket_id=ticket_id, text=summary)


@shared_task
def tag_ticket(ticket_id, owner):
    return {"ticket": ticket_id, "owner_len": len(owner)}

"""shared_task tasks: their parameters reach an LLM or a log."""
import logging
import traceback

from celery import shared_task
from openai import OpenAI

logger = logging.getLogger(__name__)
client = OpenAI()


def _complete(text):
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": text}],
    )
    return completion.choices[0].message.content


@shared_task
def summarize_ticket(text):
    # text reaches the SDK through a module helper.
    return _complete(f"Summarize this ticket:\n{text}")


@shared_task(bind=True, max_retries=3)
def classify_message(self, body, locale="en"):
    # bind=True: the first parameter is the task; body is the first argument of delay().
    try:
        return _complete(f"Classify ({locale}): {body}")
    except Exception as exc:
        logger.exception("classification failed")
        raise self.retry(exc=exc, countdown=30)


@shared_task
def notify_ops(ticket_id, note):
    # A log-only task: note is written to the log.
    logger.warning("ticket %s needs attention: %s", ticket_id, note)


@shared_task
def archive_transcript(transcript_id, requested_by):
    # requested_by never reaches a sink.
    return {"archived": transcript_id, "by_length": len(requested_by)}


@shared_task
def explain_failure(ticket_id):
    # The task itself pastes a traceback into the prompt.
    try:
        raise RuntimeError(f"ticket {ticket_id} could not be routed")
    except RuntimeError:
        return _complete("Explain for the support team:\n" + traceback.format_exc())  # want: LK106


@shared_task
def log_reply(ticket_id, question):
    # The model's reply logged inside a task.
    reply = _complete(question)
    logger.info("reply for ticket %s: %s", ticket_id, reply)  # want: LK202
    return ticket_id

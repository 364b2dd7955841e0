"""The prompt half of LK202: a prompt written to a log, before or after it is sent."""
import logging

from openai import OpenAI

log = logging.getLogger(__name__)
client = OpenAI()


def converse(messages):
    # The messages list, logged before it is sent.
    log.debug("context for the model: %s", messages)  # want: LK202
    reply = client.chat.completions.create(model="gpt-4o-mini", messages=messages)
    if not reply.choices:
        # A message of it, logged after.
        log.warning("no reply; last message: %s", messages[-1]["content"])  # want: LK202
    return reply.choices[0].message.content


def summarize(text):
    prompt = "Summarize:\n" + text
    # The prompt built from the parameter.
    log.info("prompt: %s", prompt)  # want: LK202
    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}])


def count_words(text):
    # Silent: a length, and a variable that is never sent.
    words = text.split()
    log.info("%d words", len(words))
    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "Count: 3"}])


def award(user, message=None, amount=None):
    # Only the message reaches the model.
    if message is not None:
        return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": message}])
    return amount


def grant(user, reward):
    # Silent: neither the user nor the amount is given to a parameter that reaches the model.
    log.info("granting %s to %s", reward, user.pk)
    award(user, amount=reward)


def review(user, text):
    # The text is given to the parameter that does.
    log.info("reviewing %s", text)  # want: LK202
    award(user, message=text)


def embed_chunks(texts):
    chunks = [t for t in texts if t.strip()]
    # Silent: how many chunks, not the chunks.
    print(f"embedding {len(chunks)} chunks")
    return client.embeddings.create(model="text-embedding-3-small", input=chunks)

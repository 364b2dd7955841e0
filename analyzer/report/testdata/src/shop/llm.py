import logging

from openai import OpenAI

log = logging.getLogger(__name__)
client = OpenAI()


def ask_llm(prompt):
    résumé = "Répondez 😀"; log.info("prompt: %s", résumé + prompt)
    resp = client.responses.create(model="gpt-4o", input=prompt)
    return resp.output_text

"""app.task tasks in another app."""
from config.celery import app
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini")


@app.task
def score_feedback(feedback, user_label=None):
    # Both parameters end up in the prompt.
    prompt = f"Score this feedback from 1 to 5: {feedback}"
    if user_label:
        prompt += f" (from {user_label})"
    return llm.invoke(prompt).content


@app.task(name="analytics.weekly_digest")
def weekly_digest(week, audience="staff"):
    # Only constants and numbers reach the model.
    return llm.invoke(f"Write the digest for week {int(week)} for {audience}").content

"""Chains assembled from stages: folded with functools.reduce, passed as
*stages, wrapped in a RunnableLambda that retries."""
from functools import reduce

from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.runnables import RunnableLambda
from langchain_core.runnables.base import coerce_to_runnable
from langchain_openai import ChatOpenAI


def chain_of(*stages):
    return reduce(lambda left, right: left | right, (coerce_to_runnable(s) if i == 0 else s for i, s in enumerate(stages)))


def with_retry(*stages, attempts=2):
    chain = chain_of(*stages)

    def run(payload, attempt=0):
        try:
            return chain.invoke(payload)
        except ValueError:
            if attempt < attempts:
                return run(payload, attempt + 1)
            return None

    return RunnableLambda(run)


def shout(payload):
    return str(payload).upper()


def summarize(request):
    prompt = ChatPromptTemplate.from_template("Summarize: {text}")
    runnable = with_retry(prompt, ChatOpenAI(model="gpt-4o-mini"), StrOutputParser())
    return runnable.invoke({"text": str(request.POST)})  # want: LK102


def echo(request):
    # Silent: the lambda only shouts.
    return RunnableLambda(shout).invoke({"text": str(request.POST)})

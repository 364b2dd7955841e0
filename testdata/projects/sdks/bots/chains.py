"""LangChain: a chat model's invoke and LCEL chains."""
import json

from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)

ticket_prompt = ChatPromptTemplate.from_messages(
    [
        ("system", "You summarize support tickets in two sentences."),
        ("human", "{ticket}"),
    ]
)
summarize_chain = ticket_prompt | llm | StrOutputParser()


def model_invoke_text(request):
    # ChatOpenAI.invoke(text): request.META in the prompt.
    return llm.invoke(f"Explain these request headers: {request.META}")  # want: LK103


def model_invoke_messages(request):
    # ChatOpenAI.invoke([(role, text)]): the username in a human message.
    return llm.invoke([("human", f"Suggest a display name based on {request.user.username}")])  # want: LK104


def module_chain(request):
    # A module-level LCEL chain: the whole body as a template variable.
    return summarize_chain.invoke({"ticket": json.dumps(request.data)})  # want: LK102


def local_chain(request):
    # A chain built inside the function.
    chain = ticket_prompt | llm
    return chain.invoke({"ticket": f"Session {request.session.session_key} cannot log in"})  # want: LK103


def chain_single_field(request):
    # Silent: the ticket text the user typed.
    return summarize_chain.invoke({"ticket": request.data.get("body", "")})

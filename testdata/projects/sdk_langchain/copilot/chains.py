"""LCEL pipes, LLMChain, ConversationalRetrievalChain and PromptTemplate.format."""
import json

from django.http import JsonResponse
from langchain.chains import ConversationalRetrievalChain, LLMChain
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate, PromptTemplate
from langchain_openai import ChatOpenAI

from .retrieval import get_retriever

llm = ChatOpenAI(model="gpt-4o-mini")

qa_prompt = ChatPromptTemplate.from_messages(
    [("system", "Answer from the company handbook only."), ("human", "{question}")]
)
qa_chain = qa_prompt | llm
qa_text_chain = qa_prompt | llm | StrOutputParser()
letter_template = PromptTemplate.from_template("Write a short letter to {recipient} about {topic}.")


def pipe_two(request):
    # prompt | llm: the whole META as a template variable.
    answer = qa_chain.invoke({"question": f"Explain {request.META}"})  # want: LK103
    return JsonResponse({"text": answer.content})


def pipe_three(request):
    # prompt | llm | StrOutputParser(): the e-mail as a template variable.
    text = qa_text_chain.invoke({"question": f"What do we know about {request.user.email}?"})  # want: LK104
    return JsonResponse({"text": text})


def pipe_local(request):
    # A pipe built in the view, invoked with the whole body.
    chain = PromptTemplate.from_template("Classify: {ticket}") | llm | StrOutputParser()
    text = chain.invoke({"ticket": request.body.decode()})  # want: LK102
    return JsonResponse({"text": text})


def pipe_batch(request):
    # LCEL batch with a list of variable dicts, one holding the session key.
    texts = qa_text_chain.batch([{"question": "Hours?"}, {"question": f"Session {request.session.session_key}"}])  # want: LK103
    return JsonResponse({"texts": texts})


def pipe_clean(request):
    # Silent: the question field as the template variable.
    text = qa_text_chain.invoke({"question": request.POST.get("question", "")})
    return JsonResponse({"text": text})


def llmchain_run(request):
    # LLMChain(llm=..., prompt=...).run(x): the whole form.
    chain = LLMChain(llm=llm, prompt=PromptTemplate.from_template("Check this form: {form}"))
    text = chain.run(json.dumps(request.POST.dict()))  # want: LK102
    return JsonResponse({"text": text})


def llmchain_clean(request):
    # Silent: LLMChain.run with a single field.
    chain = LLMChain(llm=llm, prompt=PromptTemplate.from_template("Translate: {text}"))
    return JsonResponse({"text": chain.run(request.POST.get("text", ""))})


def retrieval_chain(request):
    # ConversationalRetrievalChain.from_llm(...)({"question": x}): the user's phone field.
    chain = ConversationalRetrievalChain.from_llm(llm, retriever=get_retriever())
    result = chain({"question": f"Which plan fits {request.POST.get('phone_number')}?", "chat_history": []})  # want: LK104
    return JsonResponse({"answer": result["answer"]})


def retrieval_chain_clean(request):
    # Silent: the same chain with the question field.
    chain = ConversationalRetrievalChain.from_llm(llm, retriever=get_retriever())
    result = chain.invoke({"question": request.POST.get("question", ""), "chat_history": []})
    return JsonResponse({"answer": result["answer"]})


def template_format(request):
    # PromptTemplate.format(...) result sent to the model.
    prompt = letter_template.format(recipient=request.user.get_full_name(), topic="renewal")
    answer = llm.invoke(prompt)  # want: LK104
    return JsonResponse({"text": answer.content})


def template_format_clean(request):
    # Silent: format with constants and a single field.
    prompt = letter_template.format(recipient="our customers", topic=request.POST.get("topic", "news"))
    return JsonResponse({"text": llm.invoke(prompt).content})


def format_messages(request):
    # ChatPromptTemplate.format_messages(...) result sent to the model: the whole query string.
    messages = qa_prompt.format_messages(question=f"Search {request.GET.urlencode()}")
    answer = llm.invoke(messages)  # want: LK102
    return JsonResponse({"text": answer.content})

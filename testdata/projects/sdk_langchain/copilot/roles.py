"""The system role in LangChain: ("system", ...) template parts and SystemMessage (LK108)."""
import json

from django.http import JsonResponse
from langchain_core.messages import HumanMessage, SystemMessage
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini")

persona_prompt = ChatPromptTemplate.from_messages([("system", "You are {persona}."), ("human", "{question}")])
MUSTACHE_SYSTEM = """Answer in a {{{tone}}} tone.
Today is {{today}}."""
TEAM_SYSTEM = """
You answer questions for the {team} team.
""".strip()


def system_template_part(request):
    # ("system", <request input>) in from_messages: reported where the chain is invoked.
    prompt = ChatPromptTemplate.from_messages(
        [("system", f"You are {request.POST.get('persona', 'an assistant')}."), ("human", "{q}")]
    )
    answer = (prompt | llm).invoke({"q": "Introduce yourself."})  # want: LK108
    return JsonResponse({"text": answer.content})


def system_template_variable(request):
    # A system-part placeholder filled from the request at invoke time.
    answer = (persona_prompt | llm).invoke({"persona": request.POST.get("persona", ""), "question": "Hi"})  # want: LK108
    return JsonResponse({"text": answer.content})


def human_template_variable(request):
    # Silent: the request fills the human part's placeholder.
    answer = (persona_prompt | llm).invoke({"persona": "a librarian", "question": request.POST.get("q", "")})
    return JsonResponse({"text": answer.content})


def mustache_system_variable(request):
    # A mustache template ({{{name}}}) kept in a constant, piped in a helper.
    prompt = ChatPromptTemplate.from_messages([("system", MUSTACHE_SYSTEM)], template_format="mustache")
    chain = prompt | llm
    return JsonResponse({"text": chain.invoke({"tone": request.GET.get("tone", ""), "today": "Monday"}).content})  # want: LK108


def stripped_system_variable(request):
    # The system template is a stripped constant; the request names the team.
    prompt = ChatPromptTemplate.from_messages([("system", TEAM_SYSTEM), ("human", "{question}")])
    return JsonResponse({"text": (prompt | llm).invoke({"team": request.GET.get("team", ""), "question": "Hi"}).content})  # want: LK108


def stripped_system_human_input(request):
    # Silent: the request fills only the human placeholder.
    prompt = ChatPromptTemplate.from_messages([("system", TEAM_SYSTEM), ("human", "{question}")])
    return JsonResponse({"text": (prompt | llm).invoke({"team": "billing", "question": request.GET.get("q", "")}).content})


def human_template_part(request):
    # Silent: request input in the ("human", ...) part only.
    prompt = ChatPromptTemplate.from_messages(
        [("system", "Answer briefly."), ("human", request.POST.get("question", ""))]
    )
    return JsonResponse({"text": (prompt | llm).invoke({}).content})


def system_message_from_field(request):
    # SystemMessage(content=<request input>) in the list passed to invoke.
    answer = llm.invoke(  # want: LK108
        [
            SystemMessage(content=request.GET.get("rules", "Be polite.")),
            HumanMessage(content="What is your refund policy?"),
        ]
    )
    return JsonResponse({"text": answer.content})


def human_message_pii(request):
    # HumanMessage(content=<PII>) with a constant SystemMessage.
    messages = [SystemMessage(content="You write greetings."), HumanMessage(content=f"Greet {request.user.email}")]
    answer = llm.invoke(messages)  # want: LK104
    return JsonResponse({"text": answer.content})


def both_roles(request):
    # Request input in the system message and PII in the human message: two rules, one call.
    messages = [SystemMessage(content=request.POST.get("tone", "")), HumanMessage(content=request.user.username)]
    answer = llm.invoke(messages)  # want: LK104, LK108
    return JsonResponse({"text": answer.content})


def messages_clean(request):
    # Silent: constant system message, the question field as the human message.
    messages = [SystemMessage(content="Answer in French."), HumanMessage(content=request.POST.get("question", ""))]
    return JsonResponse({"text": llm.invoke(messages).content})


def spread_body_messages(request):
    # Each keyword spread from the body is one of its fields: the user's
    # own content in the human message is no leak; in the system message it
    # is request input in the system role.
    body = json.loads(request.body)
    llm.invoke([HumanMessage(**body)])
    answer = llm.invoke([SystemMessage(**body), HumanMessage(content="Hi")])  # want: LK108
    return JsonResponse({"text": answer.content})

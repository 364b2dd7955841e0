"""payload sources (LK102): a whole request body, form or serializer."""
import json

from langchain_openai import ChatOpenAI

from .forms import FeedbackForm, FeedbackSerializer

llm = ChatOpenAI(model="gpt-4o-mini")


def drf_data(request):
    # DRF request.data as a whole.
    llm.invoke(f"Summarize: {request.data}")  # want: LK102


def post_dict(request):
    # request.POST rendered.
    llm.invoke("Form: " + str(request.POST))  # want: LK102


def get_querydict(request):
    # request.GET as a whole.
    query = request.GET
    llm.invoke(f"Search for {query}")  # want: LK102


def raw_body(request):
    # The raw body, decoded.
    llm.invoke(request.body.decode("utf-8"))  # want: LK102


def query_params(request):
    # DRF query_params as a whole.
    llm.invoke(f"Filters: {request.query_params}")  # want: LK102


def json_body(request):
    # json.loads of the body.
    payload = json.loads(request.body)
    llm.invoke(f"Process {payload}")  # want: LK102


def dict_of_post(request):
    # dict(...) of a QueryDict.
    llm.invoke(f"Fields: {dict(request.POST)}")  # want: LK102


def json_dumps_data(request):
    # json.dumps of request.data.
    llm.invoke(json.dumps(request.data))  # want: LK102


def querydict_dict(request):
    # QueryDict.dict().
    fields = request.POST.dict()
    llm.invoke(f"Fields: {fields}")  # want: LK102


def post_items(request):
    # Iterating every field of the form copies all of it.
    lines = [f"{key}: {value}" for key, value in request.POST.items()]
    llm.invoke("\n".join(lines))  # want: LK102


def serializer_validated(request):
    # serializer.validated_data as a whole.
    serializer = FeedbackSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    llm.invoke(str(serializer.validated_data))  # want: LK102


def serializer_data(request):
    # serializer.data as a whole.
    serializer = FeedbackSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    llm.invoke(json.dumps(serializer.data))  # want: LK102


def form_cleaned(request):
    # form.cleaned_data as a whole.
    form = FeedbackForm(request.POST)
    if form.is_valid():
        llm.invoke(f"Feedback: {form.cleaned_data}")  # want: LK102


def single_fields(request):
    # Silent: single fields read with constant, non-sensitive keys.
    question = request.POST.get("question", "")
    title = request.data["title"]
    llm.invoke(f"{title}: {question} (page {request.GET.get('page')}, sort {request.query_params.get('sort')})")


def single_json_field(request):
    # Silent: one constant key of the parsed body.
    question = json.loads(request.body)["question"]
    llm.invoke(question)


def single_validated_field(request):
    # Silent: one validated field.
    serializer = FeedbackSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    llm.invoke(f"Title: {serializer.validated_data['title']}")


def single_cleaned_field(request):
    # Silent: one cleaned form field.
    form = FeedbackForm(request.POST)
    if form.is_valid():
        llm.invoke(form.cleaned_data["message"])


def body_size_only(request):
    # Silent: only the size of the body.
    llm.invoke(f"Is a {len(request.body)}-byte upload large?")

"""Raw chat-template prompts sent to text-generation calls: request input
in the system section is in the system role (LK108); in the user section
it is not."""
from huggingface_hub import InferenceClient
from openai import OpenAI

tgi = InferenceClient("http://tgi.internal:8080")
completions = OpenAI()

LLAMA2 = "[INST] <<SYS>>\n{persona}\n<</SYS>>\n\n{question} [/INST]"
ALPACA = "### Instruction:\n{}\n\n### Input:\n{}\n\n### Response:\n"


def chatml(request):
    persona = request.POST.get("persona", "")
    question = request.POST.get("question", "")
    prompt = f"<|im_start|>system\n{persona}<|im_end|>\n<|im_start|>user\n{question}<|im_end|>\n<|im_start|>assistant\n"
    return tgi.text_generation(prompt)  # want: LK108


def chatml_user_only(request):
    question = request.POST.get("question", "")
    # Silent: the request text is in the user section alone.
    prompt = f"<|im_start|>system\nYou answer briefly.<|im_end|>\n<|im_start|>user\n{question}<|im_end|>\n"
    return tgi.text_generation(prompt)


def llama3(request):
    tone = request.GET.get("tone", "")
    prompt = (
        f"<|start_header_id|>system<|end_header_id|>\n\nSpeak in a {tone} tone.<|eot_id|>"
        "<|start_header_id|>user<|end_header_id|>\n\nHello<|eot_id|>"
    )
    return completions.completions.create(model="llama-3-8b", prompt=prompt)  # want: LK108


def llama2(request):
    return tgi.text_generation(LLAMA2.format(persona=request.POST.get("persona", ""), question="Hi"))  # want: LK108


def llama2_question(request):
    # Silent: only the question, in the user turn, comes from the request.
    return tgi.text_generation(LLAMA2.format(persona="A librarian.", question=request.POST.get("q", "")))


def alpaca(request):
    task = request.POST.get("task", "")
    return tgi.text_generation(ALPACA.format(task, "notes"))  # want: LK108


CHATML = "<|im_start|>system\n%s<|im_end|>\n<|im_start|>user\n%s<|im_end|>\n"


def chatml_percent(request):
    return tgi.text_generation(CHATML % (request.POST.get("persona", ""), "Hello"))  # want: LK108


def chatml_percent_user(request):
    # Silent: the request text is the user turn.
    return tgi.text_generation(CHATML % ("You are brief.", request.POST.get("q", "")))

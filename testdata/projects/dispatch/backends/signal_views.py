from backends import signals
from backends.signals import page_viewed, question_asked


def ask(request):
    question_asked.send(sender=None, question=request.POST)  # want: LK102


def feedback(request):
    signals.feedback_left.send_robust(None, text=request.POST)  # want: LK102


def view_page(request):
    # Silent: this signal's receiver calls no model.
    page_viewed.send(sender=None, path=request.POST)

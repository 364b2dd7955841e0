"""LK301: model output reaching SQL and unescaped HTML."""
from django.db import connection
from django.db.models.expressions import RawSQL
from django.http import HttpResponse, JsonResponse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from .llm import ask
from .models import Order


def text_to_sql_cursor(request):
    # cursor.execute of SQL the model wrote.
    sql = ask(f"Write SQL for: {request.POST.get('question', '')}")
    with connection.cursor() as cursor:
        cursor.execute(sql)  # want: LK301
        rows = cursor.fetchall()
    return JsonResponse({"rows": rows})


def where_clause_fstring(request):
    # A WHERE clause from the model interpolated into SQL.
    condition = ask("Give a SQL condition for overdue orders.")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM agent_order WHERE {condition}")  # want: LK301
        return JsonResponse({"rows": cursor.fetchall()})


def orm_raw(request):
    # Model.objects.raw with model-written SQL.
    query = ask("Select the ten biggest orders from agent_order.")
    orders = list(Order.objects.raw(query))  # want: LK301
    return JsonResponse({"ids": [o.pk for o in orders]})


def orm_extra(request):
    # .extra(where=[...]) with the model's condition.
    condition = ask("SQL condition for orders that look fraudulent")
    ids = list(Order.objects.extra(where=[condition]).values_list("id", flat=True))  # want: LK301
    return JsonResponse({"ids": ids})


def orm_rawsql(request):
    # RawSQL(...) inside annotate.
    expression = ask("SQL expression scoring order risk")
    qs = Order.objects.annotate(
        risk=RawSQL(expression, []),  # want: LK301
    )
    return JsonResponse({"ids": list(qs.values_list("id", flat=True))})


def parameterized_sql(request):
    # Silent: the output as a bound parameter.
    name = ask("Suggest a customer name to look up.")
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM agent_order WHERE customer = %s", [name])
        rows = cursor.fetchall()
    ids = list(Order.objects.raw("SELECT * FROM agent_order WHERE status = %s", [name]))
    return JsonResponse({"rows": rows, "count": len(ids)})


def mark_safe_output(request):
    # mark_safe of the answer.
    answer = ask(request.GET.get("q", ""))
    html = mark_safe(f"<div>{answer}</div>")  # want: LK301
    return JsonResponse({"html": html})


def safestring_output(request):
    # SafeString(answer)
    return JsonResponse({"html": SafeString(ask("Write a greeting in HTML."))})  # want: LK301


def format_html_misuse(request):
    # The output as format_html's format string.
    return JsonResponse({"html": format_html(ask("Write an HTML banner."))})  # want: LK301


def format_html_correct(request):
    # Silent: the output as an argument of format_html is escaped.
    return JsonResponse({"html": format_html("<p>{}</p>", ask("Write a banner."))})


def escaped_then_marked(request):
    # Silent: escaped before mark_safe.
    return JsonResponse({"html": mark_safe("<p>" + escape(ask("Write a banner.")) + "</p>")})


def as_paragraphs(text):
    rendered = escape(text)
    return mark_safe(rendered.replace("\n", "<br>"))


def as_markup(text):
    return mark_safe(text.replace("\n", "<br>"))


def helper_escapes(request):
    # Silent: the helper escapes what it is given before marking it safe.
    return JsonResponse({"html": as_paragraphs(ask("Write a banner."))})


def helper_marks_raw(request):
    return JsonResponse({"html": as_markup(ask("Write a banner."))})  # want: LK301


def html_response(request):
    # HttpResponse with content_type="text/html" of raw output.
    return HttpResponse(ask("Write an HTML page."), content_type="text/html")  # want: LK301


def html_response_default_type(request):
    # HttpResponse's default content type is text/html too.
    return HttpResponse(ask("Write an HTML page."))  # want: LK301


def plain_and_json_responses(request):
    # Silent: text/plain and JSON responses are not rendered as HTML.
    answer = ask(request.GET.get("q", ""))
    if request.GET.get("format") == "json":
        return JsonResponse({"answer": answer})
    return HttpResponse(answer, content_type="text/plain; charset=utf-8")

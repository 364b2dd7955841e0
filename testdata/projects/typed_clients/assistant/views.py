from assistant.backends import (Drafter, Summarizer, branching_chain, complete, complete_annotated, complete_optional,
                                complete_pipe, complete_string, complete_union, count_words, run_chain, default_client,
                                shared_counter, split_text)


def ask(request, client, llm):
    body = request.POST
    complete(client, body)  # want: LK102
    complete_optional(client, body)  # want: LK102
    complete_union(client, body)  # want: LK102
    complete_pipe(llm, body)  # want: LK102
    complete_annotated(llm, body)  # want: LK102
    complete_string(client, body)  # want: LK102
    run_chain(llm, body)  # want: LK102
    count_words({}, body)
    Summarizer(llm).summarize(body)  # want: LK102
    Drafter().draft(body)  # want: LK102
    default_client().chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": body}])  # want: LK102
    shared_counter().get(body)
    branching_chain(llm).invoke({"input": body})  # want: LK102
    split_text(body).count("x")

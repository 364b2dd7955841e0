"""boto3 Bedrock runtime: invoke_model(body=json.dumps(...)), converse, converse_stream."""
import json

import boto3
from django.conf import settings
from django.http import JsonResponse

runtime = boto3.client("bedrock-runtime", region_name="eu-west-1")
control = boto3.client("bedrock", region_name="eu-west-1")
s3 = boto3.client("s3")


def invoke_model(request):
    # invoke_model(body=json.dumps({...})): the e-mail inside the Anthropic message body.
    body = {
        "anthropic_version": "bedrock-2023-05-31",
        "max_tokens": 300,
        "messages": [{"role": "user", "content": f"Summarize the account {request.user.email}"}],
    }
    response = runtime.invoke_model(modelId=settings.BEDROCK_MODEL_ID, body=json.dumps(body))  # want: LK104
    return JsonResponse(json.loads(response["body"].read()))


def converse(request):
    # converse(messages=...): the whole body in a text block.
    response = runtime.converse(  # want: LK102
        modelId=settings.BEDROCK_MODEL_ID,
        messages=[{"role": "user", "content": [{"text": request.body.decode()}]}],
    )
    return JsonResponse({"text": response["output"]["message"]["content"][0]["text"]})


def converse_system(request):
    # converse(system=[{"text": ...}]): a request field as the system prompt.
    response = runtime.converse(  # want: LK108
        modelId=settings.BEDROCK_MODEL_ID,
        system=[{"text": request.POST.get("role_prompt", "")}],
        messages=[{"role": "user", "content": [{"text": "Begin."}]}],
    )
    return JsonResponse({"text": response["output"]["message"]["content"][0]["text"]})


def converse_stream(request):
    # converse_stream on a client from a boto3 Session: the session key.
    client = boto3.Session(profile_name="ai").client("bedrock-runtime")
    response = client.converse_stream(  # want: LK103
        modelId=settings.BEDROCK_MODEL_ID,
        messages=[{"role": "user", "content": [{"text": f"Session {request.session.session_key}"}]}],
    )
    parts = [e["contentBlockDelta"]["delta"]["text"] for e in response["stream"] if "contentBlockDelta" in e]
    return JsonResponse({"text": "".join(parts)})


def bedrock_clean(request):
    # Silent: a constant invoke_model body and a converse with the question field.
    runtime.invoke_model(modelId=settings.BEDROCK_MODEL_ID, body=json.dumps({"inputText": "Hello"}))
    runtime.converse(
        modelId=settings.BEDROCK_MODEL_ID,
        messages=[{"role": "user", "content": [{"text": request.POST.get("question", "")}]}],
    )
    return JsonResponse({"ok": True})


def not_bedrock(request):
    # Silent: the control-plane client and S3 are not model calls.
    models = control.list_foundation_models()
    s3.put_object(Bucket="uploads", Key="forms/latest.json", Body=json.dumps(request.data))
    return JsonResponse({"count": len(models["modelSummaries"])})

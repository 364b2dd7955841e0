"""An upload read from a form's or serializer's cleaned data is the upload:
its contents are the whole file, its name only request input."""
import base64

from django import forms
from django.http import JsonResponse
from litellm import completion
from rest_framework import serializers


class ScanSerializer(serializers.Serializer):
    scan = serializers.ImageField()
    pages = serializers.IntegerField()


class AttachmentForm(forms.Form):
    attachment = forms.FileField()
    caption = forms.CharField()


def read_scan(request):
    serializer = ScanSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    scan = serializer.validated_data["scan"]
    encoded = base64.b64encode(scan.read()).decode()
    image = {"type": "image_url", "image_url": f"data:image/png;base64,{encoded}"}
    reply = completion(model="gpt-4o-mini", messages=[{"role": "user", "content": [image]}])  # want: LK102
    # Silent: the file's name and a page count are not its contents.
    completion(model="gpt-4o-mini", messages=[{"role": "user", "content": f"{scan.name}: {serializer.validated_data['pages']} pages"}])
    return JsonResponse({"text": reply.choices[0].message.content})


def describe_attachment(request):
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        return JsonResponse({}, status=400)
    text = form.cleaned_data["attachment"].read().decode()
    reply = completion(model="gpt-4o-mini", messages=[{"role": "user", "content": f"Summarize: {text}"}])  # want: LK102
    # Silent: the caption is one field the user typed.
    completion(model="gpt-4o-mini", messages=[{"role": "user", "content": form.cleaned_data["caption"]}])
    return JsonResponse({"text": reply.choices[0].message.content})

from django import forms
from rest_framework import serializers


class FeedbackForm(forms.Form):
    message = forms.CharField()
    email = forms.EmailField()


class FeedbackSerializer(serializers.Serializer):
    title = serializers.CharField()
    body = serializers.CharField()

from pydantic import BaseModel
from rest_framework import serializers


class TicketIn(BaseModel):
    subject: str
    body: str


class TicketSerializer(serializers.Serializer):
    subject = serializers.CharField(max_length=200)
    body = serializers.CharField()

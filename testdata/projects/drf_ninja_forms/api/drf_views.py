"""DRF: serializers as a whole vs fields, self.request in APIView / GenericAPIView / ViewSet, perform_create."""
import json

from rest_framework import generics, viewsets
from rest_framework.response import Response
from rest_framework.views import APIView

from .llm import summarize
from .models import Ticket
from .serializers import SignupSerializer, TicketSerializer


class TicketAPIView(APIView):
    def post(self, request):
        serializer = TicketSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        # validated_data as a whole.
        whole = summarize(json.dumps(serializer.validated_data))  # want: LK102
        # Silent: named fields of validated_data.
        parts = summarize(f"{serializer.validated_data['subject']}\n{serializer.validated_data['body']}")
        # A validated field named like PII.
        phone = summarize(f"Call {serializer.validated_data['contact_phone']}")  # want: LK104
        return Response({"whole": whole, "parts": parts, "phone": phone})

    def get(self, request):
        # self.request.query_params as a whole in an APIView.
        text = summarize(f"Explain this filter: {self.request.query_params}")  # want: LK102
        # Silent: one query parameter.
        term = summarize(self.request.query_params.get("search", ""))
        return Response({"text": text, "term": term})

    def put(self, request):
        # serializer.data as a whole after save.
        serializer = TicketSerializer(Ticket.objects.get(pk=request.data["id"]), data=request.data)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response({"summary": summarize(str(serializer.data))})  # want: LK102


class SignupView(generics.GenericAPIView):
    serializer_class = SignupSerializer

    def post(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        # GenericAPIView: a credential field of validated_data.
        hint = summarize(f"Is {serializer.validated_data['password']} strong?")  # want: LK103
        # Silent: the referral field.
        note = summarize(serializer.validated_data.get("referral", ""))
        # self.request.data as a whole.
        review = summarize(str(self.request.data))  # want: LK102
        return Response({"hint": hint, "note": note, "review": review})


class TicketCreateView(generics.CreateAPIView):
    serializer_class = TicketSerializer

    def perform_create(self, serializer):
        # perform_create(self, serializer): validated_data as a whole.
        serializer.save(summary=summarize(str(serializer.validated_data)))  # want: LK102


class TicketUpdateView(generics.UpdateAPIView):
    queryset = Ticket.objects.all()
    serializer_class = TicketSerializer

    def perform_update(self, serializer):
        # Silent: one validated field.
        serializer.save(summary=summarize(serializer.validated_data["body"]))


class TicketViewSet(viewsets.ViewSet):
    def list(self, request):
        # ViewSet: self.request.query_params as a whole.
        return Response({"text": summarize(json.dumps(self.request.query_params.dict()))})  # want: LK102

    def create(self, request):
        # ViewSet: a credential-named field of self.request.data.
        return Response({"text": summarize(f"Reset with {self.request.data.get('reset_token')}")})  # want: LK103

    def partial_update(self, request, pk=None):
        # Silent: a plain field of request.data.
        return Response({"text": summarize(request.data.get("body", ""))})

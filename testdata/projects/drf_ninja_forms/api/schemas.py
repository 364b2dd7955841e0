from ninja import Schema


class TicketSchema(Schema):
    subject: str
    body: str
    email: str

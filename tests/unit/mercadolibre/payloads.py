"""MercadoLibre payloads, written from MercadoLibre's documented examples:
- notifications: developers.mercadolibre.com.ar/en_us/products-receive-notifications ("questions" example;
  "messages" with `actions: ["created"]` and a bare message id as resource);
- questions: developers.mercadolibre.com.mx/en_us/manage-questions-and-answers (api_version=4 shape);
- items: developers.mercadolibre.com.ar/en_us/items-and-searches (`GET /items/{id}`, abridged);
- users: developers.mercadolibre.com.ar/en_us/users-and-applications (`GET /users/{id}`, public data, abridged);
- post-sale messages: developers.mercadolibre.com.ar/es_ar/mensajeria-post-venta ("Obtener mensajes por pack").
Ids and texts are the documentation's, or made up where it elides them."""

QUESTION_NOTIFICATION = {
    "_id": "d6c4d3f6-3b08-4cd4-9f5e-7d33d4e9b0a1",
    "resource": "/questions/5036111111",
    "user_id": 123456789,
    "topic": "questions",
    "application_id": 2069392825111111,
    "attempts": 1,
    "sent": "2017-10-09T13:58:23.347Z",
    "received": "2017-10-09T13:58:23.329Z",
}

MESSAGE_NOTIFICATION = {
    "_id": "1c9f8e74-52b5-4b47-b1c1-77f0c9f9c1b2",
    "topic": "messages",
    "resource": "0b5e2a2b4c5f4ef2a1c0b6f3d9e8a7c6",
    "user_id": "123456789",
    "actions": ["created"],
    "application_id": 2069392825111111,
    "attempts": 1,
    "sent": "2019-04-08T16:36:30.000Z",
    "received": "2019-04-08T16:36:30.000Z",
}

QUESTION = {
    "date_created": "2021-02-16T14:50:27.938-04:00",
    "item_id": "MLA903218023",
    "seller_id": 123456789,
    "status": "UNANSWERED",
    "text": "Texto de la pregunta.",
    "id": 11764931832,
    "deleted_from_listing": False,
    "hold": False,
    "suspected_spam": False,
    "answer": None,
    "from": {"id": 162981404},
}

ANSWERED_QUESTION = {
    **QUESTION,
    "status": "ANSWERED",
    "answer": {"text": "Sí, tenemos stock.", "status": "ACTIVE", "date_created": "2021-02-16T14:52:13.580-04:00"},
}

PACK = {
    "paging": {"limit": 10, "offset": 0, "total": 2},
    "conversation_status": {
        "path": "/packs/2000000089077943/seller/123456789",
        "status": "active",
        "substatus": None,
        "status_date": "2019-04-08T16:36:30.000Z",
    },
    "messages": [
        {
            "id": "0b5e2a2b4c5f4ef2a1c0b6f3d9e8a7c6",
            "site_id": "MLA",
            "client_id": 2069392825111111,
            "from": {"user_id": 415458330},
            "to": {"user_id": 123456789},
            "status": "available",
            "subject": None,
            "text": "Hola, ¿cuándo llega mi pedido?",
            "message_date": {
                "received": "2019-04-08T16:36:30.000Z",
                "available": "2019-04-08T16:36:30.000Z",
                "notified": "2019-04-08T16:36:31.000Z",
                "created": "2019-04-08T16:36:30.000Z",
                "read": None,
            },
            "message_moderation": {"status": "clean", "reason": "", "source": "online", "moderation_date": None},
            "message_attachments": None,
            "message_resources": [{"id": "2000000089077943", "name": "packs"}, {"id": "123456789", "name": "sellers"}],
            "conversation_first_message": False,
        },
        {
            "id": "9a8b7c6d5e4f",
            "from": {"user_id": 123456789},
            "to": {"user_id": 415458330},
            "text": "¡Gracias por tu compra!",
            "message_date": {"created": "2019-04-08T12:00:00.000Z"},
            "message_resources": [{"id": "2000000089077943", "name": "packs"}, {"id": "123456789", "name": "sellers"}],
        },
    ],
}

TOKEN = {
    "access_token": "APP_USR-123456-090515-8cc4448aac10d5105474e1351-1234567",
    "token_type": "bearer",
    "expires_in": 21600,
    "scope": "offline_access read write",
    "user_id": 1234567,
    "refresh_token": "TG-5b9032b4e23464aed1f959f-1234567",
}

ITEM = {
    "id": "MLA903218023",
    "site_id": "MLA",
    "title": "Item De Testeo, Por Favor No Ofertar",
    "seller_id": 123456789,
    "category_id": "MLA3530",
    "price": 350,
    "currency_id": "ARS",
    "available_quantity": 10,
    "condition": "new",
    "permalink": "https://articulo.mercadolibre.com.ar/MLA-903218023-item-de-testeo-por-favor-no-ofertar-_JM",
}

# A buyer's photo in a post-sale message ("Post-sale messaging": message_attachments).
MESSAGE_WITH_PHOTO = {
    **PACK["messages"][0],
    "id": "5f2e1d0c9b8a",
    "text": "",
    "message_attachments": [
        {
            "filename": "415458330_7a9a6ff1-1a1b-4c4d-9e9f-0a1b2c3d4e5f.png",
            "original_filename": "foto.png",
            "type": "image/png",
            "size": 2048,
            "date_created": "2019-04-08T16:40:00.000Z",
            "potential_security_threat": False,
        }
    ],
}

USER = {
    "id": 162981404,
    "nickname": "TETE2870021",
    "registration_date": "2016-01-06T11:31:42.000-04:00",
    "country_id": "AR",
    "user_type": "normal",
    "site_id": "MLA",
    "permalink": "http://perfil.mercadolibre.com.ar/TETE2870021",
}

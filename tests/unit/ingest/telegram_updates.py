"""Telegram Bot API updates, written from the objects the Bot API reference documents
(https://core.telegram.org/bots/api#update, #message, #user, #chat, #photosize, #document, #voice, #sticker,
#location, #contact, #callbackquery, #inlinekeyboardmarkup, #inlinekeyboardbutton): every field used here is a
documented field of that object, with values of its documented type. Ids are the sandbox's (bot 7000000001)."""

BOT_ID = "7000000001"
CHAT_ID = 123456789
DATE = 1767225600  # 2026-01-01T00:00:00Z

USER = {"id": CHAT_ID, "is_bot": False, "first_name": "Ana", "last_name": "Lima", "language_code": "es"}
PRIVATE_CHAT = {"id": CHAT_ID, "first_name": "Ana", "last_name": "Lima", "type": "private"}
BOT_USER = {"id": int(BOT_ID), "is_bot": True, "first_name": "Parley Sandbox", "username": "parley_sandbox_bot"}


def message(message_id: int = 42, **content: object) -> dict:
    return {"message_id": message_id, "from": USER, "chat": PRIVATE_CHAT, "date": DATE, **content}


def update(update_id: int = 900000001, **kinds: object) -> dict:
    return {"update_id": update_id, **kinds}


TEXT = update(message=message(text="hola, buenos días"))

# A photo arrives in every size Telegram made of it (#photosize), smallest first.
PHOTO = update(
    message=message(
        43,
        photo=[
            {"file_id": "AgACAgQAAxk-small", "file_unique_id": "AQADs", "file_size": 1201, "width": 90, "height": 67},
            {
                "file_id": "AgACAgQAAxk-large",
                "file_unique_id": "AQADl",
                "file_size": 51234,
                "width": 1280,
                "height": 960,
            },
            {
                "file_id": "AgACAgQAAxk-medium",
                "file_unique_id": "AQADm",
                "file_size": 10234,
                "width": 320,
                "height": 240,
            },
        ],
        caption="my receipt",
    )
)

DOCUMENT = update(
    message=message(
        44,
        document={
            "file_name": "invoice.pdf",
            "mime_type": "application/pdf",
            "file_id": "BQACAgQAAxk-doc",
            "file_unique_id": "AgADdoc",
            "file_size": 48213,
        },
    )
)

VOICE = update(
    message=message(
        45,
        voice={
            "duration": 3,
            "mime_type": "audio/ogg",
            "file_id": "AwACAgQAAxk-voice",
            "file_unique_id": "AgADv",
            "file_size": 9000,
        },
    )
)

STICKER = update(
    message=message(
        46,
        sticker={
            "width": 512,
            "height": 512,
            "emoji": "👍",
            "set_name": "HotCherry",
            "is_animated": False,
            "is_video": False,
            "type": "regular",
            "file_id": "CAACAgIAAxk-sticker",
            "file_unique_id": "AgADst",
            "file_size": 24000,
        },
    )
)

LOCATION = update(message=message(47, location={"latitude": -34.6037, "longitude": -58.3816}))

CONTACT = update(message=message(48, contact={"phone_number": "+5491155550000", "first_name": "Juan", "user_id": 555}))

REPLY = update(message=message(49, text="yes, that one", reply_to_message=message(41, text="which one?")))

EDITED = update(900000002, edited_message={**message(42, text="hola, buenas tardes"), "edit_date": DATE + 60})

# The bot's message with an inline keyboard (#inlinekeyboardmarkup), as the tap's `message` carries it.
KEYBOARD_MESSAGE = {
    "message_id": 50,
    "from": BOT_USER,
    "chat": PRIVATE_CHAT,
    "date": DATE,
    "text": "Did that solve it?",
    "reply_markup": {
        "inline_keyboard": [
            [{"text": "Yes, thanks", "callback_data": "solved:yes"}],
            [{"text": "No", "callback_data": "solved:no"}],
        ]
    },
}

CALLBACK = update(
    900000003,
    callback_query={
        "id": "4382bfdwdsb323b2d9",
        "from": USER,
        "message": KEYBOARD_MESSAGE,
        "chat_instance": "-6203928471263526771",
        "data": "solved:no",
    },
)

CHANNEL_POST = update(
    900000004,
    channel_post={
        "message_id": 7,
        "chat": {"id": -1001234567890, "type": "channel", "title": "News"},
        "date": DATE,
        "text": "hi",
    },
)

INLINE_QUERY = update(900000005, inline_query={"id": "99", "from": USER, "query": "shoes", "offset": ""})

import pytest

from parley_router.phrases import asks_to_start_over, holding_message, phrases, restarted_message


@pytest.mark.parametrize(
    "text",
    [
        "reset",
        "Start over!",
        "  MENU ",
        "Menú",
        "empezar de nuevo",
        "Recomeçar",
        "रीसेट",
        "phir se shuru karo",
        "மீண்டும் தொடங்கு",
        "మళ్ళీ ప్రారంభించు",
    ],
)
def test_a_whole_message_asking_to_start_over_in_any_language(text):
    assert asks_to_start_over(text)


@pytest.mark.parametrize("text", ["what is on the menu?", "reset my password please", "hello", "", "मेनू में क्या है"])
def test_questions_that_merely_contain_the_words_are_not_resets(text):
    assert not asks_to_start_over(text)


def test_every_language_that_can_ask_to_start_over_gets_an_answer_in_it():
    data = phrases()
    assert set(data.reset_requests) <= set(data.restarted)
    assert restarted_message("es").startswith("Empecemos") and restarted_message("xx") == data.restarted["en"]


def test_holding_messages_fall_back_to_english():
    assert "persona" in holding_message("customer_asked", "es")
    assert holding_message("low_confidence", "fr") == phrases().holding["unsure"]["en"]

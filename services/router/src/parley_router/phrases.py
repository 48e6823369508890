"""What the bot says when it steps aside, in the customer's language (English when we have none)."""

_HOLDING: dict[str, dict[str, str]] = {
    "customer_asked": {
        "en": "Of course. I'm passing you to a person from our team; they'll reply here shortly.",
        "es": "Por supuesto. Te paso con una persona de nuestro equipo; te responderá aquí en breve.",
        "pt": "Claro. Vou passar você para uma pessoa da nossa equipe; ela responderá aqui em breve.",
        "hi": "ज़रूर। मैं आपको हमारी टीम के एक व्यक्ति से जोड़ रहा हूँ; वे जल्द ही यहीं जवाब देंगे।",
        "ta": "நிச்சயமாக. உங்களை எங்கள் குழுவைச் சேர்ந்த ஒருவரிடம் இணைக்கிறேன்; அவர் விரைவில் இங்கே பதிலளிப்பார்.",
        "te": "తప్పకుండా. మిమ్మల్ని మా బృందంలోని ఒకరికి కలుపుతున్నాను; వారు త్వరలో ఇక్కడే సమాధానం ఇస్తారు.",
    },
    "unsure": {
        "en": "I don't want to guess on that one, so I've asked a person from our team to help; they'll reply here shortly.",
        "es": "Prefiero no adivinar, así que he pedido ayuda a una persona de nuestro equipo; te responderá aquí en breve.",
        "pt": "Prefiro não chutar, então pedi ajuda a uma pessoa da nossa equipe; ela responderá aqui em breve.",
        "hi": "मैं अंदाज़ा नहीं लगाना चाहता, इसलिए मैंने हमारी टीम के एक व्यक्ति से मदद माँगी है; वे जल्द ही यहीं जवाब देंगे।",
        "ta": "இதை ஊகிக்க விரும்பவில்லை, எனவே எங்கள் குழுவைச் சேர்ந்த ஒருவரிடம் உதவி கேட்டுள்ளேன்; அவர் விரைவில் இங்கே பதிலளிப்பார்.",
        "te": "దీనిని ఊహించాలనుకోవడం లేదు, అందుకే మా బృందంలోని ఒకరిని సహాయం అడిగాను; వారు త్వరలో ఇక్కడే సమాధానం ఇస్తారు.",
    },
}


def holding_message(reason: str, language: str) -> str:
    table = _HOLDING["customer_asked" if reason == "customer_asked" else "unsure"]
    return table.get(language, table["en"])

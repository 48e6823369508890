#!/usr/bin/env python3
"""Build heldout9/messages.jsonl from the hand-written table below.

Each row: (tenant, section code or None, wants_human, sentiment, text); the language is the block's.
Section codes: A<n> = aurora, S<n> = solmar, D<n> = demo; expanded to the exact FAQ heading strings.
None means answerable=false, section=null.

Checks before writing (any failure: nothing is written, exit status 1):
  - the heading table below equals the numbered headings parsed from the three FAQ files;
  - every section code belongs to its row's tenant;
  - every text is 20-170 characters long and unique;
  - no text shares a run of five consecutive words with any FAQ text (lower case, accents removed);
  - hi/ta/te are half native script per tenant, the native script being the language's own
    (Devanagari / Tamil / Telugu), the other half without any Indic letters; other languages have none;
  - each language has the designed number of rows per tenant.

Run from the repository root: python3 tests/data/heldout9/build.py
FAQ locations can be overridden with EVAL_DIR (aurora/solmar .txt) and DEMO_FAQ.

Use: measurement only - never tune on this set.
"""

import json
import os
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
EVAL_DIR = Path(os.environ.get("EVAL_DIR", REPO.parent / "shared" / "eval"))
DEMO_FAQ = Path(os.environ.get("DEMO_FAQ", REPO / "deploy" / "local" / "sample" / "demo-faq.md"))
PREFIX = "h9"

HEADINGS = {
    "A": [
        "1. Shipping times",
        "2. Shipping costs",
        "3. International shipping",
        "4. Order tracking",
        "5. Returns",
        "6. Refund timing",
        "7. Warranty",
        "8. Payment methods",
        "9. Installments (meses sin intereses)",
        "10. Invoices (CFDI / nota fiscal)",
        "11. Store pickup locations and hours",
        "12. Price match",
        "13. Order cancellation",
        "14. Damaged or wrong items",
        "15. Trade-in program",
        "16. Customer support hours and channels",
    ],
    "S": [
        "1. Reservas",
        "2. Cambios de fecha",
        "3. Cancelaciones y reembolsos",
        "4. Equipaje",
        "5. Documentación y visados",
        "6. Formas de pago y cuotas",
        "7. Seguro de viaje",
        "8. Viajar con mascotas",
        "9. Check-in online",
        "10. Horario de atención",
        "11. Promociones y cupones",
        "12. Facturación",
        "13. Grupos y eventos",
        "14. Accesibilidad",
    ],
    "D": [
        "1. Opening hours",
        "2. Address and parking",
        "3. Delivery",
        "4. Returns",
        "5. Warranty",
        "6. Repairs and servicing",
        "7. Bike rental",
        "8. Trade-in of used bikes",
        "9. Payment methods",
        "10. Contact us",
    ],
}
CODE_TENANT = {"A": "aurora", "S": "solmar", "D": "demo"}
SENT = {"pos": "positive", "neu": "neutral", "neg": "negative"}
T, F = True, False

# designed rows per language: (aurora, solmar, demo)
DESIGN = {
    "en": (20, 18, 10),
    "es": (20, 18, 10),
    "pt": (20, 18, 10),
    "hi": (20, 18, 10),
    "ta": (20, 18, 10),
    "te": (20, 18, 10),
    "fr": (3, 3, 1),
    "it": (3, 3, 1),
    "de": (3, 3, 1),
}
NATIVE_RANGE = {"hi": ("\u0900", "\u097f"), "ta": ("\u0b80", "\u0bff"), "te": ("\u0c00", "\u0c7f")}

# ---------------------------------------------------------------------------------------------
# The table. One block per language; rows: (tenant, code, wants_human, sentiment, text)
# ---------------------------------------------------------------------------------------------
ROWS = {}

ROWS["en"] = [
    # aurora
    (
        "aurora",
        "A1",
        F,
        "neg",
        "paid for a monitor friday around 4pm and it still hasn't left?? when is it actually supposed to ship, monday??",
    ),
    (
        "aurora",
        "A2",
        F,
        "neu",
        "thinking about getting aurora plus. does that make express shipping free on everything or only on big orders?",
    ),
    (
        "aurora",
        "A3",
        F,
        "pos",
        "your prices are honestly the best i've found 🙌 i'm in san diego, can i pay w my US card and have it delivered to my sister in tijuana?",
    ),
    (
        "aurora",
        "A5",
        F,
        "neu",
        "don't need to talk to anyone, just tell me: bluetooth speaker delivered 25 days ago, never opened, can i still send it back?",
    ),
    (
        "aurora",
        "A6",
        F,
        "neg",
        "sent my laptop back 2 weeks ago and STILL no refund. paid with paypal. how long is this supposed to take",
    ),
    (
        "aurora",
        "A8",
        F,
        "pos",
        "stoked, finally found the fridge i wanted! can i split the payment between my visa and my wife's mastercard?",
    ),
    (
        "aurora",
        "A10",
        F,
        "neu",
        "paid on the 3rd of this month and forgot to ask for my CFDI. today's the 21st, am i still in time?",
    ),
    (
        "aurora",
        "A12",
        F,
        "neu",
        "the same blender is 300 pesos cheaper at Coppel rn. if i send you the link before buying, will you match it?",
    ),
    (
        "aurora",
        "A13",
        F,
        "neu",
        "preordered a game console that comes out next month and changed my mind. can i still cancel or is it too late",
    ),
    (
        "aurora",
        "A14",
        T,
        "neu",
        "new tv arrived this morning with a crack across the screen. could someone call me about it? also how many days do i have to report it",
    ),
    ("aurora", "A16", F, "neu", "what's the support email for mexico? i'd rather write it all out than chat"),
    ("aurora", None, F, "neu", "can i pause my aurora plus membership for a few months while i'm traveling?"),
    (
        "aurora",
        None,
        F,
        "neu",
        "is the polanco store wheelchair accessible? my mom uses one and wants to pick up her order herself",
    ),
    ("aurora", None, F, "neu", "do you sell refurbished phones or only brand new ones?"),
    ("aurora", None, F, "neu", "if i take store credit instead of the refund, does that credit expire at some point?"),
    (
        "aurora",
        None,
        F,
        "neg",
        "third time asking... is there parking at the coyoacan store or not?? simple question honestly",
    ),
    (
        "aurora",
        None,
        F,
        "neg",
        "ordered a 27 inch monitor and got a 24 inch one. honestly not impressed with you guys.",
    ),
    ("aurora", None, T, "neu", "is a human actually reading this or is this all automated?"),
    (
        "aurora",
        None,
        T,
        "neg",
        "ok that's the same returns paragraph three times now. please put someone from your returns team on this",
    ),
    (
        "aurora",
        None,
        T,
        "neg",
        "would like a call from the Andares store manager about how i was treated at pickup yesterday. not ok at all.",
    ),
    # solmar
    (
        "solmar",
        "S1",
        F,
        "neu",
        "booked a hotel + flight package for next august. how much do i pay now and when is the rest due?",
    ),
    (
        "solmar",
        "S2",
        F,
        "neu",
        "we need to push our package back a week, we leave in about 3 weeks. what does that cost us?",
    ),
    ("solmar", "S3", F, "neu", "if solmar itself cancels our cruise, do we get all the money back or just a voucher?"),
    (
        "solmar",
        "S4",
        F,
        "pos",
        "finally going surfing in fuerteventura!! 🏄 how far ahead do i have to request the board and what does it cost?",
    ),
    (
        "solmar",
        "S6",
        F,
        "neg",
        "your site won't let me choose bank transfer and the trip is in 5 days. why?? this is so annoying",
    ),
    ("solmar", "S8", F, "neu", "how far in advance do i need to request a spot for my dog on the flight?"),
    ("solmar", "S10", F, "neu", "what's the emergency number if something goes wrong while we're abroad?"),
    (
        "solmar",
        "S12",
        F,
        "neu",
        "booked last week and forgot to put my company's name for the invoice. can i still get that sorted?",
    ),
    (
        "solmar",
        "S14",
        T,
        "neu",
        "my dad uses an electric wheelchair, what do you need to know about it and how early? honestly i'd rather go through this with someone on the phone",
    ),
    ("solmar", None, F, "neu", "do your cancun packages include the transfer from the airport to the hotel?"),
    ("solmar", None, F, "neu", "does seguro solmar total cover scuba diving accidents?"),
    ("solmar", None, F, "neu", "what's the address of your office in buenos aires?"),
    (
        "solmar",
        None,
        F,
        "neg",
        "seriously nobody can tell me if there's a single supplement for solo travellers on packages? been waiting since yesterday",
    ),
    (
        "solmar",
        None,
        F,
        "neg",
        "the 'sea view' room in our package looked straight at a parking garage. really disappointed in solmar this time.",
    ),
    (
        "solmar",
        None,
        T,
        "neg",
        "your chat keeps going in circles. could a real travel agent call me back this afternoon? way easier to explain by voice",
    ),
    (
        "solmar",
        None,
        T,
        "neu",
        "passport got stolen in hanoi yesterday and our flight is in two days. i need to talk to someone, not a bot.",
    ),
    (
        "solmar",
        None,
        T,
        "neu",
        "i'd like to speak with lucia, the agent at your valencia office who booked our honeymoon",
    ),
    (
        "solmar",
        None,
        T,
        "neg",
        "you charged my card twice for one booking and your assistant keeps pasting the refund policy. get someone from billing on this please",
    ),
    # demo
    ("demo", "D1", F, "neu", "are you open on sundays? want to come check out gravel bikes with my partner"),
    (
        "demo",
        "D3",
        F,
        "neu",
        "my cousin lives abroad, can you ship a bike to her? want to surprise her for her birthday",
    ),
    (
        "demo",
        "D5",
        T,
        "neu",
        "my e-bike motor started grinding, bought it 8 months ago. is that covered? would like to talk to whoever handles warranty",
    ),
    (
        "demo",
        "D7",
        F,
        "pos",
        "we loved the city bikes last summer! how much is an e-bike for 2 days and what do i need to bring?",
    ),
    ("demo", None, F, "neu", "do you do bike fitting? my knees hurt after long rides on my road bike"),
    ("demo", None, F, "neu", "is there a cheaper rate if i rent a city bike for a whole month?"),
    ("demo", None, F, "neg", "asked twice already. how much do you charge to true a wheel? it wobbles"),
    (
        "demo",
        None,
        F,
        "neg",
        "picked up my bike after the service yesterday and the rear brake is rubbing again. not great.",
    ),
    ("demo", None, T, "neu", "could the guy who did my full service last week give me a ring? gears feel off"),
    (
        "demo",
        None,
        T,
        "neg",
        "asked about my order three times and the auto replies are useless. i want a person from the shop",
    ),
]

ROWS["es"] = [
    # aurora
    ("aurora", "A1", F, "neu", "vivo en La Paz, BCS. cuanto tarda mas o menos un envio normal hasta aca?"),
    (
        "aurora",
        "A2",
        T,
        "neu",
        "cuanto sale el envio express a guadalajara? y la neta prefiero que alguien me marque para hacer el pedido por tel",
    ),
    (
        "aurora",
        "A4",
        F,
        "neu",
        "ya me llego el correo con la guia de estafeta pero en su pagina no aparece nada, es normal??",
    ),
    ("aurora", "A5", F, "neu", "puedo devolver una bocina en la tienda de Coyoacán en vez de mandarla por paqueteria?"),
    (
        "aurora",
        "A7",
        F,
        "neu",
        "se me cayo el cel y se estrello la pantalla, lo compre hace 2 meses. entra en la garantia de aurora?",
    ),
    ("aurora", "A9", F, "neg", "ya pague a 6 msi pero me conviene mas a 12, no se puede cambiar?? que mal"),
    (
        "aurora",
        "A10",
        F,
        "neu",
        "para la factura pongo la razon social tal cual viene en la constancia o la puedo abreviar?",
    ),
    ("aurora", "A11", F, "neu", "mi mamá va a pasar por mi pedido a Andares porque yo trabajo, que tiene que llevar?"),
    (
        "aurora",
        "A13",
        F,
        "neg",
        "neta no puedo quitar nomas la funda del pedido?? tengo que cancelar todo y volver a pedir??",
    ),
    ("aurora", "A15", F, "neu", "quiero dar mi ipad viejo a cambio pero ya no prende, me lo aceptan?"),
    ("aurora", "A16", F, "neu", "tengo aurora plus, a que numero les puedo llamar?"),
    (
        "aurora",
        None,
        F,
        "pos",
        "me encanto mi compra pasada!! me pueden mandar el pedido envuelto para regalo? es para el cumple de mi novia",
    ),
    ("aurora", None, F, "neu", "si pago una parte con mi saldo de aurora y lo demas con tarjeta, se puede?"),
    ("aurora", None, F, "neu", "cuando empieza el hot sale este año? quiero esperarme para la laptop"),
    (
        "aurora",
        None,
        F,
        "neg",
        "ya van dos veces que pregunto y nada: tienen servicio de instalacion para los minisplit o no?",
    ),
    (
        "aurora",
        None,
        F,
        "neu",
        "puedo cambiar la direccion de entrega si el pedido ya salio? me voy a mudar esta semana",
    ),
    ("aurora", None, F, "neg", "el repartidor dejo mi paquete con el vecino sin avisar y llego todo mojado. pesimo."),
    ("aurora", None, T, "neu", "oigan hay alguien de carne y hueso por ahi?"),
    ("aurora", None, T, "neg", "ya me canse de hablar con una maquina, comuniqueme con alguien de verdad"),
    (
        "aurora",
        None,
        T,
        "neg",
        "antes de ir a Profeco quiero que el encargado de reembolsos revise mi caso. llevo 3 semanas esperando",
    ),
    # solmar
    ("solmar", "S1", F, "neu", "reservé hace 10 min y no me ha llegado el localizador, tarda mucho?"),
    ("solmar", "S2", F, "neu", "no puedo viajar y quiero pasarle la reserva a mi primo, cuanto cuesta eso?"),
    ("solmar", "S3", F, "neu", "si cancelamos el paquete a Cancún 30 días antes de salir, cuánto nos cobran?"),
    ("solmar", "S5", F, "neu", "soy español y me voy a Nueva York en 10 días, necesito algo más aparte del pasaporte?"),
    (
        "solmar",
        "S7",
        F,
        "neg",
        "vaya tela... reservé hace una semana y ahora me dicen que el Seguro Total ya no me cubre la cancelación?? es así?",
    ),
    (
        "solmar",
        "S9",
        F,
        "pos",
        "¡qué ganas de irnos a Punta Cana! 🌴 el vuelo es chárter del paquete, cuándo hacemos el check-in online?",
    ),
    (
        "solmar",
        "S10",
        T,
        "neu",
        "hasta que hora atienden el telefono de México? necesito que un asesor me llame hoy mismo",
    ),
    (
        "solmar",
        "S11",
        F,
        "neu",
        "no hace falta que me pases con nadie, solo dime: tengo el cupon de bienvenida y otro de una promo, puedo usar los dos?",
    ),
    (
        "solmar",
        "S13",
        F,
        "pos",
        "somos 12 amigas para una despedida de soltera 🥂 hay algun precio especial por ser grupo?",
    ),
    ("solmar", None, F, "neu", "los niños menores de 2 años pagan en los paquetes?"),
    ("solmar", None, F, "neu", "para ir a Kenia, aparte de la e-visa, necesito la vacuna de fiebre amarilla?"),
    (
        "solmar",
        None,
        F,
        "neu",
        "venden tarjetas regalo de Solmar? quiero regalarle un viaje a mis papás por su aniversario",
    ),
    (
        "solmar",
        None,
        F,
        "neg",
        "es la tercera vez que pregunto si las propinas del crucero van incluidas y nada. qué servicio...",
    ),
    (
        "solmar",
        None,
        F,
        "neg",
        "llegamos al hotel de Tulum y la alberca estuvo cerrada toda la semana, nadie nos aviso. una decepcion.",
    ),
    ("solmar", None, T, "neu", "me puede llamar alguien despues de las 6? en el trabajo no puedo contestar"),
    ("solmar", None, T, "neu", "me pasas con alguien que sepa de visados? tengo un lio con la e-visa de Vietnam"),
    ("solmar", None, T, "neg", "otra vez respuestas automaticas... de verdad no hay ningun humano trabajando ahi?"),
    (
        "solmar",
        None,
        T,
        "neg",
        "me cobraron un cambio de fecha que yo no pedi. quiero que lo revise un responsable, no un robot",
    ),
    # demo
    ("demo", "D2", F, "neu", "hay sitio para aparcar el coche cerca de la tienda?"),
    (
        "demo",
        "D4",
        F,
        "neu",
        "me mandasteis una cadena que no es la que pedí, tengo que pagar yo el envío para devolverla?",
    ),
    ("demo", "D6", F, "neu", "cuanto cuesta una revisión completa? y cuanto tardáis más o menos?"),
    (
        "demo",
        "D9",
        T,
        "neu",
        "se puede pagar la bici electrica de 1.200 € a 12 meses? prefiero que me lo explique alguien por telefono",
    ),
    ("demo", None, F, "neu", "hacéis salidas en grupo los fines de semana?"),
    ("demo", None, F, "neu", "vendéis bicis de segunda mano?"),
    (
        "demo",
        None,
        F,
        "neg",
        "os lo pregunto por tercera vez: tenéis kits para convertir una bici normal en eléctrica o no?",
    ),
    ("demo", None, F, "neg", "me cambiasteis la cubierta hace 3 días y ya está pinchada otra vez. qué desastre."),
    ("demo", None, T, "neu", "quiero hablar con quien lleve los alquileres, tuve un problema con la fianza"),
    ("demo", None, T, "neg", "el asistente no me sirve para nada, que me conteste una persona del equipo porfa"),
]

ROWS["pt"] = [
    # aurora
    ("aurora", "A3", F, "neu", "dá pra comprar no site do México e mandar entregar aqui em Curitiba?"),
    (
        "aurora",
        "A4",
        F,
        "neg",
        "meu pedido tá parado em 'em trânsito' nos Correios faz uma semana, já tô ficando irritado. o que eu faço?",
    ),
    ("aurora", "A6", F, "neu", "devolvi o fone ontem, tinha pago no pix. quanto tempo pro dinheiro cair?"),
    ("aurora", "A7", F, "neu", "quanto sai o Aurora Protege de 24 meses num notebook de R$ 4.000?"),
    ("aurora", "A8", F, "neu", "vcs aceitam cartão Elo? e se eu pagar no pix tem desconto msm?"),
    ("aurora", "A9", F, "neu", "quero parcelar uma TV de R$ 3.200 em 12x, vai ter juros?"),
    ("aurora", "A10", F, "neu", "comprei ontem e a nota fiscal não chegou no meu email, quando ela vem?"),
    ("aurora", "A11", F, "pos", "amei a loja da Barra da última vez! ela abre domingo? queria retirar meu pedido"),
    (
        "aurora",
        "A12",
        F,
        "neg",
        "comprei o notebook semana passada e agora tá mais barato no próprio site de vcs 😤 devolvem a diferença?",
    ),
    (
        "aurora",
        "A14",
        T,
        "neu",
        "veio o celular errado, pedi o azul de 256 e chegou o preto de 128. tenho que pagar pra devolver? queria falar com um atendente",
    ),
    ("aurora", "A15", F, "neu", "a cotação do troca vale por quanto tempo? ainda tô pensando se mando meu tablet"),
    ("aurora", None, F, "neu", "vcs têm programa de pontos ou cashback?"),
    ("aurora", None, F, "neu", "tem como agendar um horário pra retirar na loja de Pinheiros?"),
    ("aurora", None, F, "neu", "o Aurora Plus tem período de teste grátis?"),
    ("aurora", None, F, "neu", "vcs vendem no atacado pra empresa? preciso de uns 30 notebooks com desconto"),
    (
        "aurora",
        None,
        F,
        "neg",
        "perguntei ontem e ninguém respondeu: a Aurora recolhe eletrônico velho pra reciclagem ou não?",
    ),
    (
        "aurora",
        None,
        F,
        "neg",
        "comprei uma smart TV e o controle remoto não veio na caixa. decepcionado demais com vcs.",
    ),
    ("aurora", None, T, "neu", "vcs são robô ou gente? preciso resolver uma coisa chata aqui"),
    ("aurora", None, T, "neg", "se ninguém me ligar até amanhã vou abrir reclamação no Procon. quero atendente humano"),
    (
        "aurora",
        None,
        T,
        "neg",
        "preciso que alguém da equipe de garantia veja meu caso, o notebook voltou do conserto com o mesmo defeito",
    ),
    # solmar
    ("solmar", "S2", F, "neu", "tenho a Tarifa Flexível Solmar, a primeira mudança de data sai de graça mesmo?"),
    ("solmar", "S4", F, "neu", "a mala de mão pode ter quantos quilos? e qual o tamanho?"),
    ("solmar", "S5", F, "pos", "tô muito animada com a viagem pra Índia!! vcs fazem o visto eletrônico? quanto custa?"),
    ("solmar", "S6", F, "neu", "moro em Santiago, dá pra parcelar a viagem em cuotas aqui no Chile?"),
    ("solmar", "S8", F, "neu", "meu gato com a caixinha dá uns 9 kg, ele pode ir na cabine comigo?"),
    (
        "solmar",
        "S9",
        T,
        "neg",
        "qual localizador eu uso no check-in da companhia? o de vcs dá erro, que saco. alguém pode me ligar pra ajudar?",
    ),
    ("solmar", "S10", F, "neu", "qual o email de atendimento de vcs? quero mandar uns documentos"),
    ("solmar", "S11", F, "neu", "não precisa me passar pra atendente não, só me diz: os pontos do Club Solmar vencem?"),
    (
        "solmar",
        "S13",
        F,
        "neu",
        "somos 22 pessoas, viagem de formatura. até quando tem que mandar a lista com os nomes?",
    ),
    ("solmar", None, F, "neu", "o hotel do pacote de Cancún tem wi-fi grátis?"),
    ("solmar", None, F, "neu", "quanto custa o Seguro Total pra uma viagem de 20 dias pela Europa?"),
    ("solmar", None, F, "neu", "preciso de visto pra ir pro Japão com passaporte brasileiro?"),
    (
        "solmar",
        None,
        F,
        "neg",
        "sério que ninguém sabe me dizer se o cruzeiro tem cabine adaptada pra cadeirante? já perguntei duas vezes",
    ),
    (
        "solmar",
        None,
        F,
        "neg",
        "o transfer do aeroporto não apareceu e a gente ficou 2 horas esperando em Punta Cana. nunca mais.",
    ),
    ("solmar", None, T, "neu", "oi, gostaria que um consultor de viagens entrasse em contato comigo pelo whatsapp"),
    ("solmar", None, T, "neg", "não aguento mais resposta pronta. me passa pra uma pessoa, por favor"),
    (
        "solmar",
        None,
        T,
        "neu",
        "minha mãe de 78 anos vai viajar sozinha e não mexe com app, alguém pode ligar pra ela e explicar tudo?",
    ),
    (
        "solmar",
        None,
        T,
        "neg",
        "cancelaram meu voo de volta e ninguém me avisa nada. quero alguém responsável pelo meu caso agora",
    ),
    # demo
    ("demo", "D1", F, "neu", "até que horas a oficina recebe bike na sexta?"),
    (
        "demo",
        "D3",
        T,
        "neu",
        "comprei uma bike no site, quanto tempo demora a entrega? prefiro falar com alguém da loja pra combinar",
    ),
    (
        "demo",
        "D8",
        F,
        "pos",
        "tô doido pra pegar uma gravel nova 😍 dá pra dar minha speed velha como parte do pagamento?",
    ),
    ("demo", "D10", F, "neu", "qual o whatsapp da loja? é mais fácil pra mim"),
    ("demo", None, F, "neu", "vcs dão aula de pedal pra adulto que nunca andou de bike?"),
    ("demo", None, F, "neu", "posso levar a bike alugada dentro do bonde?"),
    ("demo", None, F, "neg", "já perguntei e nada: quanto custa montar uma bike sob medida com vcs?"),
    ("demo", None, F, "neg", "a bike chegou com o guidão torto dentro da caixa. não gostei nada."),
    ("demo", None, T, "neu", "queria falar com a moça que me atendeu no sábado, ela já sabia do meu pedido"),
    ("demo", None, T, "neg", "o assistente só me manda horário de funcionamento. quero uma pessoa de verdade"),
]

ROWS["hi"] = [
    # aurora - Devanagari
    ("aurora", "A1", F, "neu", "मैं ग्वादलहारा में रहता हूँ, नॉर्मल डिलीवरी में कितने दिन लगते हैं?"),
    ("aurora", "A4", F, "neu", "कल ऑर्डर किया था, ट्रैकिंग नंबर कब और कहाँ मिलेगा?"),
    ("aurora", "A6", F, "neu", "रिफंड की जगह स्टोर क्रेडिट लूँ तो वो कितनी जल्दी आएगा?"),
    ("aurora", "A9", F, "neu", "ब्राज़ील वाली साइट पर R$ 900 का फ़ोन 10 किस्तों में ले सकता हूँ क्या? ब्याज लगेगा?"),
    ("aurora", "A13", F, "neg", "ऑर्डर अब 'Shipped' दिखा रहा है और मुझे कैंसल करना था, अब क्या करूँ? बहुत परेशान हूँ"),
    ("aurora", "A16", F, "neu", "ब्राज़ील के लिए आपका WhatsApp नंबर क्या है?"),
    ("aurora", None, F, "neu", "क्या Aurora Plus की मेंबरशिप घर के दो लोग मिलकर इस्तेमाल कर सकते हैं?"),
    ("aurora", None, F, "neu", "कोयोआकान स्टोर के सबसे पास कौन सा मेट्रो स्टेशन है?"),
    ("aurora", None, F, "neg", "दो हफ़्ते से रिफंड का इंतज़ार कर रहा हूँ, आपकी सर्विस से बहुत निराश हूँ।"),
    ("aurora", None, T, "neg", "लैपटॉप वारंटी में है पर 40 दिन से रिपेयर में अटका है। किसी सीनियर अधिकारी से बात करवाइए।"),
    # aurora - Hinglish
    (
        "aurora",
        "A2",
        F,
        "neg",
        "yaar tumhare yahan shipping itni mehngi kyu hai 🙄 65 inch TV lena hai, kitna lagega? express milega kya?",
    ),
    ("aurora", "A5", F, "neu", "bhai speaker ka box galti se phek diya, 10 din hue hai. ab bhi return ho jayega kya?"),
    ("aurora", "A11", F, "neu", "pickup code aa gaya but main 10 din baad hi store ja paunga, tab tak order rakhoge?"),
    (
        "aurora",
        "A12",
        T,
        "neu",
        "Liverpool pe same fridge 2000 sasta hai, price match hoga kya? aur pls kisi agent se baat karwa do, link bhejna hai",
    ),
    (
        "aurora",
        "A15",
        F,
        "pos",
        "pichli baar trade-in ka experience mast tha 👌 ab tablet bheja hai, credit kitne din me aata hai?",
    ),
    ("aurora", None, F, "neu", "Aurora Protege lene ke baad phone bech du toh warranty naye owner ko transfer hogi?"),
    ("aurora", None, F, "neu", "naye laptop pe Windows aur Office install karke doge kya store pe?"),
    ("aurora", None, F, "neg", "kitni baar puchu yaar?? gift card pe apna message ya naam likhwa sakte hai ya nahi"),
    ("aurora", None, T, "neu", "koi mujhe call kar sakta hai kya? typing me bahut time lag raha hai"),
    ("aurora", None, T, "neg", "3 chat ho gaye same issue pe, bas ek insaan chahiye jo mera case dhang se padhe"),
    # solmar - Devanagari
    ("solmar", "S1", F, "neu", "बुकिंग कर ली है पर टिकट अभी जारी नहीं हुआ, क्या फ्लाइट का दाम बदल सकता है?"),
    ("solmar", "S3", F, "neu", "होटल 'फ्री कैंसलेशन' वाला है, वाउचर की तारीख से पहले कैंसल करूँ तो कुछ पैसे कटेंगे?"),
    ("solmar", "S5", F, "neu", "हम भारतीय पासपोर्ट वाले हैं, मिस्र जाना है, क्या Solmar ई-वीज़ा बनवा देगा? कितने का?"),
    ("solmar", "S7", F, "neu", "Seguro Solmar Total में अगर सामान खो जाए तो कितने तक का पैसा मिलता है?"),
    ("solmar", "S14", F, "pos", "आपकी टीम पिछली बार बहुत अच्छी थी 🙏 पापा व्हीलचेयर पर हैं, एयरपोर्ट पर सहायता के अलग पैसे लगेंगे?"),
    ("solmar", None, F, "neu", "बाली वाले पैकेज में कौन-कौन सी जगहें घुमाई जाती हैं?"),
    ("solmar", None, F, "neg", "तीन दिन से पूछ रहा हूँ कि दुबई पैकेज में नाश्ता शामिल है या नहीं, कोई जवाब ही नहीं देता!"),
    ("solmar", None, F, "neg", "होटल की बुकिंग कन्फर्म थी फिर भी रात को कमरा नहीं मिला, बहुत बुरा अनुभव रहा।"),
    ("solmar", None, T, "neu", "मेरी बुकिंग में कुछ गड़बड़ है, कृपया कोई एजेंट मुझे फ़ोन कर ले।"),
    # solmar - Hinglish
    (
        "solmar",
        "S4",
        F,
        "neg",
        "pichli baar airport pe extra bag ke liye bahut loot liya 😒 ab Madrid se Rome ja rahe hai, extra suitcase kitne ka padega?",
    ),
    ("solmar", "S6", F, "neu", "Bizum se 1,200 euro ek baar me pay ho jayega kya?"),
    ("solmar", "S10", F, "neu", "Spain wali phone line pe Saturday ko kitne baje tak call kar sakte hai?"),
    (
        "solmar",
        "S12",
        T,
        "neu",
        "package ke invoice me VAT alag se kyu nahi dikh raha? kisi accounts wale se baat karni hai",
    ),
    ("solmar", None, F, "neu", "Kenya safari package me game drive included hota hai kya?"),
    ("solmar", None, F, "neu", "hotel me pure veg khana milega kya? mummy sirf veg khati hai"),
    ("solmar", None, T, "neu", "koi real travel agent hai kya? honeymoon plan karna hai, bot se nahi hoga yaar"),
    (
        "solmar",
        None,
        T,
        "neg",
        "do hafte se refund ka wait kar raha hu aur ye assistant bas policy chipka raha hai. kisi team lead se call karwao",
    ),
    (
        "solmar",
        None,
        T,
        "neu",
        "Delhi se hu, time zone alag hai. koi insaan mujhe shaam 7 baje IST pe call kar sakta hai?",
    ),
    # demo - Devanagari
    ("demo", "D5", F, "neu", "ब्रेक पैड घिस गए हैं, क्या वारंटी में मुफ़्त बदल दोगे?"),
    ("demo", "D7", F, "neu", "किराये पर साइकिल लेने की कम से कम उम्र क्या है? बेटा 15 साल का है"),
    ("demo", None, F, "neu", "क्या आप इलेक्ट्रिक बाइक के लिए एक्स्ट्रा बैटरी किराये पर देते हो?"),
    ("demo", None, F, "neg", "ऑनलाइन मंगवाया हेलमेट टूटा हुआ आया, बहुत गुस्सा आ रहा है।"),
    ("demo", None, T, "neu", "दुकान के किसी आदमी से सीधे बात करनी है, कृपया कोई फ़ोन कर दे"),
    # demo - Hinglish
    (
        "demo",
        "D9",
        F,
        "pos",
        "aapki shop ki service best hai! dost ke birthday ke liye gift card kitne se start hota hai aur kab tak valid rahega?",
    ),
    (
        "demo",
        "D4",
        T,
        "neu",
        "bike 2 hafte se roz office le ja raha hu, ab pasand nahi. return ho sakti hai? koi staff member call back kare toh better",
    ),
    ("demo", None, F, "neu", "kya aap e-bike pe peeche bachche ki seat fit karte ho?"),
    ("demo", None, F, "neg", "bhai teen baar pucha, Portside ka cycle route map dete ho ya nahi??"),
    ("demo", None, T, "neg", "automated reply se thak gaya hu, koi banda reply karo please"),
]

ROWS["ta"] = [
    # aurora - Tamil script
    ("aurora", "A2", F, "neu", "பிரேசில்ல R$ 250க்கு ஆர்டர் பண்ணா ஷிப்பிங் இலவசமா?"),
    ("aurora", "A3", F, "neu", "அர்ஜென்டினாவுல இருக்குற என் தம்பிக்கு டெலிவரி பண்ணுவீங்களா?"),
    ("aurora", "A7", F, "neu", "லேப்டாப் பேட்டரி ஒரு வருஷத்துல வீக் ஆயிடுச்சு, வாரண்டில மாத்தி தருவீங்களா?"),
    ("aurora", "A10", F, "neu", "CFDI கேட்டேன், PDF எத்தனை மணி நேரத்துல மெயிலுக்கு வரும்?"),
    ("aurora", "A14", F, "neg", "ஆர்டர்ல சார்ஜர் வரவே இல்ல, 3 நாள் ஆச்சு. இப்போ ரிப்போர்ட் பண்ணா என்ன ஆகும்? ரொம்ப எரிச்சலா இருக்கு"),
    ("aurora", "A16", F, "neu", "இமெயில் அனுப்பினா எவ்வளவு நேரத்துல பதில் கிடைக்கும்?"),
    ("aurora", None, F, "neu", "ஆண்ட்ரெஸ் கடையில புது ஃபோனுக்கு ஸ்கிரீன் கார்ட் ஒட்டி தருவீங்களா?"),
    ("aurora", None, F, "neu", "டிவிக்கு சுவர்ல மாட்டுற ஸ்டாண்ட் தனியா விக்கிறீங்களா?"),
    ("aurora", None, F, "neg", "ரெண்டு தடவை டெலிவரி மிஸ் ஆச்சு, கூரியர் ஆள் ஒரு கால் கூட பண்ணல. ரொம்ப கடுப்பா இருக்கு."),
    ("aurora", None, T, "neg", "என் பணம் ஒரு வாரமா மாட்டிக்கிச்சு, இது சரியில்ல. ஒரு மனுஷர்கிட்ட பேசணும்"),
    # aurora - Tanglish
    (
        "aurora",
        "A5",
        F,
        "neu",
        "bro vaangina smartwatch pudikkala, 15 days aachu, use kooda pannala. return panna mudiyuma?",
    ),
    ("aurora", "A8", F, "neu", "OXXO la cash kattanum, evlo neram time kudupeenga? naalaiku dhaan poga mudiyum"),
    (
        "aurora",
        "A11",
        F,
        "pos",
        "semma fast delivery last time 😍 ippo stock la irukra item pickup ku select panna evlo neram la ready aagum?",
    ),
    ("aurora", "A13", F, "neu", "order cancel pannitten, shipping charge um sethu full refund varuma?"),
    (
        "aurora",
        "A15",
        T,
        "neg",
        "trade in quote la sonnadha vida kammiya solreenga, naan accept pannalana phone ah thirumba tharuveengala? oru human kitta pesanum",
    ),
    ("aurora", None, F, "neu", "Hot Sale offers ellaam online la mattum dhaana, store la vaanginaalum kidaikuma?"),
    ("aurora", None, F, "neu", "Aurora la velai vaaipu irukka? Coyoacan store la join panna aasai"),
    ("aurora", None, F, "neg", "moonu vaati kettachu, gaming PC assemble panni tharuveengala illaya? reply pannunga"),
    ("aurora", None, T, "neu", "enakku English la pesura oru agent venum, voice call la pesalama?"),
    ("aurora", None, T, "neg", "bot kitta pesi pesi tired aayiten, nijama yaaravadhu irukeengala anga?"),
    # solmar - Tamil script
    ("solmar", "S2", F, "neu", "ஹோட்டல் புக்கிங் தேதியை மாத்தணும், கிளம்ப இன்னும் 10 நாள் தான் இருக்கு. முடியுமா?"),
    ("solmar", "S4", F, "neu", "ஏர்போர்ட்ல என் பெட்டி உடைஞ்சு வந்துச்சு, இப்போ நான் என்ன பண்ணணும்?"),
    ("solmar", "S7", F, "neu", "ஆசியா ட்ரிப்புக்கு Seguro Solmar Total ஒருத்தருக்கு எவ்வளவு ஆகும்?"),
    ("solmar", "S8", F, "neu", "நாய்க்கு ரேபிஸ் ஊசி போட்டு 5 நாள் தான் ஆச்சு, 4 நாள்ல பயணம். கூட்டிட்டு போகலாமா?"),
    ("solmar", "S13", F, "pos", "நண்பர்கள் 15 பேர் சேர்ந்து போறோம், ரொம்ப எக்ஸைட்டிங்கா இருக்கு! குரூப்புக்கு எவ்வளவு டெபாசிட் கட்டணும்?"),
    ("solmar", None, F, "neu", "மாலத்தீவு பேக்கேஜ்ல ஸ்நோர்கெலிங் சேர்த்து இருக்கா?"),
    ("solmar", None, F, "neg", "ரெண்டு நாளா கேக்குறேன், கைக்குழந்தையை மடியில வச்சு போனா டிக்கெட் காசு உண்டா இல்லையா? யாரும் சொல்லல"),
    ("solmar", None, F, "neg", "ஃப்ளைட் 9 மணி நேரம் லேட், உங்க பக்கம் இருந்து ஒரு தகவலும் வரல. ரொம்ப மோசம்."),
    ("solmar", None, T, "neu", "என் டிக்கெட் விஷயமா ஒருத்தர் நேரடியா பேசினா நல்லா இருக்கும், கால் பண்ண முடியுமா?"),
    # solmar - Tanglish
    ("solmar", "S9", F, "neu", "check-in online eppo open aagum? neenga reminder mail anuppuveengala?"),
    ("solmar", "S11", F, "neg", "welcome coupon use panna try panren, work aagave illa 😤 adhu evlo naal valid?"),
    ("solmar", "S14", F, "neu", "en amma ku guide dog irukku, cabin la free ah kootitu pogalama?"),
    (
        "solmar",
        "S3",
        T,
        "neu",
        "refund ku badhila bono Solmar eduthaa evlo value kidaikum? oru agent kitta confirm pannanum",
    ),
    ("solmar", None, F, "neu", "cruise la South Indian food kidaikuma?"),
    ("solmar", None, F, "neu", "Solmar app la internet illama booking details paakalama?"),
    (
        "solmar",
        None,
        T,
        "neu",
        "booking la periya kozhappam, please oru senior travel consultant kitta connect pannunga",
    ),
    ("solmar", None, T, "neg", "idhu 4th time same question kekkuren, bot ku puriyave illa. human agent please"),
    (
        "solmar",
        None,
        T,
        "neg",
        "Cancun hotel la namma booking illa nu solraanga, lobby la nikkurom. ungaloda thappu, udane yaaravadhu pesunga",
    ),
    # demo - Tamil script
    ("demo", "D6", F, "pos", "உங்க வொர்க்ஷாப் சூப்பர்! பஞ்சர் ஒட்ட எவ்வளவு ஆகும்? கடையிலேயே காத்திருந்து வாங்கிக்கலாமா?"),
    ("demo", "D8", F, "neu", "பழைய சைக்கிள்ல பிரேக் வேலை செய்யல, அதையும் எக்ஸ்சேஞ்ச்க்கு எடுப்பீங்களா?"),
    ("demo", None, F, "neu", "இ-பைக்கை கடையிலேயே சார்ஜ் பண்ணிக்க வசதி இருக்கா?"),
    ("demo", None, F, "neg", "ஆன்லைன்ல வாங்கின லைட் ஒரு நாள் கூட வேலை செய்யல, காசு வீணா போச்சு."),
    ("demo", None, T, "neu", "கடையில யாராவது எனக்கு போன் பண்ணுங்க, பைக் பத்தி கொஞ்சம் பேசணும்"),
    # demo - Tanglish
    ("demo", "D10", F, "neu", "shop phone number enna? workshop pathi oru urgent doubt"),
    ("demo", "D2", T, "neu", "tram la vandha endha stop la iranganum? yaaravadhu call panni vazhi sollunga"),
    ("demo", None, F, "neu", "bike ku custom paint pannuveengala?"),
    ("demo", None, F, "neg", "rendu vaati kettachu, shop la free air pump irukka illaya?"),
    ("demo", None, T, "neg", "naan ketta kelvikku bot vera edho solludhu, oru aal reply pannunga"),
]

ROWS["te"] = [
    # aurora - Telugu script
    ("aurora", "A1", F, "neu", "ఎక్స్‌ప్రెస్ డెలివరీ పుయెబ్లాకి వస్తుందా?"),
    ("aurora", "A3", F, "neu", "పోస్ట్ బాక్స్ (apartado postal) అడ్రస్‌కి డెలివరీ చేస్తారా?"),
    ("aurora", "A6", F, "neg", "రిటర్న్ చేసి 10 రోజులైంది ఇంకా డబ్బులు రాలేదు, చాలా చిరాకుగా ఉంది. క్రెడిట్ కార్డ్ రిఫండ్‌కి ఎన్ని రోజులు పడుతుంది?"),
    ("aurora", "A9", F, "neu", "మెక్సికోలో 9 నెలల వడ్డీ లేని వాయిదాలకి కనీసం ఎంత కొనాలి?"),
    ("aurora", "A15", F, "neu", "పాత స్మార్ట్‌వాచ్ ఇచ్చి వచ్చిన ట్రేడ్-ఇన్ క్రెడిట్ ఎంత కాలం వాడుకోవచ్చు?"),
    ("aurora", "A16", F, "neu", "నాకు Aurora Plus ఉంది, బ్రెజిల్‌లో ఫోన్ సపోర్ట్ నంబర్ ఏంటి?"),
    ("aurora", None, F, "neu", "మీ యాప్‌లో ఆర్డర్ చేస్తే ఏమైనా అదనపు డిస్కౌంట్ ఉంటుందా?"),
    ("aurora", None, F, "neg", "మూడుసార్లు అడిగాను, మీరు అమ్మే ఫోన్లు డ్యూయల్ సిమ్‌వా కాదా? ఒక్కరూ చెప్పట్లేదు"),
    ("aurora", None, F, "neg", "కొత్త ఫ్రిజ్ డెలివరీ అయిన రోజే పని చేయడం ఆగిపోయింది. చాలా నిరాశగా ఉంది."),
    ("aurora", None, T, "neg", "దయచేసి ఒక మనిషితో మాట్లాడించండి, ఈ ఆటో రిప్లైలతో విసుగొచ్చింది"),
    # aurora - Tenglish
    (
        "aurora",
        "A4",
        F,
        "neu",
        "tracking lo 3 sarlu delivery attempt fail ani chupistundi, ippudu naa order em avtundi?",
    ),
    ("aurora", "A7", F, "neu", "Aurora Protege teeskunte accidental damage claim enni sarlu cheyochu?"),
    ("aurora", "A8", F, "neu", "bitcoin or USDT tho pay cheyocha mee site lo?"),
    ("aurora", "A12", F, "neg", "ee month already 3 sarlu price match vadesanu, inkokati kudarada? idhem rule ra babu"),
    (
        "aurora",
        "A14",
        T,
        "neu",
        "ninna vachina speaker asalu on avvatledu. report ela cheyali? evaraina call chesi help cheyandi",
    ),
    ("aurora", None, F, "neu", "Monterrey store lo games try cheyadaniki gaming zone unda?"),
    ("aurora", None, F, "pos", "mee service chala bagundi 👍 Aurora gift card ni WhatsApp lo direct ga gift pampocha?"),
    ("aurora", None, F, "neu", "order lo delivery note add cheyocha, like gate code or 'watchman ki ivvandi'?"),
    ("aurora", None, T, "neu", "billing team lo evaraina unte connect cheyandi, naa CFDI lo RFC tappu padindi"),
    (
        "aurora",
        None,
        T,
        "neg",
        "inka entha sepu ee bot tho? evaraina manishi unte reply ivvandi, chala frustrated ga undi",
    ),
    # solmar - Telugu script
    ("solmar", "S1", F, "pos", "మీ ద్వారా క్రూయిజ్ కూడా బుక్ చేసుకోవచ్చా? మొదటిసారి వెళ్తున్నాం, చాలా ఆనందంగా ఉంది!"),
    ("solmar", "S5", F, "neu", "మా పాప మా అమ్మమ్మతో ఒంటరిగా వెళ్తుంది, మేము వెళ్లట్లేదు. ఏ పేపర్లు కావాలి?"),
    ("solmar", "S6", F, "neu", "మెక్సికో నుండి బుక్ చేస్తే వడ్డీ లేని వాయిదాలు ఉన్నాయా?"),
    ("solmar", "S12", F, "neu", "మెక్సికోలో CFDI కావాలి, పేమెంట్ చేసి రెండు నెలలైంది. ఇప్పుడు అడిగినా వస్తుందా?"),
    ("solmar", "S10", F, "neu", "స్పెయిన్ ఫోన్ నంబర్ ఏంటి? వారం రోజుల్లో సాయంత్రం 8కి కాల్ చేయొచ్చా?"),
    ("solmar", None, F, "neu", "వెనిస్ ప్యాకేజీలో గొండోలా రైడ్ కూడా ఉంటుందా?"),
    ("solmar", None, F, "neg", "నిన్నటి నుండి అడుగుతున్నా, Club Solmar లో చేరడానికి కనీస వయసు ఉందా లేదా? ఎవరూ చెప్పరేంటి?"),
    ("solmar", None, F, "neg", "హోటల్ ఫోటోల్లో చూపించినట్టు లేదు, రూమ్ చిన్నగా మురికిగా ఉంది. చాలా బాధగా ఉంది."),
    ("solmar", None, T, "neu", "నా వీసా సమస్య గురించి ఒక ఏజెంట్ నాకు ఫోన్ చేయగలరా?"),
    # solmar - Tenglish
    ("solmar", "S9", F, "neu", "baby tho travel chestunnam, online check-in chesukovacha leka counter ki vellala?"),
    ("solmar", "S11", F, "neu", "Venta Anticipada discount ravalante entha mundu book cheyali?"),
    ("solmar", "S13", F, "neu", "college fin de curso trip, 30 mandi students. quote kosam ela adagali?"),
    (
        "solmar",
        "S7",
        T,
        "neu",
        "flight 7 hours late ayyindi, evaraina agent tho matladali, Seguro Total teeskunnam kada, emaina compensation vastunda?",
    ),
    ("solmar", None, F, "neu", "Thailand lo elephant sanctuary tour kuda meeru book chestara?"),
    (
        "solmar",
        None,
        F,
        "neg",
        "hotel lo late checkout free ga istara? last time late checkout ki chala ibbandi pettaru",
    ),
    ("solmar", None, T, "neu", "naa booking lo peru spelling tappu undi, evaraina manishi check cheyyali please"),
    (
        "solmar",
        None,
        T,
        "neg",
        "cancellation refund inka raledu, 3 weeks ayindi. mee manager ni line lo ki teeskurandi",
    ),
    (
        "solmar",
        None,
        T,
        "neu",
        "Nairobi airport lo unnam, tour pickup ki evaru raledu. evaraina manishi ventane call cheyandi",
    ),
    # demo - Telugu script
    ("demo", "D3", F, "pos", "మీ బైక్‌లు సూపర్‌గా ఉన్నాయి! 150 యూరోల కంటే ఎక్కువ ఆర్డర్ చేస్తే డెలివరీ ఫ్రీనా?"),
    ("demo", "D5", F, "neu", "ఈ-బైక్ బ్యాటరీని 600 సార్లు ఛార్జ్ చేశాను, ఇంకా వారంటీ ఉంటుందా?"),
    ("demo", None, F, "neu", "మీ వర్క్‌షాప్‌లో సైకిల్ రిపేర్ నేర్చుకోవడానికి క్లాసులు ఉంటాయా?"),
    ("demo", None, F, "neg", "డెలివరీ బాక్స్‌లో బైక్ పెడల్స్ లేవు. అస్సలు బాగోలేదు."),
    ("demo", None, T, "neu", "వర్క్‌షాప్‌లో ఉన్న నా బైక్ గురించి ఎవరైనా నాతో ఫోన్‌లో మాట్లాడాలి"),
    # demo - Tenglish
    ("demo", "D1", T, "neu", "public holiday roju shop open untunda? evaraina call chesi confirm cheyandi"),
    ("demo", "D10", F, "neu", "mee email id enti? bill copy pampali"),
    ("demo", None, F, "neu", "rental e-bike ni weekend ki vere city ki teeskellocha?"),
    ("demo", None, F, "neg", "rendu sarlu adiga, puncture-proof tyres amutara leda? reply ledu"),
    ("demo", None, T, "neg", "ee bot answers anni waste, shop lo evaraina manishi reply ivvandi"),
]

ROWS["fr"] = [
    ("aurora", "A2", F, "neu", "je suis à São Paulo, la livraison express coûte combien svp ?"),
    ("aurora", "A6", F, "neu", "j'ai payé par boleto, le remboursement arrive sur quoi et en combien de temps ?"),
    (
        "aurora",
        None,
        T,
        "neu",
        "quelqu'un de votre équipe pourrait me rappeler ? c'est au sujet d'une commande bloquée",
    ),
    ("solmar", "S3", F, "neu", "si on annule notre forfait 2 jours avant le départ, on récupère quelque chose ?"),
    ("solmar", "S9", F, "pos", "trop hâte de partir !! vous envoyez un rappel pour l'enregistrement en ligne ?"),
    (
        "solmar",
        None,
        F,
        "neg",
        "franchement déçue, personne ne sait me dire si le forfait Grèce inclut une voiture de location ?",
    ),
    ("demo", "D6", F, "neu", "la première révision est gratuite si j'ai acheté mon vélo chez vous il y a 2 mois ?"),
]

ROWS["it"] = [
    ("aurora", "A3", F, "neu", "posso usare la mia carta italiana per un ordine con consegna a Città del Messico?"),
    ("aurora", "A13", T, "neu", "ho sbagliato ordine 5 minuti fa, come lo annullo? preferirei sentire un operatore"),
    ("aurora", None, F, "neu", "vendete anche macchine da caffè a capsule?"),
    ("solmar", "S5", F, "pos", "che bello, finalmente il Vietnam! il visto elettronico me lo fate voi?"),
    ("solmar", "S8", F, "neu", "il mio carlino pesa 11 kg, può viaggiare in stiva?"),
    (
        "solmar",
        "S11",
        F,
        "neg",
        "che delusione: il prezzo del pacchetto è sceso dopo che ho prenotato, mi rimborsate la differenza?",
    ),
    ("demo", "D4", F, "neu", "una bici costruita su misura si può restituire se non mi trovo bene?"),
]

ROWS["de"] = [
    ("aurora", "A7", F, "neu", "Wie lange dauert bei euch eine Garantiereparatur ungefähr?"),
    ("aurora", "A11", F, "neu", "Ab wann hat der Laden in Polanco samstags offen?"),
    ("aurora", None, F, "neg", "Zum dritten Mal jetzt: verkauft ihr auch Handyverträge oder nicht? Langsam nervt es."),
    (
        "solmar",
        "S4",
        F,
        "neu",
        "Ich nehme mein Fahrrad mit nach Mallorca, was kostet das und bis wann muss ich es anmelden?",
    ),
    ("solmar", "S6", F, "neu", "Kann ich eine Reise für 2.400 € über 6 Monate finanzieren?"),
    ("solmar", None, T, "neu", "Ich möchte bitte mit einem Mitarbeiter sprechen, nicht mit dem Chatbot."),
    ("demo", "D9", F, "neu", "Kann ich im Laden mit Apple Pay bezahlen?"),
]


# ---------------------------------------------------------------------------------------------
# Checks and output
# ---------------------------------------------------------------------------------------------
def headings_txt(path):
    found, want = [], 1
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{1,2})\. (\S.*)$", line.strip())
        if m and int(m.group(1)) == want:
            found.append(f"{want}. {m.group(2).strip()}")
            want += 1
    return found


def headings_md(path):
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^##\s+(\d{1,2})\.\s+(\S.*)$", line)
        if m:
            found.append(f"{int(m.group(1))}. {m.group(2).strip()}")
    return found


def words(text):
    t = unicodedata.normalize("NFKD", text.lower())
    t = "".join(c for c in t if not unicodedata.combining(c))
    return re.findall(r"\w+", t)


def shingles(text, n=5):
    w = words(text)
    return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}


def indic_scripts(text):
    found = set()
    for ch in text:
        for lang, (lo, hi) in NATIVE_RANGE.items():
            if lo <= ch <= hi:
                found.add(lang)
    return found


def main():
    errors = []
    files = {"aurora": EVAL_DIR / "aurora-faq.txt", "solmar": EVAL_DIR / "solmar-faq.txt", "demo": DEMO_FAQ}
    for p in files.values():
        if not p.is_file():
            print(f"FAQ file missing: {p} - nothing written")
            sys.exit(1)
    parsed = {
        "A": headings_txt(files["aurora"]),
        "S": headings_txt(files["solmar"]),
        "D": headings_md(files["demo"]),
    }
    for k in HEADINGS:
        if parsed[k] != HEADINGS[k]:
            errors.append(f"heading table {k} differs from the FAQ file: {parsed[k]}")
    faq_shingles = set()
    for p in files.values():
        faq_shingles |= shingles(p.read_text(encoding="utf-8"))

    out, seen, counters = [], {}, Counter()
    for lang in DESIGN:
        rows = ROWS.get(lang, [])
        per_tenant = Counter(r[0] for r in rows)
        want = dict(zip(("aurora", "solmar", "demo"), DESIGN[lang], strict=True))
        for t, n in want.items():
            if per_tenant[t] != n:
                errors.append(f"{lang}: {per_tenant[t]} rows for {t}, designed {n}")
        native = Counter()
        for i, row in enumerate(rows):
            where = f"{lang} row {i + 1}"
            if len(row) != 5:
                errors.append(f"{where}: expected 5 fields")
                continue
            tenant, code, wh, sent, text = row
            if tenant not in want:
                errors.append(f"{where}: unknown tenant {tenant!r}")
                continue
            section = None
            if code is not None:
                m = re.fullmatch(r"([ASD])(\d{1,2})", code)
                if not m:
                    errors.append(f"{where}: bad section code {code!r}")
                    continue
                if CODE_TENANT[m.group(1)] != tenant:
                    errors.append(f"{where}: code {code} does not belong to tenant {tenant}")
                    continue
                idx = int(m.group(2))
                if not 1 <= idx <= len(HEADINGS[m.group(1)]):
                    errors.append(f"{where}: no section {code}")
                    continue
                section = HEADINGS[m.group(1)][idx - 1]
            if not isinstance(wh, bool):
                errors.append(f"{where}: wants_human is not a bool")
            if sent not in SENT:
                errors.append(f"{where}: bad sentiment {sent!r}")
                continue
            if not 20 <= len(text) <= 170:
                errors.append(f"{where}: length {len(text)} outside 20-170: {text}")
            key = text.strip().lower()
            if key in seen:
                errors.append(f"{where}: duplicate text (also {seen[key]})")
            seen[key] = where
            common = shingles(text) & faq_shingles
            if common:
                errors.append(f"{where}: shares five words with an FAQ: {' '.join(sorted(common)[0])!r}")
            scripts = indic_scripts(text)
            if lang in NATIVE_RANGE:
                if scripts - {lang}:
                    errors.append(f"{where}: contains another language's script {scripts - {lang}}")
                if lang in scripts:
                    native[tenant] += 1
            elif scripts:
                errors.append(f"{where}: Indic letters in a {lang} text")
            counters[tenant] += 1
            out.append(
                {
                    "id": f"{PREFIX}-{tenant}-{counters[tenant]:03d}",
                    "tenant": tenant,
                    "text": text,
                    "language": lang,
                    "answerable": section is not None,
                    "section": section,
                    "wants_human": wh,
                    "sentiment": SENT[sent],
                }
            )
        if lang in NATIVE_RANGE:
            for t, n in want.items():
                if native[t] * 2 != n:
                    errors.append(f"{lang}: {native[t]} of {n} {t} rows in native script, designed half")
    extra = set(ROWS) - set(DESIGN)
    if extra:
        errors.append(f"blocks for undesigned languages: {sorted(extra)}")

    if errors:
        print(f"FAILED: {len(errors)} problem(s); nothing written")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    path = HERE / "messages.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for m in out:
            f.write(json.dumps(m, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} messages to {path}")


if __name__ == "__main__":
    main()

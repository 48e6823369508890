#!/usr/bin/env python3
"""Generate heldout8/messages.jsonl from the hand-written table below (one block per language).

Every row was written by hand, one at a time: (tenant, section code, wants_human, sentiment, text).
  tenant     a = aurora, s = solmar, d = demo
  code       A<n> / S<n> / D<n> = section n of that tenant's FAQ (the row is answerable), "-" = not answerable
  wants_human 1 / 0
  sentiment  "+" positive, "0" neutral, "-" negative
The language is the block's. Ids h8-<tenant>-<nnn> are numbered per tenant in file order.

Before writing, the script checks: the heading table below equals the numbered headings parsed from the
FAQ files; each code belongs to the row's tenant; every text is 20-170 characters and unique; no text
shares a run of five consecutive words with any FAQ text (lower case, accents removed); hi/ta/te rows are
half native script (Devanagari/Tamil/Telugu) and half Latin letters per tenant; per-language tenant counts
match the design. Any failure: nothing is written, exit status 1.

FAQ locations: EVAL_DIR (aurora-faq.txt, solmar-faq.txt; default ../shared/eval beside the repo root)
and DEMO_FAQ (default deploy/local/sample/demo-faq.md under the repo root).

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
OUT = HERE / "messages.jsonl"

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
TENANT = {"a": "aurora", "s": "solmar", "d": "demo"}
LETTER = {"a": "A", "s": "S", "d": "D"}
SENT = {"+": "positive", "0": "neutral", "-": "negative"}
DESIGN = {
    **{lang: {"a": 20, "s": 18, "d": 10} for lang in ("en", "es", "pt", "hi", "ta", "te")},
    **{lang: {"a": 3, "s": 3, "d": 1} for lang in ("fr", "it", "de")},
}
NATIVE_RANGE = {"hi": ("\u0900", "\u097f"), "ta": ("\u0b80", "\u0bff"), "te": ("\u0c00", "\u0c7f")}

ROWS = {}

# ---------------------------------------------------------------------------------------------- en
ROWS["en"] = [
    (
        "a",
        "A1",
        0,
        "+",
        "you guys were super quick last time 🙌 if i pay for an air fryer at 3:40pm on a tuesday does it leave today or tomorrow?",
    ),
    (
        "a",
        "A2",
        0,
        "+",
        "love the headphone deals rn!! cart is at MXN 940, if i throw in a 79 peso cable is shipping free then?",
    ),
    (
        "a",
        "A3",
        0,
        "-",
        "seriously?? im in San Diego and checkout keeps rejecting my address. do u ship to the US or not",
    ),
    (
        "a",
        "A4",
        0,
        "0",
        "got the tracking sms maybe 6 hrs ago and the carrier site shows nothing at all yet, is that normal",
    ),
    (
        "a",
        "A5",
        0,
        "0",
        "bought a game for my nephew but he already has it, i took the plastic wrap off tho. can i still send it back?",
    ),
    (
        "a",
        "A7",
        1,
        "0",
        "my tablet screen started flickering at 8 months, never dropped it. is that covered? also pls can an actual person look at my case",
    ),
    (
        "a",
        "A9",
        0,
        "-",
        "why does 12 msi never show up with my banorte card?? the phone is MXN 2,400, this is so annoying",
    ),
    (
        "a",
        "A10",
        0,
        "0",
        "paid for a monitor on march 29 and totally forgot the factura, it's april 3 now. am i too late?",
    ),
    (
        "a",
        "A11",
        0,
        "0",
        "my roommate is grabbing my order at Coyoacán bc im stuck at work, what does she need to bring?",
    ),
    ("a", "A16", 0, "0", "whats the whatsapp number for mexico? i'd rather text than use this chat"),
    ("a", "-", 0, "0", "can i gift an Aurora Plus membership to my dad for his bday?"),
    (
        "a",
        "-",
        0,
        "-",
        "when is the iphone 16 back in stock on aurora.com.mx?? been checking for weeks, this is ridiculous",
    ),
    ("a", "-", 0, "0", "do u guys mount the TV on the wall when you deliver or do i need to hire someone for that"),
    ("a", "-", 0, "0", "can store credit be used to pay for Aurora Plus or only for products?"),
    ("a", "-", 0, "0", "any student discount? im at UNAM and need a laptop for next semester"),
    (
        "a",
        "-",
        1,
        "-",
        "been on this chat 20 min and the bot keeps sending me the same 3 links. get me someone who actually works there",
    ),
    (
        "a",
        "-",
        1,
        "0",
        "could someone from the Andares store call me back? its about an order, my number is on the account",
    ),
    (
        "a",
        "-",
        1,
        "-",
        "i want to speak to a supervisor. third time my delivery got 'rescheduled' with zero explanation",
    ),
    ("a", "-", 1, "0", "hi, is there a real human on this chat right now? need help w an order"),
    (
        "a",
        "-",
        0,
        "-",
        "washing machine showed up with a huge dent on the side and the driver just drove off. really disappointed in aurora",
    ),
    ("s", "S1", 0, "0", "my son is 17, can he be the main name on the booking for his graduation trip w friends?"),
    (
        "s",
        "S2",
        0,
        "0",
        "we have a hotel in Ibiza for july 20 and want to push it to august. today is july 1, can we still move it and what does it cost?",
    ),
    (
        "s",
        "S3",
        0,
        "0",
        "wife got sick so we need to cancel our Tenerife package, it leaves in 10 days. how much do we lose?",
    ),
    ("s", "S4", 0, "0", "how big can my carry on be on the package flight? my backpack is about 50x35x20"),
    ("s", "S5", 0, "0", "uk passport here, does Solmar sort out the visa for Vietnam or do i do it myself?"),
    (
        "s",
        "S7",
        0,
        "-",
        "so the insurance that comes with my package doesn't even cover cancelling?? whats the point of it then",
    ),
    (
        "s",
        "S8",
        0,
        "+",
        "so happy we can finally take Luna with us 🐱 she's 5kg and her carrier is 2kg, can she stay in the cabin?",
    ),
    ("s", "S10", 0, "0", "what time does the Mexico phone line open in the morning?"),
    (
        "s",
        "S13",
        1,
        "0",
        "planning a company incentive trip to Lisbon for 35 people. can someone from your groups team call me? and how many free places would we get?",
    ),
    ("s", "-", 0, "0", "does Seguro Solmar Total have an age limit? my mom is 85 and wants to come to Rome with us"),
    ("s", "-", 0, "-", "how long does the Egypt e-visa take once you apply?? your site says nothing about it"),
    (
        "s",
        "-",
        0,
        "-",
        "third time asking: is the drinks package included on your Mediterranean cruises or do we pay on board",
    ),
    ("s", "-", 0, "0", "do you have an office in Medellin? i'd rather pay in person"),
    ("s", "-", 0, "0", "does Club Solmar have a gold tier or anything with lounge access?"),
    (
        "s",
        "-",
        1,
        "0",
        "flight got cancelled at Barajas and we're stuck at the gate with two little kids. please have an agent phone me asap",
    ),
    ("s", "-", 1, "-", "your bot keeps sending me back to the FAQ. i want a manager, not another link"),
    (
        "s",
        "-",
        1,
        "0",
        "could a person have a look at my booking? something's off with the names and i'd rather not guess",
    ),
    (
        "s",
        "-",
        0,
        "-",
        "paid for the Total insurance and the claim form link has been broken for a week. really poor service",
    ),
    ("d", "D1", 0, "0", "can i drop my bike at the workshop saturday around 3pm?"),
    (
        "d",
        "D3",
        0,
        "0",
        "no need to bother anyone, just tell me what delivery costs on a 48 eur order (saddle + bottle cage)",
    ),
    ("d", "D6", 0, "+", "you fixed my brakes so fast last time 🙌 how much is a full service these days?"),
    (
        "d",
        "D5",
        1,
        "-",
        "my e-bike battery died after like 14 months?? surely thats under warranty. i want someone who actually works on e-bikes to look at this",
    ),
    ("d", "-", 0, "0", "do you do tubeless conversions? roughly how much?"),
    ("d", "-", 0, "0", "do your rental e-bikes come with a phone holder for maps?"),
    ("d", "-", 0, "0", "do you stock Brompton folding bikes or could you order one in?"),
    ("d", "-", 1, "0", "can somebody from the shop give me a ring? its about the bike i left for repair last week"),
    ("d", "-", 1, "-", "ugh, talking to a bot again. put me through to whoever's in the workshop"),
    ("d", "-", 0, "-", "picked up my bike after the service and the gears skip worse than before. not impressed"),
]

# ---------------------------------------------------------------------------------------------- es
ROWS["es"] = [
    (
        "a",
        "A1",
        0,
        "0",
        "vivo en Tuxtla Gutiérrez, cuántos días tarda un envío normal? es para un cumpleaños y no quiero q llegue tarde",
    ),
    ("a", "A6", 0, "0", "devolví unos audífonos y me ofrecen saldo Aurora en vez del reembolso, q gano yo con eso?"),
    ("a", "A8", 0, "0", "se puede pagar la mitad con mi tarjeta y la otra mitad con la de mi esposo?"),
    ("a", "A9", 0, "-", "neta no me deja usar mi débito BBVA para meses sin intereses, q onda con eso??"),
    ("a", "A10", 0, "0", "necesito factura de algo q compré en la tienda de Polanco, la pido desde la página?"),
    (
        "a",
        "A11",
        0,
        "+",
        "la tienda de San Pedro está padrísima jaja, a q hora abren el domingo? quiero ir por mi pedido",
    ),
    (
        "a",
        "A12",
        0,
        "+",
        "me encanta comprar con ustedes 😍 vi la misma pantalla más barata en Coppel, me igualan el precio si aún no la compro?",
    ),
    ("a", "A13", 0, "0", "me equivoqué de color en el pedido y ya dice Enviado 😩 todavía lo puedo cancelar?"),
    (
        "a",
        "A14",
        1,
        "0",
        "la licuadora llegó con el vaso estrellado, la recibí ayer. me la cambian? prefiero q me atienda alguien de carne y hueso",
    ),
    (
        "a",
        "A15",
        0,
        "0",
        "no hace falta q me pasen con nadie, solo díganme si aceptan un Xbox viejo en el programa de intercambio",
    ),
    ("a", "-", 0, "0", "cuándo abren tienda en Mérida? Polanco me queda lejísimos"),
    ("a", "-", 0, "0", "el Aurora Protege se puede pagar a meses o tiene q ser de contado?"),
    ("a", "-", 0, "0", "tienen lavadoras de exhibición o de segunda con descuento en la tienda de Coyoacán?"),
    (
        "a",
        "-",
        0,
        "-",
        "ya van 3 veces q pregunto: puedo elegir q me lo mande DHL y no Estafeta?? Estafeta siempre me pierde todo",
    ),
    ("a", "-", 0, "0", "con Aurora Plus dan acceso antes al Hot Sale o nomás es lo del envío?"),
    ("a", "-", 1, "-", "oigan necesito hablar con un gerente, esto ya es el colmo con mi pedido"),
    ("a", "-", 1, "0", "me pueden marcar porfa? voy manejando y no puedo escribir bien"),
    ("a", "-", 1, "-", "hay alguien ahí?? llevo media hora esperando q alguien me conteste"),
    ("a", "-", 1, "-", "quiero q alguien de la tienda de Andares vea mi pedido, el chatbot no entiende nada"),
    ("a", "-", 0, "-", "pedí un cargador y me mandaron un cable q no tiene nada q ver. pésimo control de calidad"),
    ("s", "S1", 0, "0", "cuánto tengo q dar de entrada para reservar un paquete a Cancún q sale en 5 meses?"),
    (
        "s",
        "S2",
        0,
        "-",
        "vaya tela… compré vuelo Basic Madrid-Roma y tengo q mover el viaje una semana. se puede o no?",
    ),
    ("s", "S3", 0, "0", "si acepto el bono en vez del dinero, de cuánto es y hasta cuándo lo puedo usar?"),
    ("s", "S4", 1, "0", "se me perdió la maleta, sigo en el aeropuerto de Cancún. q hago? y pásame con alguien xfa"),
    ("s", "S6", 0, "0", "puedo pagar con Bizum un viaje de 850 euros?"),
    ("s", "S9", 0, "0", "che, el vuelo chárter del paquete a Punta Cana no me deja hacer check-in online, cómo hago?"),
    (
        "s",
        "S11",
        0,
        "-",
        "reservé hace dos días y ahora veo un cupón de 30€ en instagram, me lo aplican o no? porq si no me parece fatal",
    ),
    (
        "s",
        "S12",
        0,
        "0",
        "necesito la factura a nombre de mi empresa y la reserva la hice hace una semana, llego a tiempo?",
    ),
    (
        "s",
        "S14",
        0,
        "+",
        "mi madre va en silla de ruedas y la otra vez nos trataron genial 🙏 la asistencia en el aeropuerto se paga aparte?",
    ),
    ("s", "-", 0, "0", "cuánto es la tasa consular del visado a la India aparte de lo vuestro?"),
    ("s", "-", 0, "0", "tienen paquetes a Machu Picchu con guía incluido?"),
    ("s", "-", 0, "0", "los puntos del Club Solmar se pueden pasar a la cuenta de mi hermana?"),
    ("s", "-", 0, "0", "cuánto cobran por maleta extra en un vuelo interno de Bogotá a Cartagena?"),
    (
        "s",
        "-",
        0,
        "-",
        "es la tercera vez q pregunto y nadie sabe: en el crucero por el Caribe se puede bajar en Cozumel por libre?",
    ),
    (
        "s",
        "-",
        1,
        "0",
        "necesito hablar con una persona YA, estamos en el aeropuerto de Bogotá y la aerolínea dice q nuestra reserva no existe",
    ),
    (
        "s",
        "-",
        1,
        "-",
        "quiero hablar con tu supervisor, llevo 3 días esperando respuesta de un reembolso y esto es una tomadura de pelo",
    ),
    (
        "s",
        "-",
        1,
        "0",
        "me podéis llamar mañana por la mañana? es por el viaje de fin de curso, prefiero hablarlo con alguien",
    ),
    (
        "s",
        "-",
        0,
        "-",
        "el hotel de Cancún no tenía nada de accesible y me lo confirmasteis por escrito. muy decepcionada con Solmar",
    ),
    ("d", "D2", 0, "0", "hola! voy en tranvía, en q parada me bajo para llegar a la tienda?"),
    ("d", "D4", 0, "0", "compré un casco la semana pasada, lo usé una vez y me queda chico. lo puedo devolver?"),
    ("d", "D7", 0, "+", "q buena onda q alquilen e-bikes!! cuánto sale una semana entera?"),
    (
        "d",
        "D9",
        1,
        "0",
        "la bici cuesta 480 eur, la puedo pagar en 3 cuotas? mejor q me llame alguien de la tienda para verlo",
    ),
    ("d", "-", 0, "0", "cuánto cobran por purgar los frenos hidráulicos?"),
    ("d", "-", 0, "0", "me guardan la bici en el taller durante el invierno? cuánto sería al mes"),
    ("d", "-", 0, "-", "fui ayer y no había ni una e-bike decente 😒 q marcas traen? buscaba una Orbea"),
    ("d", "-", 1, "-", "ya van dos veces q el bot me contesta cualquier cosa. quiero hablar con el mecánico"),
    ("d", "-", 1, "0", "hay alguien de la tienda por ahí? es urgente"),
    ("d", "-", 0, "-", "me cobraron 12 eur por el pinchazo y a los dos días otra vez sin aire. mal trabajo"),
]

# ---------------------------------------------------------------------------------------------- pt
ROWS["pt"] = [
    ("a", "A2", 0, "0", "qto fica o frete de uma geladeira? ela pesa uns 60kg, moro em Campinas"),
    (
        "a",
        "A3",
        0,
        "-",
        "sério q não dá pra mandar pra minha mãe em Portugal? comprei no site do Brasil e travou no endereço",
    ),
    ("a", "A5", 0, "-", "comprei um fone in-ear, rompi o lacre e testei, o som é horrível. dá pra devolver ou não?"),
    ("a", "A8", 0, "+", "amo a aurora!! se eu pagar no pix tem desconto mesmo? quanto?"),
    ("a", "A9", 0, "0", "dá pra parcelar em 10x sem juros no cartão do Nubank uma TV de R$ 2.800?"),
    ("a", "A10", 0, "-", "coloquei o CPF errado na compra e a nota já veio. vcs conseguem corrigir ou não??"),
    (
        "a",
        "A12",
        0,
        "+",
        "adorei o notebook!! mas ele baixou de preço 5 dias depois da entrega, vcs devolvem a diferença?",
    ),
    (
        "a",
        "A14",
        1,
        "0",
        "veio o celular errado, pedi azul e chegou preto, recebi hj. tenho q pagar pra devolver? quero falar com um atendente humano",
    ),
    (
        "a",
        "A15",
        0,
        "0",
        "meu pai vai levar o tablet velho dele pra troca na loja da Barra, precisa fazer algo antes além dele ligar?",
    ),
    ("a", "A16", 0, "0", "não precisa chamar ninguém não, só me passa o whatsapp de vcs aqui no Brasil"),
    ("a", "-", 0, "0", "a loja de Pinheiros tem assistência técnica pra consertar celular na hora?"),
    ("a", "-", 0, "0", "vcs tem cupom de primeira compra no app?"),
    ("a", "-", 0, "0", "vcs fazem entrega agendada, tipo só de manhã? trabalho a tarde toda"),
    ("a", "-", 0, "0", "quanto a aurora paga num Galaxy S21 usado em bom estado?"),
    ("a", "-", 0, "-", "pq vcs não vendem Xiaomi?? vão trazer algum dia ou não"),
    ("a", "-", 1, "0", "oi, tem alguém de verdade aí? preciso resolver um problema no meu pedido"),
    ("a", "-", 1, "-", "quero falar com o gerente, faz 3 semanas q ninguém resolve meu reembolso"),
    ("a", "-", 1, "-", "alguém pode me ligar? o chat cai toda hora, já tô de saco cheio"),
    ("a", "-", 1, "-", "se uma pessoa não olhar meu caso hoje vou abrir reclamação no Reclame Aqui"),
    ("a", "-", 0, "0", "a caixa do micro-ondas chegou toda amassada, mas o aparelho tá funcionando. só avisando msm"),
    ("s", "S1", 0, "0", "dá pra reservar cruzeiro pelo app de vcs ou só voo e hotel?"),
    (
        "s",
        "S3",
        0,
        "-",
        "que absurdo, vcs cancelaram nossa viagem pra Cancún a uma semana de ir. pelo menos devolvem tudo?",
    ),
    ("s", "S5", 0, "0", "vamos pro Egito em maio, vcs tiram o visto eletrônico pra gente? quanto sai?"),
    ("s", "S6", 0, "0", "moro em Madri, posso ir numa agência de vcs e pagar 1.500 euros em dinheiro?"),
    ("s", "S8", 0, "0", "meu cachorro tem 15kg, ele pode ir comigo na cabine pra Barcelona?"),
    (
        "s",
        "S9",
        0,
        "-",
        "onde acho o localizador da companhia pro check-in? o da Solmar não funciona no site da Iberia, já tô irritado",
    ),
    ("s", "S10", 0, "0", "que horas abre o whatsapp de vcs no domingo?"),
    ("s", "S11", 0, "+", "adoro o Club Solmar! tenho 2.500 pontos, quantos euros de desconto isso dá?"),
    (
        "s",
        "S14",
        1,
        "0",
        "preciso de quarto adaptado pro meu marido cadeirante, como sei se o hotel é adaptado mesmo? queria falar com uma pessoa",
    ),
    ("s", "-", 0, "0", "vcs vendem ingresso pro Camp Nou junto com o pacote de Barcelona?"),
    ("s", "-", 0, "0", "o pacote pra Punta Cana é all inclusive ou só café da manhã?"),
    ("s", "-", 0, "0", "tem desconto pra idoso? minha mãe tem 72 anos"),
    ("s", "-", 0, "-", "segunda vez q pergunto e nada: no cruzeiro pelo Mediterrâneo tem cabine com varanda?"),
    ("s", "-", 0, "0", "o bono Solmar dá pra usar em cruzeiro ou só em pacote?"),
    ("s", "-", 1, "0", "preciso de um humano urgente, perdemos a conexão em Madri e ninguém da companhia ajuda"),
    ("s", "-", 1, "0", "vcs podem me ligar? tô com uma dúvida complicada sobre uma viagem em grupo"),
    ("s", "-", 1, "-", "esse robô não entende nada 😤 cadê um atendente de verdade??"),
    ("s", "-", 0, "-", "o hotel em Roma era bem diferente das fotos do site de vcs. decepcionante demais"),
    ("d", "D1", 0, "0", "oi, a loja abre em feriado?"),
    ("d", "D3", 0, "+", "adoro a loja de vcs! moro a uns 5 km, vcs entregam a bike em casa sem custo?"),
    ("d", "D8", 0, "0", "quero vender minha bike velha pra vcs por dinheiro, não quero outra. rola?"),
    (
        "d",
        "D10",
        1,
        "0",
        "meu pedal quebrou e preciso da bike amanhã, alguém da equipe me chama no whats? qual o número?",
    ),
    ("d", "-", 0, "0", "quanto custa uma bateria nova de e-bike depois dos 500 ciclos?"),
    ("d", "-", 0, "0", "tem desconto pra quem vai de bike pro trabalho? tipo parceria com empresa"),
    ("d", "-", 0, "0", "vcs buscam a bike quebrada lá em casa pra levar pra oficina?"),
    ("d", "-", 1, "-", "cara, esse chat automático não resolve nada. quero falar com alguém da oficina"),
    ("d", "-", 1, "0", "oi! alguém da loja pode me responder rapidinho? valeu"),
    ("d", "-", 0, "-", "comprei luvas online e levaram 6 dias úteis pra chegar. bem chato"),
]

# ---------------------------------------------------------------------------------------------- hi
ROWS["hi"] = [
    # aurora, Devanagari
    ("a", "A1", 0, "0", "मैंने शनिवार को ऑर्डर किया और पेमेंट भी कर दी। ये warehouse से कब निकलेगा?"),
    ("a", "A4", 0, "-", "7 working days से tracking में कुछ नहीं बदला, अब मैं क्या करूँ? बहुत परेशान हो गया हूँ"),
    ("a", "A6", 0, "0", "मैंने किश्तों (MSI) वाली खरीद लौटा दी है, क्या बाकी किश्तें अब भी कटती रहेंगी?"),
    ("a", "A7", 0, "0", "फ़ोन पानी की बाल्टी में गिर गया, सिर्फ़ 3 महीने पुराना है। वारंटी में ठीक हो जाएगा?"),
    ("a", "A11", 0, "+", "Andares वाला स्टोर बहुत बढ़िया है 👌 pickup वाला ऑर्डर आप कितने दिन तक रखते हो?"),
    ("a", "-", 1, "0", "क्या कोई इंसान मुझे फ़ोन कर सकता है? मेरा ऑर्डर दो बार अपने आप cancel हो गया"),
    ("a", "-", 1, "-", "तीसरी बार पूछ रही हूँ, कोई असली आदमी जवाब देगा या नहीं?"),
    ("a", "-", 0, "0", "क्या Aurora के स्टोर में पुराने फ़ोन की बैटरी बदलवा सकते हैं?"),
    ("a", "-", 0, "0", "Aurora Protege लेने के बाद कैंसल कर दूँ तो पैसा वापस मिलेगा?"),
    ("a", "-", 0, "-", "डिलीवरी वाला बिना बताए पैकेट गार्ड के पास छोड़ गया, ये बिल्कुल ठीक नहीं है"),
    # aurora, Hinglish
    (
        "a",
        "A12",
        0,
        "-",
        "yaar TV kal hi liya aur aaj Liverpool pe sasta dikh raha hai, ab price match karoge ya nahi? ye kya scene hai",
    ),
    ("a", "A13", 0, "0", "galti se 2 item ek hi order me daal diye, bas ek hatana hai, ho jayega kya?"),
    (
        "a",
        "A14",
        1,
        "0",
        "laptop ka box phata hua aaya aur screen pe crack hai, kal delivery hui. replace karoge? kisi insaan se baat karni hai pls",
    ),
    ("a", "A15", 0, "+", "aap log best ho 🙏 trade-in wala credit kab tak use karna hoga, expire hota hai kya?"),
    ("a", "A16", 0, "0", "Brazil wale support ka email id kya hai? bas mail karna hai"),
    ("a", "-", 0, "0", "bhai Coyoacán store me Apple ka koi counter hai kya, AirPods try karne ke liye?"),
    ("a", "-", 0, "-", "kitni baar puchu, iPad Air wapas stock me kab aayega?? website pe kuch likha hi nahi"),
    ("a", "-", 0, "0", "Aurora Plus beech saal me cancel kiya to bache hue paise refund hote hai?"),
    ("a", "-", 1, "-", "bot se baat karke thak gaya hu, manager ko bulao please"),
    ("a", "-", 1, "0", "koi hai kya? order ke baare me urgent baat karni hai, call back kar do"),
    # solmar, Devanagari
    ("s", "S2", 0, "0", "मेरी booking में नाम की spelling में दो अक्षर ग़लत हैं। ठीक करवाने का कितना लगेगा?"),
    ("s", "S4", 0, "0", "golf के clubs साथ ले जाने हैं, कितने दिन पहले बताना पड़ेगा और charge कितना है?"),
    ("s", "S6", 0, "0", "मैं मेक्सिको में रहता हूँ, क्या पैकेज का पैसा बिना ब्याज की किश्तों में दे सकता हूँ?"),
    ("s", "S7", 1, "0", "यूरोप में 10 दिन के ट्रिप के लिए Seguro Solmar Total कितने का पड़ेगा? किसी agent से बात करा दो"),
    ("s", "S8", 0, "0", "मेरी बिल्ली को rabies का टीका यात्रा से कितने दिन पहले लगवाना ज़रूरी है?"),
    ("s", "-", 0, "0", "क्या आप लोग गोवा के लिए भी पैकेज बेचते हो?"),
    (
        "s",
        "-",
        0,
        "-",
        "दो हफ़्ते से email का जवाब नहीं आया, बहुत बुरा लगा। क्या Club Solmar points से business class upgrade मिलता है?",
    ),
    ("s", "-", 1, "-", "मुझे आपके मैनेजर से बात करनी है, मेरा refund महीने भर से अटका हुआ है"),
    ("s", "-", 0, "-", "पिछली बार आपके होटल में AC ख़राब था और किसी ने ध्यान नहीं दिया। बहुत निराश हूँ"),
    # solmar, Hinglish
    (
        "s",
        "S3",
        0,
        "0",
        "hotel free cancellation wala hai, bono pe 12 march likha hai aur aaj 10 march hai. cancel karu to paisa katega?",
    ),
    ("s", "S11", 0, "+", "newsletter join kiya, maza aa gaya 😄 welcome coupon 300 euro ki booking pe chalega?"),
    ("s", "S12", 0, "0", "company ke naam pe invoice chahiye, booking 2 mahine pehle ki thi. ab bhi mil sakta hai?"),
    ("s", "S13", 0, "0", "office ke 25 log Lisbon ja rahe hain group me, deposit kitna dena padega?"),
    ("s", "-", 0, "0", "Madrid airport pe Solmar ka koi lounge hai kya?"),
    ("s", "-", 0, "0", "honeymoon package me room decoration free milta hai kya?"),
    ("s", "-", 1, "-", "yaar koi real banda hai kya chat pe? bot bas copy paste kar raha hai"),
    ("s", "-", 1, "0", "kal subah call kar sakte ho? booking ke baare me thoda confusion hai"),
    ("s", "-", 0, "-", "refund ka status app me kaise check karu? kuch dikhta hi nahi, bahut ghatiya app hai"),
    # demo, Devanagari
    ("d", "D6", 0, "+", "आपकी दुकान बहुत बढ़िया है! पंक्चर रुककर बनवा सकते हैं? कितना लगेगा?"),
    ("d", "D7", 0, "0", "किराए वाली साइकिल के साथ helmet अलग से लेना पड़ेगा क्या?"),
    ("d", "-", 1, "0", "दुकान से कोई मुझे फ़ोन कर दे, मेरी bike की repair के बारे में बात करनी है"),
    ("d", "-", 0, "0", "क्या आप bike के frame पर नाम engrave कर देते हो? चोरी से बचाने के लिए"),
    ("d", "-", 0, "-", "नई bike की घंटी दूसरे ही दिन टूट गई। quality बहुत ख़राब है"),
    # demo, Hinglish
    ("d", "D4", 0, "0", "ek jersey li thi, pehni nahi, tag bhi laga hai. 20 din ho gaye, return ho jayegi?"),
    (
        "d",
        "D5",
        1,
        "-",
        "meri bike ka frame bina kisi accident ke crack ho gaya, 3 saal purani hai aur main pehla owner hu. warranty milegi na? shop ke kisi bande se baat karao",
    ),
    ("d", "-", 0, "0", "Decathlon pe sasta mile to price match karte ho kya?"),
    ("d", "-", 1, "-", "is chatbot se kuch nahi hoga, mechanic bhaiya se baat karni hai 🙄"),
    ("d", "-", 0, "0", "rental bike chori ho gayi to kitna bharna padega?"),
]

# ---------------------------------------------------------------------------------------------- ta
ROWS["ta"] = [
    # aurora, Tamil script
    ("a", "A2", 0, "0", "Express delivery-க்கு எவ்வளவு charge? என் order மொத்தம் 3000 பெசோ வரும்"),
    ("a", "A3", 0, "0", "நான் Monterrey-ல இருக்கேன், Texas-ல இருக்கிற அண்ணனுக்கு ஒரு phone அனுப்ப முடியுமா?"),
    ("a", "A4", 0, "-", "DHL மூணு தடவை வந்தாங்கன்னு சொல்றீங்க, ஆனா யாருமே வரல! இப்போ என் order என்ன ஆகும்?"),
    ("a", "A5", 0, "+", "Aurora-ல shopping செம்ம experience 😍 ஒரு gift card வாங்கினேன், அதை திருப்பி கொடுக்க முடியுமா?"),
    ("a", "A7", 0, "-", "என் smartwatch-ஐ warranty repair-க்கு கொடுத்து 3 வாரம் ஆச்சு, இன்னும் எவ்வளவு நாள் தான் ஆகும்??"),
    ("a", "-", 1, "-", "யாராவது மனுஷங்க பேசுவீங்களா? bot கிட்ட பேசி பேசி அலுத்துப்போச்சு"),
    ("a", "-", 1, "0", "என்னை யாராவது call பண்ண முடியுமா? order விஷயமா கொஞ்சம் பேசணும்"),
    ("a", "-", 0, "0", "புது fridge delivery பண்ணும்போது பழைய fridge-ஐ எடுத்துட்டு போவீங்களா?"),
    ("a", "-", 0, "0", "Pinheiros store-ல gaming laptop-ஐ வாங்குறதுக்கு முன்னாடி try பண்ணி பார்க்க முடியுமா?"),
    ("a", "-", 0, "-", "order பண்ண mixer-ல ஒரு jar காணோம். ரொம்ப ஏமாற்றமா இருக்கு"),
    # aurora, Tanglish
    ("a", "A8", 0, "0", "OXXO la pay panna evlo time irukku? innaiku night dhaan order pannen"),
    ("a", "A10", 0, "+", "aurora app semma easy 👌 CFDI request panniten, PDF um XML um evlo naal la varum?"),
    ("a", "A11", 0, "0", "en friend en order-a Polanco store la collect pannalama? naan office la maatikiten"),
    (
        "a",
        "A13",
        1,
        "0",
        "pre-order panna game-a release ku munnadi cancel panna mudiyuma? yaaravadhu agent kitta pesanum",
    ),
    ("a", "A16", 0, "0", "sunday saayangaalam 5 manikku chat la human agent irupaangala?"),
    ("a", "-", 0, "-", "en Aurora Plus membership auto-renew aaguma? yaarum sollave illa, romba irritating"),
    ("a", "-", 0, "0", "Guadalajara store la pazhaya laptop la irundhu data transfer panni tharuveengala?"),
    ("a", "-", 1, "-", "enna service idhu, 4 naal aachu reply illa. supervisor kitta pesanum"),
    ("a", "-", 1, "0", "hello yaaravadhu irukeengala? konjam urgent"),
    ("a", "-", 0, "0", "Canon RF 50mm lens Aurora la vikkireengala?"),
    # solmar, Tamil script
    ("s", "S1", 0, "0", "பயணத்துக்கு 20 நாள் தான் இருக்கு, இப்போ package book பண்ணா முழு பணமும் உடனே கட்டணுமா?"),
    ("s", "S5", 0, "0", "எங்க பையனுக்கு 16 வயசு, school trip-ஆ தனியா Italy போறான். parents-கிட்ட இருந்து என்ன document வேணும்?"),
    ("s", "S7", 0, "0", "Seguro Total-ல luggage தொலைஞ்சா அதிகபட்சம் எவ்வளவு தருவீங்க?"),
    ("s", "S9", 0, "-", "online check-in பண்ணாம airport-ல பண்ணா காசு கேக்குறாங்களாம், உண்மையா? இது அநியாயம்"),
    ("s", "S10", 0, "0", "மெக்சிகோ office phone நம்பர் என்ன? சனிக்கிழமை கூப்பிடலாமா?"),
    ("s", "-", 1, "0", "உங்க office-ல இருந்து யாராவது என்னை கூப்பிடுங்க, booking-ல பெரிய குழப்பம்"),
    ("s", "-", 1, "-", "இந்த bot-க்கு ஒண்ணுமே புரியல. ஒரு மனுஷன்கிட்ட பேச வைங்க"),
    ("s", "-", 0, "0", "Singapore package-ல Universal Studios ticket சேர்ந்திருக்குமா?"),
    ("s", "-", 0, "-", "போன முறை cruise-ல room ரொம்ப சின்னதா இருந்துச்சு, photo-ல காட்டினது வேற. கடுப்பா இருக்கு"),
    # solmar, Tanglish
    (
        "s",
        "S2",
        1,
        "0",
        "en flight Classic fare, date maathanum. fare difference mattum kattina podhuma? oru agent kitta pesa mudiyuma",
    ),
    ("s", "S6", 0, "0", "Argentina la irukken, package-a cuotas la pay panna mudiyuma?"),
    ("s", "S12", 0, "+", "unga service super! Colombia la irukken, DIAN electronic invoice tharuveengala?"),
    ("s", "S14", 0, "0", "en appa crutches um wheelchair um kondu poraanga, flight la extra charge aaguma?"),
    ("s", "-", 0, "-", "Solmar app la live flight status paakka mudiyuma? app romba mosam"),
    ("s", "-", 0, "-", "3 times mail anupiten, bathil illa. Seguro Total la pre-existing diabetes cover aaguma?"),
    ("s", "-", 0, "0", "Bangkok package la Thai cooking class irukka?"),
    ("s", "-", 1, "0", "naalaikku flight, romba urgent, yaaravadhu udane call pannunga pls"),
    ("s", "-", 0, "0", "12 per group booking ku evlo percent discount kidaikkum?"),
    # demo, Tamil script
    ("d", "D2", 0, "0", "கடைக்கு கார்ல வந்தா park பண்ண இடம் இருக்கா?"),
    ("d", "D9", 0, "+", "உங்க கடை சூப்பர்! gift card குறைஞ்சது எவ்வளவுக்கு வாங்கலாம், எத்தனை வருஷம் valid?"),
    ("d", "-", 1, "0", "mechanic அண்ணா கிட்ட நேரடியா பேசணும், chat வேண்டாம்"),
    ("d", "-", 0, "0", "பழைய bike-ஐ உங்க கடைக்கு donate பண்ணலாமா?"),
    ("d", "-", 0, "-", "online-ல order பண்ண pump வேற model வந்திருக்கு. சரியில்ல"),
    # demo, Tanglish
    ("d", "D8", 0, "0", "en paiyan oda kids cycle-a kuduthu enakku pudhu bike-la discount vaanga mudiyuma?"),
    (
        "d",
        "D10",
        1,
        "-",
        "WhatsApp la msg pannen, reply varala 😡 shop number enna? direct-a yaaraavadhu kitta pesanum",
    ),
    ("d", "-", 0, "0", "helmet la action camera mount fit panni tharuveengala?"),
    ("d", "-", 0, "0", "en pazhaya bike-a neenga enakkaga vithu tharuveengala, commission eduthukitu?"),
    ("d", "-", 1, "-", "bot ellam venaam bro, shop la irukkura yaaraavadhu reply pannunga"),
]

# ---------------------------------------------------------------------------------------------- te
ROWS["te"] = [
    # aurora, Telugu script
    ("a", "A1", 0, "0", "నేను Belém లో ఉంటాను, normal delivery కి ఎన్ని రోజులు పడుతుంది?"),
    ("a", "A2", 0, "0", "Brazil లో Aurora Plus membership కి సంవత్సరానికి ఎంత కట్టాలి?"),
    ("a", "A3", 0, "+", "మీ Mexico site చాలా బాగుంది! నా card India లో issue అయింది, దానితో కొనచ్చా?"),
    ("a", "A5", 0, "0", "Buen Fin లో కొన్న speaker ని ఇప్పుడు డిసెంబర్ లో return చేయొచ్చా?"),
    ("a", "A6", 0, "0", "OXXO లో cash కట్టి కొన్న mixer ని return చేశాను. డబ్బు నాకు ఎలా తిరిగి వస్తుంది?"),
    ("a", "-", 1, "-", "ఎవరైనా మనిషి తో మాట్లాడాలి, ఈ bot కి నా ప్రశ్న అసలు అర్థం కావడం లేదు"),
    ("a", "-", 1, "0", "దయచేసి ఎవరైనా నాకు call back చేయండి, order గురించి మాట్లాడాలి"),
    ("a", "-", 0, "0", "Aurora app లో wishlist లో పెట్టిన item ధర తగ్గితే notification వస్తుందా?"),
    ("a", "-", 0, "-", "నాలుగు సార్లు అడిగాను, ఎవరూ చెప్పడం లేదు: Aurora gift card కి expiry ఉందా?"),
    ("a", "-", 0, "-", "మూడు వారాలైంది, refund ఇంకా రాలేదు. చాలా చెత్త service"),
    # aurora, Tenglish
    ("a", "A4", 0, "-", "tracking number eppudu pamputaru? SMS lo raledu, email lo kuda ledu, chiraku ga undi"),
    ("a", "A9", 1, "0", "Brazil lo 12x parcelas pettocha? interest entha padutundi? evaraina agent tho matladali"),
    (
        "a",
        "A12",
        0,
        "+",
        "Aurora prices chala baagunnayi 👍 Casas Bahia lo oka marketplace seller daggara cheaper undi, match chestara?",
    ),
    ("a", "A14", 0, "0", "washing machine box bayata damage ga undi, driver inka ikkade unnadu. teesukovala vaddha?"),
    ("a", "A15", 0, "-", "trade-in lo inspection tarvatha value taggincharu, idi anyayam. naa phone venakki isthara?"),
    ("a", "-", 0, "0", "San Pedro store lo car ki EV charger unda?"),
    ("a", "-", 0, "0", "Aurora lo laptop oka nela kosam rent ki istara?"),
    ("a", "-", 1, "-", "enni saarlu cheppali, nenu manager tho ippude matladali"),
    ("a", "-", 1, "0", "store nunchi evaraina naaku phone cheyyagalara? pickup code inka raledu"),
    ("a", "-", 0, "0", "Brazil site lo Apple Watch ki engraving chestara?"),
    # solmar, Telugu script
    ("s", "S3", 0, "0", "package ని బయలుదేరడానికి సుమారు 50 రోజుల ముందు cancel చేస్తే ఎంత కట్ అవుతుంది?"),
    ("s", "S4", 0, "-", "Basic tariff లో trolley bag కూడా తీసుకెళ్ళలేమా? ఇదేం rule అండి"),
    ("s", "S5", 0, "0", "నాకు Spanish passport ఉంది, India e-visa మీరే చేసి ఇస్తారా?"),
    ("s", "S8", 1, "0", "మా కుక్కని Mexico తీసుకెళ్తున్నాం, vet certificate ఎన్ని రోజుల ముందు తీసుకోవాలి? ఎవరైనా మనిషితో మాట్లాడాలి"),
    ("s", "S9", 0, "0", "check-in reminder link మీరు flight కి ఎంత ముందు పంపుతారు?"),
    ("s", "-", 1, "0", "నేను airport లో ఉన్నాను, flight cancel అయింది. వెంటనే ఎవరైనా agent కావాలి"),
    ("s", "-", 0, "0", "Thailand కి Solmar cruise ఏమైనా ఉందా?"),
    ("s", "-", 0, "-", "రెండు సార్లు అడిగాను, జవాబు లేదు. Club Solmar points app లో ఎక్కడ చూడాలి?"),
    ("s", "-", 0, "-", "hotel లో breakfast ఉంది అని మీరు చెప్పారు, అక్కడ లేదు అన్నారు. చాలా కోపంగా ఉంది"),
    # solmar, Tenglish
    ("s", "S10", 0, "0", "Spain lo mee offices Saturday kuda open untaya? timings enti?"),
    ("s", "S11", 0, "0", "coupon code pettadam marchipoyanu, booking ayyaka apply cheyocha?"),
    (
        "s",
        "S13",
        0,
        "+",
        "maa friend wedding destination lo plan chestunnam, meeru destination weddings organize chestara? super excited!!",
    ),
    ("s", "S14", 0, "0", "Spanish sign language lo video call support timings enti?"),
    ("s", "-", 0, "0", "honeymoon ki Santorini package lo private boat tour untunda?"),
    ("s", "-", 0, "0", "bono Solmar ni vere vallaki transfer cheyocha?"),
    ("s", "-", 1, "-", "ee chatbot waste, oka real person ni pettandi"),
    ("s", "-", 1, "0", "naa booking lo konchem confusion undi, evaraina call chesi explain cheyagalara?"),
    ("s", "-", 0, "-", "Solmar app lo seat select cheyocha? last time middle seat ichaaru, chiraku ga undi"),
    # demo, Telugu script
    ("d", "D1", 0, "0", "డిసెంబర్ లో బుధవారం సాయంత్రం 7:30 కి షాప్ తెరిచి ఉంటుందా?"),
    ("d", "D3", 0, "+", "మీ షాప్ చాలా బాగుంది! నేను వేరే city లో ఉంటాను, bike పంపిస్తే ఎన్ని రోజుల్లో వస్తుంది?"),
    ("d", "-", 1, "0", "workshop నుంచి ఎవరైనా నాకు ఫోన్ చేయగలరా? bike ready అయిందో లేదో తెలియాలి"),
    ("d", "-", 0, "0", "మీ దగ్గర bike wash service ఉందా?"),
    ("d", "-", 0, "-", "service తర్వాత brake నుంచి కీచు శబ్దం వస్తోంది, చాలా నిరాశగా ఉంది"),
    # demo, Tenglish
    ("d", "D4", 0, "-", "malli wrong size tyre pampincharu! return ki shipping charge nene kattala?"),
    ("d", "D6", 1, "0", "naa bike meeru ammindi kaadu, vere brand. service chestara? shop owner tho matladali"),
    ("d", "-", 0, "0", "bike ki theft insurance meeru istara?"),
    ("d", "-", 0, "0", "Portside cycling club members ki emaina discount untunda?"),
    ("d", "-", 1, "-", "bot replies tho visugu vachindi, shop lo evaraina reply ivvandi please"),
]

# ---------------------------------------------------------------------------------------------- fr
ROWS["fr"] = [
    (
        "a",
        "A7",
        0,
        "0",
        "bonjour, je peux encore prendre l'extension Aurora Protege 3 semaines après l'achat de ma télé ?",
    ),
    ("a", "-", 1, "0", "je préférerais parler à quelqu'un de chez vous plutôt qu'à un robot, c'est possible ?"),
    ("a", "A6", 0, "0", "payé par PayPal, le retour a été validé hier. l'argent revient en combien de temps svp ?"),
    ("s", "S5", 0, "0", "j'ai un passeport français, pour le Mexique il doit être encore valable combien de temps ?"),
    ("s", "S1", 0, "+", "super voyage l'an dernier avec vous !! le prix du vol est bloqué dès que je réserve ou pas ?"),
    (
        "s",
        "-",
        0,
        "-",
        "franchement déçu, toujours pas de réponse à mon mail. vous proposez des sorties en catamaran à Majorque ?",
    ),
    ("d", "D7", 0, "0", "c'est combien la caution pour louer un vélo électrique chez vous ?"),
]

# ---------------------------------------------------------------------------------------------- it
ROWS["it"] = [
    (
        "a",
        "A12",
        1,
        "0",
        "ho visto lo stesso frullatore a meno su Amazon México, venduto da Amazon. fate price match? vorrei parlarne con un operatore",
    ),
    ("a", "A8", 0, "0", "si può pagare in contanti alla consegna?"),
    ("a", "-", 0, "0", "per le lavatrici fate anche la consegna al piano e l'installazione?"),
    ("s", "S4", 0, "-", "assurdo, 60 euro per la tavola da surf!! ma è a tratta o andata e ritorno??"),
    ("s", "S6", 0, "0", "accettate American Express per pagare un pacchetto?"),
    ("s", "-", 0, "0", "organizzate anche tour in Toscana con degustazione di vini?"),
    ("d", "D9", 0, "+", "negozio fantastico, complimenti! posso pagare con Google Pay?"),
]

# ---------------------------------------------------------------------------------------------- de
ROWS["de"] = [
    ("a", "A13", 0, "0", "Hallo, ich hab vor 20 Minuten bezahlt und möchte die Bestellung stornieren. Kostet das was?"),
    ("a", "A11", 0, "0", "Wie schnell ist eine Abholung im Laden fertig, wenn der Artikel vorrätig ist?"),
    ("a", "-", 1, "-", "Das ist jetzt meine dritte Nachricht ohne Antwort. Ich will endlich mit einem Menschen reden!"),
    ("s", "S13", 0, "0", "Wir sind 14 Kollegen. Bekommen wir als Gruppe einen eigenen Ansprechpartner?"),
    (
        "s",
        "S2",
        0,
        "0",
        "Wenn ich die Tarifa Flexible für 45 Euro dazubuche, ist die erste Datumsänderung dann gratis?",
    ),
    ("s", "-", 0, "0", "Bietet Solmar auch Flusskreuzfahrten auf der Donau an?"),
    ("d", "D2", 0, "0", "Gibt es bei euch einen überdachten Platz, wo ich mein Rad abschließen kann?"),
]


# ------------------------------------------------------------------------------------------ checks
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
    """Lower-case words with accents removed (combining marks dropped after NFKD)."""
    t = unicodedata.normalize("NFKD", text.lower())
    t = "".join(ch for ch in t if not unicodedata.combining(ch))
    return re.findall(r"\w+", t)


def grams(ws, n=5):
    return {tuple(ws[i : i + n]) for i in range(len(ws) - n + 1)}


def script(text, lang):
    lo, hi = NATIVE_RANGE.get(lang, ("\u0900", "\u0c7f"))
    if any(lo <= ch <= hi for ch in text):
        return "native"
    if any("\u0900" <= ch <= "\u0c7f" for ch in text):
        return "other-indic"
    return "latin"


def main():
    errors = []
    faq_files = {"aurora": EVAL_DIR / "aurora-faq.txt", "solmar": EVAL_DIR / "solmar-faq.txt", "demo": DEMO_FAQ}
    missing = [str(p) for p in faq_files.values() if not p.is_file()]
    if missing:
        print("FAILED: FAQ file(s) missing: " + ", ".join(missing) + " (nothing written)")
        sys.exit(1)
    parsed = {
        "A": headings_txt(faq_files["aurora"]),
        "S": headings_txt(faq_files["solmar"]),
        "D": headings_md(faq_files["demo"]),
    }
    for letter in "ASD":
        if parsed[letter] != HEADINGS[letter]:
            errors.append(f"heading table {letter} differs from the FAQ file: {parsed[letter]}")
    faq_grams = set()
    for p in faq_files.values():
        faq_grams |= grams(words(p.read_text(encoding="utf-8")))

    out, seen, counters = [], {}, Counter()
    per = Counter()
    for lang, rows in ROWS.items():
        for i, row in enumerate(rows, 1):
            where = f"{lang} row {i}"
            if len(row) != 5:
                errors.append(f"{where}: expected 5 fields")
                continue
            t, code, wh, sent, text = row
            if t not in TENANT:
                errors.append(f"{where}: unknown tenant {t!r}")
                continue
            if wh not in (0, 1) or sent not in SENT:
                errors.append(f"{where}: bad wants_human/sentiment {wh!r}/{sent!r}")
            section = None
            if code != "-":
                m = re.fullmatch(r"([ASD])(\d{1,2})", code)
                if not m or m.group(1) != LETTER[t]:
                    errors.append(f"{where}: code {code!r} does not belong to tenant {TENANT[t]}")
                elif not 1 <= int(m.group(2)) <= len(HEADINGS[m.group(1)]):
                    errors.append(f"{where}: code {code!r} out of range")
                else:
                    section = HEADINGS[m.group(1)][int(m.group(2)) - 1]
            if not 20 <= len(text) <= 170:
                errors.append(f"{where}: length {len(text)} outside 20-170")
            key = " ".join(text.casefold().split())
            if key in seen:
                errors.append(f"{where}: duplicate text (also {seen[key]})")
            seen[key] = where
            shared = grams(words(text)) & faq_grams
            if shared:
                errors.append(f"{where}: shares five words with an FAQ: {' '.join(sorted(shared)[0])!r}")
            sc = script(text, lang)
            if lang in NATIVE_RANGE:
                if sc == "other-indic":
                    errors.append(f"{where}: native script is not {lang}'s")
                per[(lang, t, sc)] += 1
            elif sc != "latin":
                errors.append(f"{where}: Indic script in a {lang} row")
            counters[(lang, t)] += 1
            counters[t] += 1
            tenant = TENANT[t]
            out.append(
                {
                    "id": f"h8-{tenant}-{counters[t]:03d}",
                    "tenant": tenant,
                    "text": text,
                    "language": lang,
                    "answerable": section is not None,
                    "section": section,
                    "wants_human": bool(wh),
                    "sentiment": SENT.get(sent, sent),
                }
            )
    for lang, want in DESIGN.items():
        for t, n in want.items():
            if counters[(lang, t)] != n:
                errors.append(f"{lang}/{TENANT[t]}: {counters[(lang, t)]} rows, design says {n}")
    for lang in NATIVE_RANGE:
        for t in TENANT:
            if per[(lang, t, "native")] != per[(lang, t, "latin")]:
                errors.append(
                    f"{lang}/{TENANT[t]}: native {per[(lang, t, 'native')]} vs latin {per[(lang, t, 'latin')]}"
                )
    if errors:
        print(f"FAILED: {len(errors)} problem(s), nothing written")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    with OUT.open("w", encoding="utf-8") as f:
        for m in out:
            f.write(json.dumps(m, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} messages to {OUT}")


if __name__ == "__main__":
    main()
